//===--- DanglingReferenceCheck.h - coro-dangling-reference ----------------===//

#ifndef COROLINT_LIB_DANGLINGREFERENCECHECK_H
#define COROLINT_LIB_DANGLINGREFERENCECHECK_H

#include "checks/CorolintCheck.h"
#include "llvm/ADT/DenseMap.h"

namespace corolint {

/// Finds coroutines that can outlive what their reference parameters or
/// lambda captures refer to. See docs/checks/coro-dangling-reference.md.
class DanglingReferenceCheck : public CorolintCheck {
public:
  DanglingReferenceCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Context);
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override {
    CorolintCheck::onStartOfTranslationUnit();
    Waiting.clear();
  }

private:
  /// Where the value of the expression being walked ends up.
  struct Use {
    bool Awaited = false;        // Completes within the full expression.
    bool Statement = false;      // A discarded expression statement.
    const clang::Stmt *Escape = nullptr; // The return, or the spawn call.
    bool Spawned = false;
  };
  void walk(const clang::Stmt *S, Use U, const clang::ASTContext &Ctx);
  void checkCall(const clang::CallExpr &Call, Use U, const clang::ASTContext &Ctx);
  void checkInvokedLambda(const clang::LambdaExpr &Lambda,
                          const clang::CallExpr &Call, Use U);
  void checkSpawnedLambda(const clang::LambdaExpr &Lambda, const clang::CallExpr &Spawn);
  bool isCoroutineCall(const clang::CallExpr &Call, const clang::ASTContext &Ctx);
  bool isReferenceLike(clang::QualType T) const;
  bool waitsBeforeReturning(const clang::CallExpr &Call);

  const std::string SpawnFunctions;
  const std::string RunToCompletionFunctions;
  const std::string WaitingFunctions;
  const std::string EventLoopRunFunctions;
  const std::string ReferenceLikeTypes;
  /// RunToCompletionFunctions and WaitingFunctions: a call of either that
  /// takes a coroutine's result finishes the coroutine.
  NameList Spawn, Completing, EventLoopRun, ReferenceLike;
  /// The function being analysed.
  const clang::FunctionDecl *Current = nullptr;
  /// The function being analysed runs an event loop to completion.
  bool RunsEventLoop = false;
  /// Callees known to wait (or not) before they return.
  llvm::DenseMap<const clang::FunctionDecl *, bool> Waiting;
};

} // namespace corolint

#endif // COROLINT_LIB_DANGLINGREFERENCECHECK_H
