//===--- DetachedTaskCheck.h - coro-detached-task --------------------------===//

#ifndef COROLINT_LIB_DETACHEDTASKCHECK_H
#define COROLINT_LIB_DETACHEDTASKCHECK_H

#include "checks/CorolintCheck.h"
#include "model/ExceptionFlow.h"

namespace corolint {

/// Finds fire-and-forget work whose errors vanish: coroutines spawned with a
/// detached token, detached threads and senders, discarded eager starts and
/// discarded std::async futures. See docs/checks/coro-detached-task.md.
class DetachedTaskCheck : public CorolintCheck {
public:
  DetachedTaskCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override {
    return LO.CPlusPlus;
  }
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkSpawn(const clang::CallExpr &Call, const clang::ASTContext &Ctx);
  /// True if \p Call detaches coroutines (one or more) none of which can
  /// let an exception escape: there is nothing to lose.
  bool detachesOnlyNothrow(const clang::CallExpr &Call) const;
  /// False if the task that eager start \p Start is called on runs work
  /// that cannot throw: discarding the result loses nothing.
  bool startedWorkMayThrow(const clang::CallExpr &Start) const;

  const std::string SpawnFunctions;
  const std::string DetachedTokenTypes;
  const std::string DetachingFunctions;
  const std::string DetachedThreadFunctions;
  const std::string EagerStartFunctions;
  const std::string BlockingFutureFunctions;
  const std::string ErrorCodeTokens;
  const std::string ExecutorTypes;
  const std::string Handler;
  const std::string ValueHandler;
  NameList Spawn, DetachedTokens, Detaching, DetachedThreads, EagerStarts,
      BlockingFutures;
  /// Whether a spawned coroutine can have exceptions to lose.
  ExceptionFlow Flow;
};

} // namespace corolint

#endif // COROLINT_LIB_DETACHEDTASKCHECK_H
