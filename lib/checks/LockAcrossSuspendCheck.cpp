//===--- LockAcrossSuspendCheck.cpp - coro-lock-across-suspend -------------===//

#include "checks/LockAcrossSuspendCheck.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

// Locks of coroutine-aware mutexes are meant to be held across awaits.

LockAcrossSuspendCheck::LockAcrossSuspendCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      LockTypes(listOption(Role::LockTypes)),
      MutexTypes(listOption(Role::MutexTypes)),
      AsyncLockTypes(listOption(Role::AsyncLockTypes)),
      Locks(LockTypes), Mutexes(MutexTypes), AsyncLocks(AsyncLockTypes) {}

/// A mutex with a member that returns something to co_await (cppcoro's
/// lock_async, async_simple's coLock) is made for coroutines: waiters
/// suspend rather than block, and any thread may unlock it, so even a
/// standard lock of it may be held across suspensions.
bool LockAcrossSuspendCheck::isCoroutineMutex(const CXXRecordDecl &Mutex,
                                              const ASTContext &Ctx) {
  if (AsyncLocks.matches(Mutex))
    return true;
  const CXXRecordDecl *Definition = Mutex.getDefinition();
  if (!Definition)
    return false;
  auto HasAwaitableMember = [&](const CXXRecordDecl *Class) {
    for (const Decl *Member : Class->decls())
      if (const FunctionDecl *Method = Member->getAsFunction();
          Method && isa<CXXMethodDecl>(Method)) {
        CoroutineTypeInfo Info = Types.classify(Method->getReturnType(), Ctx);
        if (Info.Awaitable || Info.CoroutineReturn)
          return true;
      }
    return false;
  };
  return HasAwaitableMember(Definition) ||
         !Definition->forallBases([&](const CXXRecordDecl *Base) {
           return !HasAwaitableMember(Base);
         });
}

bool LockAcrossSuspendCheck::isLock(QualType T, const ASTContext &Ctx) {
  const CXXRecordDecl *Class = T->getAsCXXRecordDecl();
  if (!Class || AsyncLocks.matches(*Class))
    return false;
  if (!Locks.matches(*Class) && !Class->hasAttr<ScopedLockableAttr>())
    return false;
  // std::unique_lock<M>, std::scoped_lock<M...>: judged by the mutexes.
  const auto *Specialization = dyn_cast<ClassTemplateSpecializationDecl>(Class);
  if (!Specialization)
    return true;
  for (const TemplateArgument &Argument :
       Specialization->getTemplateArgs().asArray()) {
    llvm::ArrayRef<TemplateArgument> Mutexes =
        Argument.getKind() == TemplateArgument::Pack ? Argument.pack_elements()
                                                     : Argument;
    for (const TemplateArgument &M : Mutexes)
      if (M.getKind() == TemplateArgument::Type)
        if (const CXXRecordDecl *Mutex = M.getAsType()->getAsCXXRecordDecl();
            Mutex && isCoroutineMutex(*Mutex, Ctx))
          return false;
  }
  return true;
}

bool LockAcrossSuspendCheck::isMutex(QualType T, const ASTContext &Ctx) {
  const CXXRecordDecl *Class = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Class || isCoroutineMutex(*Class, Ctx))
    return false;
  return Mutexes.matches(*Class) || Class->hasAttr<CapabilityAttr>();
}

/// The declaration a lock operation is called on: `lock.unlock()` gives the
/// lock variable, `m.lock()` or `this->m.lock()` the mutex.
static const ValueDecl *objectOf(const CXXMemberCallExpr &Call) {
  return namedVariable(Call.getImplicitObjectArgument());
}

/// Whether call or construction \p S passes \p Target to a parameter that
/// may take its state: a non-const lvalue reference or an rvalue reference.
static bool handsOver(const Stmt *S, const ValueDecl *Target) {
  for (auto [Param, Argument] : argumentsByParameter(*cast<Expr>(S))) {
    QualType Type = Param->getType();
    bool MayTake = Type->isRValueReferenceType() ||
                   (Type->isLValueReferenceType() &&
                    !Type.getNonReferenceType().isConstQualified());
    const Expr *Arg = Argument->IgnoreParenImpCasts();
    if (const auto *Move = dyn_cast<CallExpr>(Arg);
        Move && Move->isCallToStdMove() && Move->getNumArgs() == 1)
      Arg = Move->getArg(0)->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg);
        MayTake && Ref && Ref->getDecl() == Target)
      return true;
  }
  return false;
}

/// Tracks whether one lock is held through a sequence of statements.
struct LockAcrossSuspendCheck::Scan {
  const ValueDecl *Target;
  bool Locked;
  /// A lock object, not a mutex: passing it on may pass on what it holds.
  bool IsLock;
};

