//===--- PollingLoopCheck.cpp - coro-polling-loop -------------------------===//

#include "checks/PollingLoopCheck.h"
#include "model/CoroutineInfo.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

// A loop polls when one of its conditions asks something nothing can await
// and its round, besides that question, only sleeps: every await is a
// listed sleep or a query of the coroutine's context, and every call sets
// up the sleep's timer or computes a value. A round that awaits anything
// else retries or runs a periodic operation; one that calls anything else
// does periodic work. What runs on the way out of the loop (the branch of
// an `if` that ends in break, return or throw) happens once, not each round.

PollingLoopCheck::PollingLoopCheck(llvm::StringRef Name,
                                   clang::tidy::ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      AsyncSleepFunctions(listOption(Role::AsyncSleepFunctions)),
      TimerWaitFunctions(listOption(Role::TimerWaitFunctions)),
      PollingChecks(listOption(roleName(Role::PollingChecks),
                               {Role::PollingChecks, Role::ReadinessChecks})),
      PollableTypes(listOption(Role::PollableTypes)),
      Sleeps(AsyncSleepFunctions), TimerWaits(TimerWaitFunctions),
      Polls(PollingChecks), Pollable(PollableTypes) {}

/// What one round of a loop does.
struct PollingLoopCheck::Round {
  /// The first readiness check in a condition of the loop itself.
  const CallExpr *Polling = nullptr;
  /// The first sleep awaited, and the objects whose waits are sleeps.
  const CallExpr *Sleep = nullptr;
  llvm::SmallPtrSet<const ValueDecl *, 2> Timers;
  /// Calls outside conditions and sleeps, judged once the timers are known.
  llvm::SmallVector<const CallExpr *, 4> Calls;
  /// Awaits or yields something that is not a sleep.
  bool AwaitsOperation = false;
};

/// The class of the object \p Call is made on, through a pointer too.
static const CXXRecordDecl *objectClass(const CallExpr &Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  if (!Member)
    return nullptr;
  QualType Type =
      Member->getImplicitObjectArgument()->IgnoreImpCasts()->getType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  return Type->getAsCXXRecordDecl();
}

bool PollingLoopCheck::isPollingCall(const CallExpr &Call) const {
  if (calleeIsListed(Call, Polls))
    return true;
  const CXXRecordDecl *Object = objectClass(Call);
  return Object && Pollable.matches(*Object);
}

bool PollingLoopCheck::isSleep(const CallExpr &Call) const {
  return calleeIsListed(Call, Sleeps) || calleeIsListed(Call, TimerWaits);
}

/// True if \p S leaves the loop it is in: ends in break, return,
/// co_return, goto or throw.
static bool leavesLoop(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    return !Block->body_empty() && leavesLoop(Block->body_back());
  if (const auto *E = dyn_cast_or_null<Expr>(S))
    return isa<CXXThrowExpr>(E->IgnoreParenImpCasts());
  return isa_and_nonnull<BreakStmt, ReturnStmt, CoreturnStmt, GotoStmt>(S);
}

/// An await of a variable at namespace scope queries the coroutine's
/// context (`co_await asio::this_coro::executor`): it is no operation.
static bool isContextQuery(const Expr *Operand) {
  const auto *Var = dyn_cast_or_null<VarDecl>(namedVariable(Operand));
  return Var && Var->hasGlobalStorage() && !Var->isStaticLocal() &&
         Var->getDeclContext()->getRedeclContext()->isFileContext();
}

/// The variable a member call is made on, if any.
static const ValueDecl *objectVariable(const CallExpr &Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  return Member ? namedVariable(Member->getImplicitObjectArgument()) : nullptr;
}

void PollingLoopCheck::scan(const Stmt *S, Round &R, bool InCondition,
                            bool InNestedLoop) const {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return;
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    scan(If->getInit(), R, false, InNestedLoop);
    scan(If->getConditionVariableDeclStmt(), R, true, InNestedLoop);
    scan(If->getCond(), R, true, InNestedLoop);
    for (const Stmt *Branch : {If->getThen(), If->getElse()})
      if (!leavesLoop(Branch))
        scan(Branch, R, InCondition, InNestedLoop);
    return;
  }
  if (isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt>(S)) {
    const Stmt *Cond = nullptr;
    if (const auto *While = dyn_cast<WhileStmt>(S))
      Cond = While->getCond();
    else if (const auto *Do = dyn_cast<DoStmt>(S))
      Cond = Do->getCond();
    else if (const auto *For = dyn_cast<ForStmt>(S))
      Cond = For->getCond();
    for (const Stmt *Child : S->children())
      scan(Child, R, Child == Cond, /*InNestedLoop=*/true);
    return;
  }
  if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S)) {
    const Expr *Operand = stripImplicit(Suspend->getOperand());
    const auto *Call = dyn_cast_or_null<CallExpr>(Operand);
    if (isa<CoawaitExpr>(Suspend) && Call && isSleep(*Call)) {
      if (!R.Sleep)
        R.Sleep = Call;
      if (const ValueDecl *Timer = objectVariable(*Call))
        R.Timers.insert(Timer);
      // What the sleep's arguments compute is part of the sleep, but they
      // may await too (`co_await asio::this_coro::executor`).
      for (const Stmt *Child : Call->children())
        scan(Child, R, /*InCondition=*/true, InNestedLoop);
      return;
    }
    if (!isa<CoawaitExpr>(Suspend) || !isContextQuery(Operand))
      R.AwaitsOperation = true;
    return;
  }
  if (isa<DependentCoawaitExpr>(S)) {
    R.AwaitsOperation = true;
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (isPollingCall(*Call)) {
      if (InCondition && !InNestedLoop && !R.Polling)
        R.Polling = Call;
    } else if (!InCondition) {
      R.Calls.push_back(Call);
    }
  }
  for (const Stmt *Child : S->children())
    scan(Child, R, InCondition, InNestedLoop);
}

