//===--- DanglingReferenceCheck.h - coro-dangling-reference ----------------===//

#ifndef COROLINT_LIB_DANGLINGREFERENCECHECK_H
#define COROLINT_LIB_DANGLINGREFERENCECHECK_H

#include "checks/CorolintCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace corolint {

/// Finds coroutines that can outlive what their reference parameters or
/// lambda captures refer to. See docs/checks/coro-dangling-reference.md.
class DanglingReferenceCheck : public CorolintCheck {
public:
  DanglingReferenceCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Context);
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void onStartOfTranslationUnit() override {
    CorolintCheck::onStartOfTranslationUnit();
    Waiting.clear();
    Fates.clear();
    KeptByClass.clear();
    ClosuresReported.clear();
  }

private:
  /// Where the value of the expression being walked ends up.
  struct Use {
    bool Awaited = false;        // Completes within the full expression.
    bool Statement = false;      // A discarded expression statement.
    const clang::Stmt *Escape = nullptr; // The return, or the spawn call.
    bool Spawned = false;
    bool IntoScope = false; // Spawned into a scope that a join awaits.
  };
  void walk(const clang::Stmt *S, Use U, const clang::ASTContext &Ctx);
  void checkCall(const clang::CallExpr &Call, Use U, const clang::ASTContext &Ctx);
  /// The object a member coroutine runs on is bound to it as `this`, like a
  /// reference parameter: `Conn c; co_spawn(io, c.run(), detached);`.
  void checkObject(const clang::CXXMemberCallExpr &Call, Use U,
                   const clang::ASTContext &Ctx);
  /// The local of the function being analysed that \p Pointer (`p` in
  /// `p->run()`) names, if it holds the only owner of a new object
  /// (OwnerMakingFunctions) and is used only to reach the object.
  const clang::VarDecl *soleOwner(const clang::Expr &Pointer) const;
  /// The note at the return or spawn that lets the coroutine escape.
  void noteEscape(const Use &U);
  bool awaitsOn(const clang::VarDecl &Var,
                const clang::CXXMemberCallExpr &Spawned) const;
  /// The first SelfOwnerFunctions call in \p Coroutine: anywhere if
  /// \p AnyTime, else only before its first suspension.
  const clang::CallExpr *ownerTaken(const clang::FunctionDecl &Coroutine,
                                    bool AnyTime,
                                    const clang::SourceManager &SM) const;
  void checkInvokedLambda(const clang::LambdaExpr &Lambda,
                          const clang::CallExpr &Call, Use U);
  /// What a callee does with the callable bound to one of its parameters.
  enum class ClosureFate {
    Unknown,  // Not known: stored, kept, passed on to code out of sight.
    Kept,     // Alive until the coroutine it returned finishes.
    Borrowed, // The callee refers to the caller's closure and lets the
              // coroutine escape: alive until the caller's full expression
              // ends.
    Dropped,  // The callee copies the closure and destroys the copy before
              // the coroutine it returned finishes.
  };
  ClosureFate closureFate(const clang::FunctionDecl &Callee, unsigned ParamIndex,
                          unsigned Depth);
  void checkClosureArguments(const clang::CallExpr &Call, Use U);
  void checkSpawnedLambda(const clang::LambdaExpr &Lambda, const clang::CallExpr &Spawn);
  bool isCoroutineCall(const clang::CallExpr &Call, const clang::ASTContext &Ctx);
  /// Spawned work that runs on `this` (a member coroutine called on it, a
  /// lambda coroutine capturing it) while nothing keeps the object alive.
  void checkSpawnedThis(const clang::Expr &Spawned,
                        const clang::CallExpr *Spawner,
                        const clang::ASTContext &Ctx);
  /// True if \p Spawned holds an owner of the object or enters one of its
  /// gates: in its arguments and captures, where the spawner writes them.
  bool holdsOwnerOrGate(const clang::Expr &Spawned) const;
  /// True if \p Class shows that it outlives its work whatever spawns it:
  /// it deletes itself, or its destructor waits.
  bool outlivesItsWork(const clang::CXXRecordDecl &Class);
  bool isReferenceLike(clang::QualType T) const;
  bool waitsBeforeReturning(const clang::CallExpr &Call);
  /// corolint::waitsBeforeReturning with Completing, cached per function.
  bool waitsBeforeReturning(const clang::FunctionDecl &F);

  const std::string SpawnFunctions;
  const std::string RunToCompletionFunctions;
  const std::string WaitingFunctions;
  const std::string EventLoopRunFunctions;
  const std::string ReferenceLikeTypes;
  const std::string ClosureDroppingFunctions;
  const std::string ScopeSpawnFunctions;
  /// A callee that returns a coroutine type and whose definition is not in
  /// sight is taken for a coroutine (the worst case); off by default.
  const bool AssumeCoroutineWhenUnseen;
  const std::string DetachingFunctions;
  const std::string EagerStartFunctions;
  const std::string SelfOwnerFunctions;
  const std::string OwnerMakingFunctions;
  const std::string GateFunctions;
  const std::string GateHolderFunctions;
  const std::string InvokingFunctions;
  /// Report work spawned on `this` also in a class that neither is
  /// shared-owned nor has a gate or scope: off by default, since what keeps
  /// such an object alive (a server living in `main`) is decided elsewhere.
  const bool ReportUnprovenOwners;
  /// RunToCompletionFunctions and WaitingFunctions: a call of either that
  /// takes a coroutine's result finishes the coroutine.
  NameList Spawn, Completing, EventLoopRun, ReferenceLike, ClosureDropping,
      ScopeSpawn, Detaching, EagerStart, SelfOwner, OwnerMaking, Gate,
      GateHolder, Invoking;
  /// The function being analysed.
  const clang::FunctionDecl *Current = nullptr;
  /// The loops around the statement being walked, innermost last.
  llvm::SmallVector<const clang::Stmt *, 4> Loops;
  /// True if \p Var dies with an iteration of the innermost loop around
  /// \p Spawn, and nothing after \p Spawn in that iteration suspends (as a
  /// join would).
  bool diesWithIteration(const clang::VarDecl &Var,
                         const clang::CallExpr &Spawn) const;
  /// The function being analysed runs an event loop to completion.
  bool RunsEventLoop = false;
  /// Callees known to wait (or not) before they return.
  llvm::DenseMap<const clang::FunctionDecl *, bool> Waiting;
  /// closureFate() per callee definition and parameter index.
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>, ClosureFate>
      Fates;
  /// outlivesItsWork() per class.
  llvm::DenseMap<const clang::CXXRecordDecl *, bool> KeptByClass;
  /// Lambdas reported for a closure that dies first (checkClosureArguments).
  llvm::SmallPtrSet<const clang::Expr *, 8> ClosuresReported;
};

} // namespace corolint

#endif // COROLINT_LIB_DANGLINGREFERENCECHECK_H
