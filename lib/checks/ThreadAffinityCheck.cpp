//===--- ThreadAffinityCheck.cpp - coro-thread-affinity -------------------===//

#include "checks/ThreadAffinityCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <tuple>

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

ThreadAffinityCheck::ThreadAffinityCheck(llvm::StringRef Name,
                                         clang::tidy::ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      ThreadIdFunctions(listOption(Role::ThreadIdFunctions)),
      SingleThreadCoroutineTypes(listOption(Role::SingleThreadCoroutineTypes)),
      ThreadAffineTypes(listOption(Role::ThreadAffineTypes)),
      ThreadLocalAccessors(listOption(Role::ThreadLocalAccessors)),
      ThreadIds(ThreadIdFunctions), SingleThreadTypes(SingleThreadCoroutineTypes),
      AffineTypes(ThreadAffineTypes), Accessors(ThreadLocalAccessors) {}

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
  if (!readableBody(*Callee, Definition) || isCoroutine(*Definition))
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

/// The call of one of \p Accessors (they return the calling thread's
/// instance of per-thread storage) that \p E is, or dereferences:
/// `tl.get()`, `*tl.get()`, `static_cast<T *>(pthread_getspecific(key))`.
static const CallExpr *accessorCall(const Expr *E, const NameList &Accessors) {
  E = E ? E->IgnoreParenCasts() : nullptr;
  if (const auto *Deref = dyn_cast_or_null<UnaryOperator>(E);
      Deref && Deref->getOpcode() == UO_Deref)
    E = Deref->getSubExpr()->IgnoreParenCasts();
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  return Call && calleeIsListed(*Call, Accessors) ? Call : nullptr;
}

/// True if \p E contains a call of one of \p ThreadIds.
static bool callsThreadId(const Expr *E, const NameList &ThreadIds) {
  bool Found = false;
  forEachOwnStmt(E, [&](const Stmt &S) {
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      Found = Found || calleeIsListed(*Call, ThreadIds);
  });
  return Found;
}

/// The member of the object itself that \p E designates: `m`, `this->m`.
static bool isOwnMember(const Expr *E) {
  const auto *Member = dyn_cast_or_null<MemberExpr>(E ? E->IgnoreParenImpCasts()
                                                      : nullptr);
  return Member && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts());
}

/// Where class \p RD records the thread that constructs it: a member
/// initialised with the current thread's id (a default member initialiser,
/// a constructor's initialiser or an assignment in its body), or a member or
/// base of a class that does. An invalid location if it does not.
static SourceLocation
recordsItsThread(const CXXRecordDecl *RD, const NameList &ThreadIds,
                 llvm::DenseMap<const CXXRecordDecl *, SourceLocation> &Seen,
                 unsigned Depth = 0) {
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD || Depth > 4)
    return {};
  if (auto Found = Seen.find(RD); Found != Seen.end())
    return Found->second;
  Seen[RD] = SourceLocation(); // a class containing itself is not one
  SourceLocation Where;
  for (const FieldDecl *Field : RD->fields()) {
    if (Field->hasInClassInitializer() &&
        callsThreadId(Field->getInClassInitializer(), ThreadIds))
      Where = Field->getLocation();
    else if (!Field->getType()->isReferenceType() &&
             !Field->getType()->isPointerType())
      Where = recordsItsThread(Field->getType()->getAsCXXRecordDecl(),
                               ThreadIds, Seen, Depth + 1);
    if (Where.isValid())
      break;
  }
  for (const CXXConstructorDecl *Declared : RD->ctors()) {
    const FunctionDecl *Definition = nullptr;
    if (Where.isValid())
      break;
    if (Declared->isImplicit() || !Declared->hasBody(Definition))
      continue;
    const auto *Ctor = cast<CXXConstructorDecl>(Definition);
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten() && Init->isMemberInitializer() &&
          callsThreadId(Init->getInit(), ThreadIds)) {
        Where = Init->getSourceLocation();
        break;
      }
    forEachOwnStmt(Ctor->getBody(), [&](const Stmt &S) {
      const Expr *Target = nullptr, *Value = nullptr;
      if (const auto *Assign = dyn_cast<BinaryOperator>(&S);
          Assign && Assign->getOpcode() == BO_Assign) {
        Target = Assign->getLHS();
        Value = Assign->getRHS();
      } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
                 Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
        Target = Op->getArg(0);
        Value = Op->getArg(1);
      }
      if (Where.isInvalid() && Target && isOwnMember(Target) &&
          callsThreadId(Value, ThreadIds))
        Where = S.getBeginLoc();
    });
  }
  for (const CXXBaseSpecifier &Base : RD->bases()) {
    if (Where.isValid())
      break;
    Where = recordsItsThread(Base.getType()->getAsCXXRecordDecl(), ThreadIds,
                             Seen, Depth + 1);
  }
  Seen[RD] = Where;
  return Where;
}

