//===--- SwallowedCancellationCheck.h - coro-swallowed-cancellation --------===//

#ifndef COROLINT_LIB_SWALLOWEDCANCELLATIONCHECK_H
#define COROLINT_LIB_SWALLOWEDCANCELLATIONCHECK_H

#include "checks/CorolintCheck.h"

namespace corolint {

/// Finds handlers and error-code tests that swallow a coroutine's
/// cancellation. See docs/checks/coro-swallowed-cancellation.md.
class SwallowedCancellationCheck : public CorolintCheck {
public:
  SwallowedCancellationCheck(llvm::StringRef Name,
                             clang::tidy::ClangTidyContext *Context);
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// \p InLoop and \p SuspensionAfter tell whether the coroutine can suspend
  /// again after \p S, that is, keep running.
  void walk(const clang::Stmt *S, bool InLoop, bool SuspensionAfter,
            const clang::ASTContext &Ctx);
  void checkTry(const clang::CXXTryStmt &Try, bool KeepsRunning);
  void checkLoopBody(const clang::Stmt &Body);
  bool mentionsCancellation(const clang::Stmt *S) const;
  /// True if \p S leaves the coroutine or the loop (see the definition).
  bool leaves(const clang::Stmt *S) const;
  /// True if \p S suspends other than to wait for work the coroutine holds
  /// already (`co_await join(threads);`): after a cancellation, waiting for
  /// its own children to finish is how it stops, not how it goes on.
  bool goesOnAfter(const clang::Stmt *S, const clang::ASTContext &Ctx);
  bool holdsWork(const clang::ValueDecl &Var, const clang::ASTContext &Ctx);
  const clang::ValueDecl *errorCodeOf(const clang::Stmt &Statement,
                                      const clang::Stmt &Suspension) const;

  const std::string CatchTypes;
  const std::string CancellationExceptionTypes;
  const std::string CancellationChecks;
  const std::string ErrorCodeTokens;
  const std::string FatalTestMacros;
  NameList Catches, CancellationExceptions, Checks, ErrorTokens, FatalTests;
};

} // namespace corolint

#endif // COROLINT_LIB_SWALLOWEDCANCELLATIONCHECK_H
