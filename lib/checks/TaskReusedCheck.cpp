//===--- TaskReusedCheck.cpp - coro-task-reused ---------------------------===//

#include "checks/TaskReusedCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

namespace {

/// A statement's place among the branches and loops around it.
struct Frame {
  const Stmt *Owner;
  /// Which arm of an if, a conditional, a try or a switch.
  unsigned Arm;
  /// The arm ends by jumping away (return, break, throw...): what it does
  /// does not reach the statements after its owner.
  bool Leaves;
  bool IsLoop;
};

enum class UseKind { Declare, Reset, Await, Move };

/// What happens to a task variable, in source order.
struct Use {
  UseKind Kind;
  const VarDecl *Var;
  SourceLocation Loc;
  std::vector<Frame> Frames;
  /// The task is used up: moved from, or awaited as an rvalue.
  bool Consumes;
};

/// True if \p S ends by jumping away from where it is.
bool leaves(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    S = Block->body_empty() ? nullptr : Block->body_back();
  return isa_and_nonnull<ReturnStmt, CoreturnStmt, BreakStmt, ContinueStmt,
                         GotoStmt>(S) ||
         (isa_and_nonnull<Expr>(S) &&
          isa<CXXThrowExpr>(cast<Expr>(S)->IgnoreParenImpCasts()));
}

/// True if control can leave loop body \p Body other than by finishing an
/// iteration: a return, throw or goto anywhere, a break of this loop.
bool mayStopIterating(const Stmt *Body, bool InNestedBreakable = false) {
  if (!Body || isa<LambdaExpr, BlockExpr>(Body))
    return false;
  if (isa<ReturnStmt, CoreturnStmt, GotoStmt, CXXThrowExpr>(Body))
    return true;
  if (isa<BreakStmt>(Body))
    return !InNestedBreakable;
  bool Nested = InNestedBreakable ||
                isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(Body);
  for (const Stmt *Child : Body->children())
    if (mayStopIterating(Child, Nested))
      return true;
  return false;
}

/// The variable \p E moves from: `std::move(t)`.
const VarDecl *movedVariable(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CallExpr>(stripImplicit(E));
  if (!Call || !Call->isCallToStdMove() || Call->getNumArgs() != 1)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(stripImplicit(Call->getArg(0)));
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

/// Collects the uses of tracked variables in one coroutine body.
class UseCollector {
public:
  explicit UseCollector(llvm::function_ref<bool(const VarDecl &)> Tracked)
      : Tracked(Tracked) {}

  void walk(const Stmt *S) {
    if (!S || isa<BlockExpr>(S))
      return;
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : Lambda->capture_inits())
        walk(Init);
      return;
    }
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      walk(If->getInit());
      walk(If->getConditionVariableDeclStmt());
      walk(If->getCond());
      inArm(If, 0, leaves(If->getThen()), If->getThen());
      inArm(If, 1, leaves(If->getElse()), If->getElse());
      return;
    }
    if (const auto *Conditional = dyn_cast<AbstractConditionalOperator>(S)) {
      walk(Conditional->getCond());
      inArm(S, 0, false, Conditional->getTrueExpr());
      inArm(S, 1, false, Conditional->getFalseExpr());
      return;
    }
    if (const auto *Binary = dyn_cast<BinaryOperator>(S);
        Binary && Binary->isLogicalOp()) {
      walk(Binary->getLHS());
      inArm(S, 0, false, Binary->getRHS());
      return;
    }
    if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
      inArm(S, 0, leaves(Try->getTryBlock()), Try->getTryBlock());
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
        inArm(S, I + 1, leaves(Try->getHandler(I)->getHandlerBlock()),
              Try->getHandler(I)->getHandlerBlock());
      return;
    }
    if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
      walk(Switch->getInit());
      walk(Switch->getCond());
      // Each case an arm of its own; none reaches past the switch (cases
      // end in break, or fall through: not followed here).
      unsigned Arm = 0;
      const auto *Body = dyn_cast_or_null<CompoundStmt>(Switch->getBody());
      for (const Stmt *Child : Body ? Body->body() : llvm::ArrayRef<Stmt *>()) {
        if (isa<SwitchCase>(Child))
          ++Arm;
        inArm(S, Arm, true, Child);
      }
      return;
    }
    if (const auto *For = dyn_cast<ForStmt>(S)) {
      walk(For->getInit());
      return inLoop(S, {For->getConditionVariableDeclStmt(), For->getCond(),
                        For->getBody(), For->getInc()});
    }
    if (const auto *While = dyn_cast<WhileStmt>(S))
      return inLoop(S, {While->getConditionVariableDeclStmt(),
                        While->getCond(), While->getBody()});
    if (const auto *Do = dyn_cast<DoStmt>(S)) {
      if (isMacroStatementWrapper(*Do)) {
        walk(Do->getBody());
        walk(Do->getCond());
        return;
      }
      return inLoop(S, {Do->getBody(), Do->getCond()});
    }
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(S)) {
      walk(Range->getInit());
      walk(Range->getRangeInit());
      return inLoop(S, {Range->getLoopVarStmt(), Range->getBody()});
    }
    // co_yield: the operand, once (the awaiter's calls hold it again).
    if (const auto *Yield = dyn_cast<CoyieldExpr>(S))
      return walk(Yield->getOperand());
    // The promise's return_value call holds the operand a second time.
    if (const auto *Return = dyn_cast<CoreturnStmt>(S))
      return walk(Return->getOperand());
    if (const auto *Declaration = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Declaration->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D)) {
          walk(Var->getInit());
          if (Tracked(*Var))
            record(UseKind::Declare, Var, Var->getLocation(), false);
        }
      return;
    }
    if (const auto *Await = dyn_cast<CoawaitExpr>(S)) {
      const Expr *Operand = stripImplicit(Await->getOperand());
      if (const VarDecl *Moved = movedVariable(Operand); Moved && Tracked(*Moved))
        return record(UseKind::Await, Moved, Await->getBeginLoc(), true);
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Operand))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
            Var && Tracked(*Var))
          return record(UseKind::Await, Var, Await->getBeginLoc(), false);
      return walk(Operand);
    }
    if (const VarDecl *Moved = movedVariable(dyn_cast<Expr>(S));
        Moved && Tracked(*Moved))
      return record(UseKind::Move, Moved, S->getBeginLoc(), true);
    if (const auto *Assign = dyn_cast<CXXOperatorCallExpr>(S);
        Assign && Assign->getOperator() == OO_Equal &&
        Assign->getNumArgs() == 2) {
      walk(Assign->getArg(1));
      if (const auto *Ref = dyn_cast<DeclRefExpr>(stripImplicit(Assign->getArg(0))))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
            Var && Tracked(*Var))
          record(UseKind::Reset, Var, Assign->getBeginLoc(), false);
      return;
    }
    for (const Stmt *Child : S->children())
      walk(Child);
  }

  std::vector<Use> Uses;