/// True if \p RD, or a class it derives from, is one of \p Names.
static bool isOrDerivesFrom(const CXXRecordDecl &RD, const NameList &Names,
                            unsigned Depth = 0) {
  if (Names.matches(RD))
    return true;
  const CXXRecordDecl *Definition = RD.getDefinition();
  if (!Definition || Depth > 8)
    return false;
  for (const CXXBaseSpecifier &Base : Definition->bases())
    if (const CXXRecordDecl *Class = Base.getType()->getAsCXXRecordDecl();
        Class && isOrDerivesFrom(*Class, Names, Depth + 1))
      return true;
  return false;
}

namespace {
/// What binds a local to the thread that sets it.
enum class BoundKind { ThreadId, IntoThreadLocal, AffineObject };

/// A point where a local gets a value: its declaration or an assignment.
struct Binding {
  SourceLocation Loc;
  /// The value is bound to the current thread.
  bool Bound;
};

/// A local that holds, at least once, a value bound to its thread.
struct Tracked {
  BoundKind Kind;
  /// The thread-local it refers into (IntoThreadLocal), or the accessor
  /// that returned the calling thread's instance ('folly::ThreadLocal::get').
  const VarDecl *ThreadLocal = nullptr;
  std::string Accessor;
  /// The object's class (AffineObject), and where it records its thread
  /// (invalid when the framework table lists it).
  const CXXRecordDecl *Class = nullptr;
  SourceLocation Records;
  /// Where the object is destroyed, if its destructor is the class's own.
  SourceLocation Destroyed;
  std::vector<Binding> Bindings;
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
  ASTContext &Ctx = *Result.Context;
  auto Before = [&](SourceLocation A, SourceLocation B) {
    return SM.isBeforeInTranslationUnit(SM.getFileLoc(A), SM.getFileLoc(B));
  };
  auto Within = [&](SourceLocation L, const Stmt &S) {
    return !Before(L, S.getBeginLoc()) && !Before(S.getEndLoc(), L);
  };

  llvm::DenseMap<const CXXRecordDecl *, SourceLocation> RecordsSeen;
  // The class of an object bound to the thread that makes it, and where it
  // records that thread (invalid if the table lists it).
  auto AffineClass =
      [&](QualType Type) -> std::optional<std::pair<const CXXRecordDecl *,
                                                    SourceLocation>> {
    const CXXRecordDecl *Class = Type->getAsCXXRecordDecl();
    if (!Class || Type->isReferenceType() || !Class->hasDefinition())
      return std::nullopt;
    if (isOrDerivesFrom(*Class, AffineTypes))
      return std::make_pair(Class, SourceLocation());
    SourceLocation Where = recordsItsThread(Class, ThreadIds, RecordsSeen);
    if (Where.isInvalid())
      return std::nullopt;
    return std::make_pair(Class, Where);
  };
  // The scope end where a local declared by \p Declaration is destroyed.
  auto ScopeEnd = [&](const DeclStmt &Declaration) -> SourceLocation {
    DynTypedNodeList Parents = Ctx.getParents(Declaration);
    if (const auto *Block = Parents.empty() ? nullptr
                                            : Parents[0].get<CompoundStmt>())
      return Block->getRBracLoc();
    return {};
  };

  std::vector<const CoawaitExpr *> Suspensions;
  llvm::MapVector<const VarDecl *, std::vector<SourceLocation>> ThreadLocalUses;
  llvm::MapVector<const VarDecl *, Tracked> Locals;
  llvm::DenseMap<const VarDecl *, std::vector<const DeclRefExpr *>> LocalUses;
  llvm::SmallPtrSet<const DeclRefExpr *, 8> AssignedTo;

  // A value \p Value given to local \p Var (of pointer or thread-id type) at
  // \p Where by an assignment.
  auto Assigned = [&](const VarDecl &Var, const Expr *Value,
                      SourceLocation Where) {
    bool Pointer = Var.getType()->isPointerType();
    const VarDecl *ThreadLocal =
        Pointer ? pointerIntoThreadLocal(Value, false) : nullptr;
    const CallExpr *Accessor =
        Pointer && !ThreadLocal ? accessorCall(Value, Accessors) : nullptr;
    const auto *Call = dyn_cast_or_null<CallExpr>(stripImplicit(Value));
    bool Into = ThreadLocal || Accessor;
    bool Id = !Into && Call && calleeIsListed(*Call, ThreadIds);
    auto Found = Locals.find(&Var);
    if (Found == Locals.end()) {
      if (!Into && !Id)
        return;
      Tracked &New = Locals[&Var];
      New.Kind = Id ? BoundKind::ThreadId : BoundKind::IntoThreadLocal;
      New.Bindings.push_back({Var.getLocation(), false});
      Found = Locals.find(&Var);
    }
    Tracked &Local = Found->second;
    bool Bound = Local.Kind == BoundKind::ThreadId
                     ? Id
                     : Local.Kind == BoundKind::IntoThreadLocal && Into;
    if (Bound && Into) {
      Local.ThreadLocal = ThreadLocal;
      Local.Accessor = Accessor ? quotedCalleeName(*Accessor) : "";
    }
    Local.Bindings.push_back({Where, Bound});
  };