/// A call that does no work of a round: an operator on values, a
/// user-defined literal, a constexpr function (`std::min`, a duration cast).
static bool computesValue(const CallExpr &Call) {
  if (isa<CXXOperatorCallExpr, UserDefinedLiteral>(Call))
    return true;
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->isConstexpr();
}

void PollingLoopCheck::checkLoop(const Stmt &Loop, const Stmt *Condition,
                                 const Stmt *Body, const Stmt *Increment) {
  Round R;
  scan(Condition, R, /*InCondition=*/true, /*InNestedLoop=*/false);
  scan(Body, R, /*InCondition=*/false, /*InNestedLoop=*/false);
  scan(Increment, R, /*InCondition=*/false, /*InNestedLoop=*/false);
  if (!R.Polling || !R.Sleep || R.AwaitsOperation)
    return;
  for (const CallExpr *Call : R.Calls) {
    const ValueDecl *Object = objectVariable(*Call);
    if (!computesValue(*Call) && !(Object && R.Timers.count(Object)))
      return;
  }
  std::string Polled;
  if (const CXXRecordDecl *Object = objectClass(*R.Polling);
      Object && Pollable.matches(*Object)) {
    const ValueDecl *Var = objectVariable(*R.Polling);
    Polled = Var ? "'" + Var->getNameAsString() + "'"
                 : "'" + Object->getQualifiedNameAsString() + "'";
  } else {
    Polled = quotedCalleeName(*R.Polling);
  }
  diag(Loop.getBeginLoc(),
       "loop polls %0 and sleeps between checks instead of awaiting an event")
      << Polled;
  llvm::StringRef Instead =
      frameworkText(R.Sleep->getCalleeDecl(), Text::AwaitableEvent);
  if (Instead.empty())
    diag(beginOf(*R.Sleep), "sleeps here between checks", DiagnosticIDs::Note);
  else
    diag(beginOf(*R.Sleep), "sleeps here between checks; await %0 instead",
         DiagnosticIDs::Note)
        << Instead;
}

void PollingLoopCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!Function || !isCoroutine(*Function))
    return;
  forEachOwnStmt(userBody(*Function), [&](const Stmt &S) {
    if (const auto *While = dyn_cast<WhileStmt>(&S))
      checkLoop(S, While->getCond(), While->getBody(), nullptr);
    else if (const auto *Do = dyn_cast<DoStmt>(&S))
      checkLoop(S, Do->getCond(), Do->getBody(), nullptr);
    else if (const auto *For = dyn_cast<ForStmt>(&S))
      checkLoop(S, For->getCond(), For->getBody(), For->getInc());
  });
}

} // namespace corolint