private:
  void inArm(const Stmt *Owner, unsigned Arm, bool Leaves, const Stmt *Body) {
    if (!Body)
      return;
    Frames.push_back({Owner, Arm, Leaves, false});
    walk(Body);
    Frames.pop_back();
  }
  void inLoop(const Stmt *Loop, std::initializer_list<const Stmt *> Parts) {
    Frames.push_back({Loop, 0, false, true});
    for (const Stmt *Part : Parts)
      walk(Part);
    Frames.pop_back();
  }
  void record(UseKind Kind, const VarDecl *Var, SourceLocation Loc,
              bool Consumes) {
    Uses.push_back({Kind, Var, Loc, Frames, Consumes});
  }

  llvm::function_ref<bool(const VarDecl &)> Tracked;
  std::vector<Frame> Frames;
};

/// True if what \p Earlier does is still in effect when \p Later runs:
/// they are not in different arms of one branch, and every arm that holds
/// \p Earlier but not \p Later goes on to the code after it.
bool reaches(const Use &Earlier, const Use &Later) {
  for (const Frame &Outer : Earlier.Frames) {
    auto Shared = llvm::find_if(Later.Frames, [&](const Frame &F) {
      return F.Owner == Outer.Owner;
    });
    if (Shared != Later.Frames.end()) {
      if (Shared->Arm != Outer.Arm)
        return false;
    } else if (Outer.Leaves) {
      return false;
    }
  }
  return true;
}

} // namespace