const Stmt *LockAcrossSuspendCheck::firstSuspension(const Stmt *S,
                                                    Scan &State) const {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return nullptr;
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    for (const Stmt *Head : {If->getInit(), static_cast<const Stmt *>(
                                               If->getConditionVariableDeclStmt()),
                             static_cast<const Stmt *>(If->getCond())})
      if (const Stmt *Found = firstSuspension(Head, State))
        return Found;
    // Locked after the if when locked at the end of either branch.
    Scan Then = State, Else = State;
    if (const Stmt *Found = firstSuspension(If->getThen(), Then))
      return Found;
    if (const Stmt *Found = firstSuspension(If->getElse(), Else))
      return Found;
    State.Locked = Then.Locked || Else.Locked;
    return nullptr;
  }
  if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S)) {
    // Twice: what the first iteration leaves locked holds in the second.
    for (int Iteration = 0; Iteration < 2; ++Iteration) {
      Scan Body = State;
      for (const Stmt *Child : S->children())
        if (const Stmt *Found = firstSuspension(Child, Body))
          return Found;
      State.Locked = State.Locked || Body.Locked;
    }
    return nullptr;
  }
  if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S)) {
    if (const Stmt *Found = firstSuspension(Suspend->getOperand(), State))
      return Found;
    return State.Locked ? S : nullptr;
  }
  if (const auto *Suspend = dyn_cast<DependentCoawaitExpr>(S)) {
    if (const Stmt *Found = firstSuspension(Suspend->getOperand(), State))
      return Found;
    return State.Locked ? S : nullptr;
  }
  if (const auto *Return = dyn_cast<CoreturnStmt>(S))
    return firstSuspension(Return->getOperand(), State);
  // A lock handed over by non-const reference or moved out (to an awaiter
  // that releases it in await_suspend, say) may no longer hold anything.
  if (State.IsLock && isa<CallExpr, CXXConstructExpr>(S) &&
      handsOver(S, State.Target)) {
    for (const Stmt *Child : S->children())
      if (const Stmt *Found = firstSuspension(Child, State))
        return Found;
    State.Locked = false;
    return nullptr;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
      Call && objectOf(*Call) == State.Target && Call->getMethodDecl()) {
    for (const Expr *Arg : Call->arguments())
      if (const Stmt *Found = firstSuspension(Arg, State))
        return Found;
    llvm::StringRef Name = Call->getMethodDecl()->getName();
    if (Name == "unlock" || Name == "unlock_shared" || Name == "release")
      State.Locked = false;
    else if (Name == "lock" || Name == "lock_shared")
      State.Locked = true;
    return nullptr;
  }
  for (const Stmt *Child : S->children())
    if (const Stmt *Found = firstSuspension(Child, State))
      return Found;
  return nullptr;
}

/// A lock that a `co_await` produced (`auto lock = co_await
/// mutex.co_scoped_lock();`) comes from a mutex made for coroutines: it
/// suspends instead of blocking, whatever the lock's class.
static bool isAwaitedLock(const VarDecl &Lock) {
  const Expr *Init = Lock.getInit();
  while (Init) {
    Init = stripImplicit(Init);
    if (isa<CoroutineSuspendExpr>(Init))
      return true;
    const auto *Construct = dyn_cast<CXXConstructExpr>(Init);
    if (!Construct || Construct->getNumArgs() != 1)
      return false;
    Init = Construct->getArg(0);
  }
  return false;
}

/// A unique_lock built with std::defer_lock starts unlocked.
static bool startsLocked(const VarDecl &Lock) {
  const auto *Construct =
      dyn_cast_or_null<CXXConstructExpr>(stripImplicit(Lock.getInit()));
  if (!Construct)
    return true;
  for (const Expr *Arg : Construct->arguments())
    if (const CXXRecordDecl *Tag = Arg->getType()->getAsCXXRecordDecl())
      if (Tag->getQualifiedNameAsString() == "std::defer_lock_t")
        return false;
  return true;
}

void LockAcrossSuspendCheck::checkBlock(const CompoundStmt &Block) {
  for (auto It = Block.body_begin(), End = Block.body_end(); It != End; ++It) {
    // A lock that lives to the end of the block, or a mutex locked by hand.
    const ValueDecl *Target = nullptr;
    bool Locked = true;
    bool IsGuard = false;
    SourceLocation Where;
    if (const auto *Declaration = dyn_cast<DeclStmt>(*It)) {
      for (const Decl *D : Declaration->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D);
            Var && Var->hasLocalStorage() && !isAwaitedLock(*Var) &&
            isLock(Var->getType(), Var->getASTContext())) {
          Target = Var;
          Locked = startsLocked(*Var);
          IsGuard = true;
          Where = Var->getLocation();
        }
    } else if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
                   stripImplicit(dyn_cast<Expr>(*It)))) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (Method &&
          (Method->getName() == "lock" || Method->getName() == "lock_shared") &&
          isMutex(Call->getImplicitObjectArgument()->getType(),
                  Method->getASTContext())) {
        Target = objectOf(*Call);
        Where = Call->getBeginLoc();
      }
    }
    if (!Target)
      continue;
    Scan State{Target, Locked, IsGuard};
    const Stmt *Suspension = nullptr;
    for (auto Rest = std::next(It); Rest != End && !Suspension; ++Rest)
      Suspension = firstSuspension(*Rest, State);
    if (!Suspension)
      continue;
    diag(Where, "%select{mutex|lock}0 %1 is %select{locked|held}0 across a "
                "suspension point; the coroutine may resume on another "
                "thread, or block every coroutine waiting for the mutex")
        << IsGuard << Target;
    diag(Suspension->getBeginLoc(), "suspension point is here",
         DiagnosticIDs::Note);
  }
}

void LockAcrossSuspendCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!isCoroutine(*Function))
    return;
  forEachOwnStmt(userBody(*Function), [&](const Stmt &S) {
    if (const auto *Block = dyn_cast<CompoundStmt>(&S))
      checkBlock(*Block);
  });
}

} // namespace corolint
