//===--- ThreadAffinityCheck.cpp - coro-thread-affinity -------------------===//

#include "checks/ThreadAffinityCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

ThreadAffinityCheck::ThreadAffinityCheck(llvm::StringRef Name,
                                         clang::tidy::ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      ThreadIdFunctions(listOption(Role::ThreadIdFunctions)),
      SingleThreadCoroutineTypes(listOption(Role::SingleThreadCoroutineTypes)),
      ThreadIds(ThreadIdFunctions), SingleThreadTypes(SingleThreadCoroutineTypes) {}

static const VarDecl *asThreadLocal(const Decl *D) {
  const auto *Var = dyn_cast_or_null<VarDecl>(D);
  return Var && Var->getTLSKind() != VarDecl::TLS_None ? Var : nullptr;
}

static const VarDecl *pointerIntoThreadLocal(const Expr *E, bool InCallee);

/// The thread-local whose storage lvalue \p E designates: `tls`,
/// `tls.member`, `tls[i]` of an array, or a call of a function that returns
/// a reference to one of its own (`Cache &cache() { thread_local Cache c;
/// return c; }`).
static const VarDecl *lvalueInThreadLocal(const Expr *E, bool InCallee = false) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    return asThreadLocal(Ref->getDecl());
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
    return Member->isArrow() ? nullptr
                             : lvalueInThreadLocal(Member->getBase(), InCallee);
  if (const auto *Subscript = dyn_cast_or_null<ArraySubscriptExpr>(E))
    return pointerIntoThreadLocal(Subscript->getBase(), InCallee);
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (InCallee || !Callee || !Callee->getReturnType()->isReferenceType())
    return nullptr;
  const FunctionDecl *Definition = nullptr;
  if (!Callee->hasBody(Definition) || isCoroutine(*Definition))
    return nullptr;
  // Every return gives the same thread-local.
  const VarDecl *Returned = nullptr;
  bool Other = false;
  forEachOwnStmt(Definition->getBody(), [&](const Stmt &S) {
    if (const auto *Return = dyn_cast<ReturnStmt>(&S)) {
      const VarDecl *Var = lvalueInThreadLocal(Return->getRetValue(), true);
      Other = Other || !Var || (Returned && Returned != Var);
      Returned = Var;
    }
  });
  return Other ? nullptr : Returned;
}

/// The thread-local a pointer value \p E points into: `&tls`, `&tls.member`,
/// an array thread-local decayed to a pointer.
static const VarDecl *pointerIntoThreadLocal(const Expr *E, bool InCallee) {
  E = E ? E->IgnoreParens() : nullptr;
  if (const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(E)) {
    if (Cast->getCastKind() == CK_ArrayToPointerDecay)
      return lvalueInThreadLocal(Cast->getSubExpr(), InCallee);
    return pointerIntoThreadLocal(Cast->getSubExpr(), InCallee);
  }
  if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_AddrOf)
    return lvalueInThreadLocal(Unary->getSubExpr(), InCallee);
  return nullptr;
}

namespace {
/// A local bound to its thread when it is made.
struct Bound {
  /// The thread-local it refers into; none for a thread id.
  const VarDecl *ThreadLocal;
};
} // namespace

void ThreadAffinityCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!isCoroutine(*Function) || Function->isDependentContext())
    return;
  if (const CXXRecordDecl *Returned =
          Function->getReturnType()->getAsCXXRecordDecl();
      Returned && SingleThreadTypes.matches(*Returned))
    return;
  const SourceManager &SM = *Result.SourceManager;
  auto Before = [&](SourceLocation A, SourceLocation B) {
    return SM.isBeforeInTranslationUnit(SM.getFileLoc(A), SM.getFileLoc(B));
  };

  std::vector<const CoawaitExpr *> Suspensions;
  llvm::MapVector<const VarDecl *, std::vector<SourceLocation>> ThreadLocalUses;
  llvm::MapVector<const VarDecl *, Bound> BoundLocals;
  llvm::DenseMap<const VarDecl *, std::vector<const DeclRefExpr *>> BoundUses;
  forEachOwnStmt(userBody(*Function), [&](const Stmt &S) {
    if (const auto *Await = dyn_cast<CoawaitExpr>(&S)) {
      Suspensions.push_back(Await);
    } else if (const auto *Declaration = dyn_cast<DeclStmt>(&S)) {
      for (const Decl *D : Declaration->decls()) {
        const auto *Var = dyn_cast<VarDecl>(D);
        if (!Var || !Var->isLocalVarDecl() || !Var->getInit())
          continue;
        QualType Type = Var->getType();
        const auto *Call = dyn_cast<CallExpr>(stripImplicit(Var->getInit()));
        const VarDecl *ThreadLocal =
            Type->isReferenceType() ? lvalueInThreadLocal(Var->getInit())
            : Type->isPointerType()
                ? pointerIntoThreadLocal(Var->getInit(), false)
                : nullptr;
        if (ThreadLocal) {
          BoundLocals[Var] = {ThreadLocal};
        } else if (Call && calleeIsListed(*Call, ThreadIds)) {
          BoundLocals[Var] = {nullptr};
        }
      }
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(&S)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (asThreadLocal(Var))
        ThreadLocalUses[Var].push_back(Ref->getLocation());
      else if (Var && BoundLocals.count(Var))
        BoundUses[Var].push_back(Ref);
    }
  });
  if (Suspensions.empty())
    return;

  // The first suspension that \p From comes before and \p To after.
  auto Between = [&](SourceLocation From, SourceLocation To) -> const CoawaitExpr * {
    for (const CoawaitExpr *Await : Suspensions)
      if (Before(From, Await->getEndLoc()) && Before(Await->getEndLoc(), To))
        return Await;
    return nullptr;
  };

  for (const auto &[Var, Uses] : ThreadLocalUses) {
    for (SourceLocation Later : Uses) {
      const CoawaitExpr *Await = Between(Uses.front(), Later);
      if (!Await)
        continue;
      diag(Later, "thread-local %0 is used before and after a suspension "
                  "point; the coroutine may resume on another thread, which "
                  "has its own %0")
          << Var;
      diag(Await->getBeginLoc(), "suspension point is here", DiagnosticIDs::Note);
      diag(Uses.front(), "used before it here", DiagnosticIDs::Note);
      break;
    }
  }
  // A saved thread id compared with the current one (`EXPECT_EQ(id,
  // std::this_thread::get_id())`, or with an id taken after the await) asks
  // whether the coroutine came back to its thread: the question, not stale
  // state. Such a use shares its statement with another thread id.
  ASTContext &Ctx = *Result.Context;
  auto AsksWhichThread = [&](const DeclRefExpr &Use) {
    const Stmt *Full = &Use;
    for (DynTypedNodeList Parents = Ctx.getParents(Use); !Parents.empty();
         Parents = Ctx.getParents(Parents[0])) {
      const auto *Parent = Parents[0].get<Expr>();
      if (!Parent)
        break;
      Full = Parent;
    }
    bool OtherId = false;
    forEachOwnStmt(Full, [&](const Stmt &S) {
      if (const auto *Call = dyn_cast<CallExpr>(&S))
        OtherId = OtherId || calleeIsListed(*Call, ThreadIds);
      else if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
            Var && Var != Use.getDecl()) {
          auto Found = BoundLocals.find(Var);
          OtherId = OtherId ||
                    (Found != BoundLocals.end() && !Found->second.ThreadLocal);
        }
    });
    return OtherId;
  };

  for (const auto &[Var, What] : BoundLocals) {
    for (const DeclRefExpr *UseRef : BoundUses[Var]) {
      SourceLocation Use = UseRef->getLocation();
      const CoawaitExpr *Await = Between(Var->getLocation(), Use);
      if (!Await || (!What.ThreadLocal && AsksWhichThread(*UseRef)))
        continue;
      if (What.ThreadLocal)
        diag(Use, "%0 refers to thread-local %1 of the thread that made it "
                  "and is used after a suspension point; the coroutine may "
                  "resume on another thread")
            << Var << What.ThreadLocal;
      else
        diag(Use, "thread id %0 is taken before a suspension point and used "
                  "after it; the coroutine may resume on another thread")
            << Var;
      diag(Await->getBeginLoc(), "suspension point is here", DiagnosticIDs::Note);
      break;
    }
  }
}

} // namespace corolint