bool TaskReusedCheck::isSingleUse(QualType T, const ASTContext &Ctx) {
  T = T.getNonReferenceType();
  if (T->isDependentType())
    return false;
  const CXXRecordDecl *Class = T->getAsCXXRecordDecl();
  if (!Class || !Class->hasDefinition())
    return false;
  CoroutineTypeInfo Info = Types.classify(T, Ctx);
  if (!Info.Awaitable && !Info.CoroutineReturn)
    return false;
  Class = Class->getDefinition();
  if (Class->needsImplicitCopyConstructor())
    return Class->defaultedCopyConstructorIsDeleted();
  return llvm::none_of(Class->ctors(), [](const CXXConstructorDecl *Ctor) {
    return Ctor->isCopyConstructor() && !Ctor->isDeleted();
  });
}

void TaskReusedCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!isCoroutine(*Function) || Function->isDependentContext())
    return;
  const ASTContext &Ctx = *Result.Context;
  llvm::DenseMap<const VarDecl *, bool> Tracked;
  auto IsTracked = [&](const VarDecl &Var) {
    auto [It, Inserted] = Tracked.try_emplace(&Var, false);
    if (Inserted)
      It->second = (Var.isLocalVarDecl() || isa<ParmVarDecl>(Var)) &&
                   Var.getDeclContext() == Function &&
                   isSingleUse(Var.getType(), Ctx);
    return It->second;
  };
  UseCollector Collector(IsTracked);
  Collector.walk(userBody(*Function));

  const std::vector<Use> &Uses = Collector.Uses;
  for (size_t I = 0; I < Uses.size(); ++I) {
    const Use &Later = Uses[I];
    if (Later.Kind != UseKind::Await && Later.Kind != UseKind::Move)
      continue;
    // The nearest earlier use still in effect decides.
    const Use *Before = nullptr;
    for (size_t J = I; J-- > 0;)
      if (Uses[J].Var == Later.Var && reaches(Uses[J], Later)) {
        Before = &Uses[J];
        break;
      }
    if (Before && Before->Consumes &&
        (Before->Kind == UseKind::Await || Before->Kind == UseKind::Move)) {
      diag(Later.Loc, "task %0 is %select{awaited|moved from}1 after it was "
                      "%select{awaited|moved from}2; a task can be consumed "
                      "only once")
          << Later.Var << (Later.Kind == UseKind::Move)
          << (Before->Kind == UseKind::Move);
      diag(Before->Loc, "%select{awaited|moved from}0 here",
           DiagnosticIDs::Note)
          << (Before->Kind == UseKind::Move);
      continue;
    }
    // Consumed in a loop that goes round again, made once before it.
    if (!Later.Consumes || Later.Frames.empty() || !Later.Frames.back().IsLoop)
      continue;
    const Stmt *Loop = Later.Frames.back().Owner;
    bool MadeInLoop = llvm::any_of(Uses, [&](const Use &U) {
      return U.Var == Later.Var &&
             (U.Kind == UseKind::Declare || U.Kind == UseKind::Reset) &&
             llvm::any_of(U.Frames, [&](const Frame &F) { return F.Owner == Loop; });
    });
    if (MadeInLoop || mayStopIterating(loopBody(*Loop)))
      continue;
    diag(Later.Loc, "task %0 is %select{awaited|moved from}1 in every "
                    "iteration of the loop, but it is made once, before the "
                    "loop; a task can be consumed only once")
        << Later.Var << (Later.Kind == UseKind::Move);
    diag(Later.Var->getLocation(), "%0 is made here", DiagnosticIDs::Note)
        << Later.Var;
  }
}

} // namespace corolint
