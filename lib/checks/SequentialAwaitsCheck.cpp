//===--- SequentialAwaitsCheck.cpp - coro-sequential-awaits ----------------===//

#include "checks/SequentialAwaitsCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

// Awaits of these order what comes after them: timers and sleeps, hops to
// another executor, reads and changes of the coroutine's own state.

SequentialAwaitsCheck::SequentialAwaitsCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      OrderingFunctions(listOption(Role::OrderingFunctions)),
      Ordering(OrderingFunctions) {}

namespace {
/// One `co_await f(...);` or `T x = co_await f(...);` statement.
struct Await {
  const CoawaitExpr *Expr;
  const VarDecl *Result; // The variable it initialises, if any.
  /// What its operand may change: objects (variables, members, `this`)
  /// and written values.
  llvm::SmallPtrSet<const void *, 8> Touches;
  /// The values (scalars) it reads.
  llvm::SmallPtrSet<const void *, 8> Reads;
};
} // namespace

static const CoawaitExpr *awaitOf(const Expr *E) {
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(stripImplicit(E)))
    if (Construct->getNumArgs() == 1)
      E = Construct->getArg(0);
  return dyn_cast_or_null<CoawaitExpr>(stripImplicit(E));
}

/// The statement as an await of a call, or nothing.
static std::optional<Await> asAwait(const Stmt &S, const NameList &Ordering) {
  Await A{nullptr, nullptr, {}, {}};
  if (const auto *Declaration = dyn_cast<DeclStmt>(&S)) {
    const auto *Var = dyn_cast_or_null<VarDecl>(
        Declaration->isSingleDecl() ? Declaration->getSingleDecl() : nullptr);
    if (!Var)
      return std::nullopt;
    A.Expr = awaitOf(Var->getInit());
    A.Result = Var;
  } else if (const auto *E = dyn_cast<Expr>(&S)) {
    A.Expr = awaitOf(E);
  }
  if (!A.Expr || !isa<CallExpr>(stripImplicit(A.Expr->getOperand())))
    return std::nullopt;
  bool Opaque = false;
  forEachOwnStmt(A.Expr->getOperand(), [&](const Stmt &Node) {
    if (isa<CXXThisExpr>(Node))
      A.Touches.insert(reinterpret_cast<const void *>(1)); // `this`
    if (isa<LambdaExpr>(Node))
      Opaque = true;
    if (const auto *Call = dyn_cast<CallExpr>(&Node))
      Opaque = Opaque || calleeIsListed(*Call, Ordering);
    // A value written by an operand (`x++`, `x = ...`) is no longer shared
    // harmlessly.
    const Expr *Written = nullptr;
    if (const auto *Unary = dyn_cast<UnaryOperator>(&Node);
        Unary && Unary->isIncrementDecrementOp())
      Written = Unary->getSubExpr();
    else if (const auto *Binary = dyn_cast<BinaryOperator>(&Node);
             Binary && Binary->isAssignmentOp())
      Written = Binary->getLHS();
    if (const auto *Ref =
            dyn_cast_or_null<DeclRefExpr>(Written ? Written->IgnoreParenImpCasts()
                                                  : nullptr))
      A.Touches.insert(Ref->getDecl());
    const ValueDecl *D = nullptr;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&Node))
      D = Ref->getDecl();
    else if (const auto *Member = dyn_cast<MemberExpr>(&Node))
      D = Member->getMemberDecl();
    if (!D || isa<FunctionDecl, EnumConstantDecl>(D))
      return;
    // Constants (completion tokens such as asio::use_awaitable) and values
    // (an `int id` both calls read) are shared harmlessly; objects, which
    // the calls may change, are not.
    QualType T = D->getType().getNonReferenceType();
    const auto *Var = dyn_cast<VarDecl>(D);
    if ((Var && Var->isConstexpr()) || T.isConstQualified())
      return;
    if (T->isScalarType() && !T->isPointerType())
      A.Reads.insert(D);
    else
      A.Touches.insert(D);
  });
  if (Opaque)
    return std::nullopt;
  return A;
}

static bool independent(const Await &Earlier, const Await &Later) {
  // The later await uses the earlier one's result, as an object or a value
  // (`int n = co_await count(); co_await save(n);`).
  if (Earlier.Result && (Later.Touches.contains(Earlier.Result) ||
                         Later.Reads.contains(Earlier.Result)))
    return false;
  for (const void *Touched : Earlier.Touches)
    if (Later.Touches.contains(Touched) || Later.Reads.contains(Touched))
      return false;
  for (const void *Touched : Later.Touches)
    if (Earlier.Reads.contains(Touched))
      return false;
  return true;
}

void SequentialAwaitsCheck::checkBlock(const CompoundStmt &Block,
                                       const FunctionDecl &Coroutine) {
  llvm::SmallVector<Await, 4> Group;
  auto Flush = [&] {
    if (Group.size() >= 2) {
      const CXXRecordDecl *Task = Coroutine.getReturnType()->getAsCXXRecordDecl();
      llvm::StringRef Concurrently = frameworkText(Task, Text::RunConcurrently);
      diag(Group.front().Expr->getBeginLoc(),
           "%0 independent awaits run one after another; they could run "
           "concurrently with %1")
          << static_cast<unsigned>(Group.size())
          << (Concurrently.empty() ? "a 'when_all'" : Concurrently);
      for (size_t I = 1; I < Group.size(); ++I)
        diag(Group[I].Expr->getBeginLoc(), "independent of the await above",
             DiagnosticIDs::Note);
    }
    Group.clear();
  };
  for (const Stmt *S : Block.body()) {
    std::optional<Await> A = asAwait(*S, Ordering);
    if (!A) {
      Flush();
      continue;
    }
    if (!llvm::all_of(Group, [&](const Await &Earlier) {
          return independent(Earlier, *A);
        }))
      Flush();
    Group.push_back(std::move(*A));
  }
  Flush();
}

void SequentialAwaitsCheck::walk(const Stmt *S, bool InLoop,
                                 const FunctionDecl &Coroutine) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return;
  bool IsLoop = isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
  // In a loop, order often matters from one iteration to the next.
  if (const auto *Block = dyn_cast<CompoundStmt>(S); Block && !InLoop)
    checkBlock(*Block, Coroutine);
  for (const Stmt *Child : S->children())
    walk(Child, InLoop || IsLoop, Coroutine);
}

void SequentialAwaitsCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (isCoroutine(*Function))
    walk(userBody(*Function), false, *Function);
}

} // namespace corolint