  // An assignment to \p Var gives it a new value (a reference's writes
  // through it; a thread-affine object's is a use of it).
  auto Rebinds = [&](const VarDecl &Var) {
    auto Found = Locals.find(&Var);
    return Var.isLocalVarDecl() && !Var.getType()->isReferenceType() &&
           (Found == Locals.end() ||
            Found->second.Kind != BoundKind::AffineObject);
  };

  forEachOwnStmt(userBody(*Function), [&](const Stmt &S) {
    if (const auto *Await = dyn_cast<CoawaitExpr>(&S)) {
      Suspensions.push_back(Await);
    } else if (const auto *Declaration = dyn_cast<DeclStmt>(&S)) {
      for (const Decl *D : Declaration->decls()) {
        const auto *Var = dyn_cast<VarDecl>(D);
        if (!Var || !Var->isLocalVarDecl() || Var->isStaticLocal())
          continue;
        QualType Type = Var->getType();
        const Expr *Init = Var->getInit();
        const auto *Call = dyn_cast_or_null<CallExpr>(stripImplicit(Init));
        const VarDecl *ThreadLocal =
            !Init                      ? nullptr
            : Type->isReferenceType()  ? lvalueInThreadLocal(Init)
            : Type->isPointerType()    ? pointerIntoThreadLocal(Init, false)
                                       : nullptr;
        const CallExpr *Accessor =
            Init && (Type->isReferenceType() || Type->isPointerType())
                ? accessorCall(Init, Accessors)
                : nullptr;
        Tracked Local;
        if (ThreadLocal) {
          Local.Kind = BoundKind::IntoThreadLocal;
          Local.ThreadLocal = ThreadLocal;
        } else if (Accessor) {
          Local.Kind = BoundKind::IntoThreadLocal;
          Local.Accessor = quotedCalleeName(*Accessor);
        } else if (Call && calleeIsListed(*Call, ThreadIds)) {
          Local.Kind = BoundKind::ThreadId;
        } else if (auto Affine = AffineClass(Type)) {
          Local.Kind = BoundKind::AffineObject;
          std::tie(Local.Class, Local.Records) = *Affine;
          const CXXDestructorDecl *Destructor = Local.Class->getDestructor();
          if (Destructor && Destructor->isUserProvided())
            Local.Destroyed = ScopeEnd(*Declaration);
        } else {
          continue; // not bound here; an assignment may bind it later
        }
        Local.Bindings.push_back({Var->getLocation(), true});
        Locals[Var] = std::move(Local);
      }
    } else if (const auto *Assign = dyn_cast<BinaryOperator>(&S);
               Assign && Assign->getOpcode() == BO_Assign) {
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts()))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
            Var && Rebinds(*Var)) {
          AssignedTo.insert(Ref);
          Assigned(*Var, Assign->getRHS(), Assign->getBeginLoc());
        }
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
               Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
            Var && Rebinds(*Var)) {
          AssignedTo.insert(Ref);
          Assigned(*Var, Op->getArg(1), beginOf(*Op));
        }
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(&S)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (asThreadLocal(Var))
        ThreadLocalUses[Var].push_back(Ref->getLocation());
      else if (Var && !AssignedTo.count(Ref))
        LocalUses[Var].push_back(Ref);
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
          auto Found = Locals.find(Var);
          OtherId = OtherId || (Found != Locals.end() &&
                                Found->second.Kind == BoundKind::ThreadId);
        }
    });
    return OtherId;
  };
  // The loops around \p Use inside the coroutine, innermost first.
  auto LoopsAround = [&](const DeclRefExpr &Use) {
    llvm::SmallVector<const Stmt *, 4> Loops;
    for (DynTypedNodeList Parents = Ctx.getParents(Use); !Parents.empty();
         Parents = Ctx.getParents(Parents[0])) {
      const auto *Parent = Parents[0].get<Stmt>();
      if (!Parent || isa<CoroutineBodyStmt>(Parent))
        break;
      if (loopBody(*Parent))
        Loops.push_back(Parent);
    }
    return Loops;
  };

  /// Where a thread-bound value reaches a use across a suspension.
  struct Crossing {
    const CoawaitExpr *Await;
    /// The binding at the end of a loop body that reaches the use in the
    /// next iteration; invalid if the value crosses in source order.
    SourceLocation NextIteration;
  };
  auto Crosses = [&](const Tracked &Local, const VarDecl &Var,
                     SourceLocation Use,
                     const DeclRefExpr *UseRef) -> std::optional<Crossing> {
    // In source order: the last binding before the use.
    const Binding *Reaching = nullptr;
    for (const Binding &B : Local.Bindings)
      if (Before(B.Loc, Use))
        Reaching = &B;
    if (Reaching && Reaching->Bound)
      if (const CoawaitExpr *Await = Between(Reaching->Loc, Use))
        return Crossing{Await, SourceLocation()};
    if (!UseRef)
      return std::nullopt;
    // Around a loop: the value the body leaves reaches the use in the next
    // iteration, unless the body sets it again before the use.
    for (const Stmt *Loop : LoopsAround(*UseRef)) {
      // What runs in every round: not a for statement's initialiser, nor a
      // range-for's range.
      auto InRound = [&](SourceLocation L) {
        const Stmt *Once = nullptr;
        if (const auto *For = dyn_cast<ForStmt>(Loop))
          Once = For->getInit();
        else if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
          Once = Range->getRangeInit();
        return Within(L, *Loop) && !(Once && Within(L, *Once));
      };
      if (InRound(Var.getLocation()))
        break;
      const Binding *Last = nullptr;
      bool SetBeforeUse = false;
      for (const Binding &B : Local.Bindings)
        if (InRound(B.Loc)) {
          SetBeforeUse = SetBeforeUse || Before(B.Loc, Use);
          Last = &B;
        }
      if (SetBeforeUse)
        break;
      const Binding *FromLoop = Last ? Last : Reaching;
      if (!FromLoop || !FromLoop->Bound)
        continue;
      for (const CoawaitExpr *Await : Suspensions) {
        SourceLocation At = Await->getEndLoc();
        if (!InRound(At))
          continue;
        // A suspension between the use and the binding after it is not on
        // the way from the binding back to the use.
        if (Last && Before(Use, At) && Before(At, Last->Loc))
          continue;
        return Crossing{Await, Last ? Last->Loc : SourceLocation()};
      }
    }
    return std::nullopt;
  };

  for (const auto &[Var, Local] : Locals) {
    bool Reported = false;
    for (const DeclRefExpr *UseRef : LocalUses[Var]) {
      SourceLocation Use = UseRef->getLocation();
      if (Local.Kind == BoundKind::ThreadId && AsksWhichThread(*UseRef))
        continue;
      std::optional<Crossing> Crossed = Crosses(Local, *Var, Use, UseRef);
      if (!Crossed)
        continue;
      switch (Local.Kind) {
      case BoundKind::IntoThreadLocal:
        if (Local.ThreadLocal)
          diag(Use, "%0 refers to thread-local %1 of the thread that made it "
                    "and is used after a suspension point; the coroutine may "
                    "resume on another thread")
              << Var << Local.ThreadLocal;
        else
          diag(Use, "%0 refers to the instance of the thread that called %1 "
                    "and is used after a suspension point; the coroutine may "
                    "resume on another thread")
              << Var << Local.Accessor;
        break;
      case BoundKind::ThreadId:
        diag(Use, "thread id %0 is taken before a suspension point and used "
                  "after it; the coroutine may resume on another thread")
            << Var;
        break;
      case BoundKind::AffineObject:
        diag(Use, "%0 belongs to the thread that made it and is used after a "
                  "suspension point; the coroutine may resume on another "
                  "thread")
            << Var;
        break;
      }
      diag(Crossed->Await->getBeginLoc(), "suspension point is here",
           DiagnosticIDs::Note);
      if (Crossed->NextIteration.isValid())
        diag(Crossed->NextIteration,
             "%0 is set here and used in the loop's next iteration",
             DiagnosticIDs::Note)
            << Var;
      if (Local.Records.isValid())
        diag(Local.Records, "%0 records the thread that constructs it",
             DiagnosticIDs::Note)
            << Local.Class;
      Reported = true;
      break;
    }
    // Its destructor is a use too: it runs where the scope ends.
    if (Reported || Local.Kind != BoundKind::AffineObject ||
        Local.Destroyed.isInvalid())
      continue;
    if (std::optional<Crossing> Crossed =
            Crosses(Local, *Var, Local.Destroyed, nullptr)) {
      diag(Var->getLocation(),
           "%0 belongs to the thread that made it and is destroyed after a "
           "suspension point; the coroutine may resume on another thread")
          << Var;
      diag(Crossed->Await->getBeginLoc(), "suspension point is here",
           DiagnosticIDs::Note);
      diag(Local.Destroyed, "destroyed here", DiagnosticIDs::Note);
      if (Local.Records.isValid())
        diag(Local.Records, "%0 records the thread that constructs it",
             DiagnosticIDs::Note)
            << Local.Class;
    }
  }
}

} // namespace corolint
