//===--- DanglingReferenceCheck.cpp - coro-dangling-reference --------------===//

#include "checks/DanglingReferenceCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <functional>

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

DanglingReferenceCheck::DanglingReferenceCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      SpawnFunctions(listOption(Role::SpawnFunctions)),
      RunToCompletionFunctions(listOption(Role::RunToCompletionFunctions)),
      WaitingFunctions(listOption(
          "WaitingFunctions",
          {Role::WaitingFunctions, Role::ResultWaitFunctions})),
      EventLoopRunFunctions(listOption(Role::EventLoopRunFunctions)),
      ReferenceLikeTypes(listOption(Role::ReferenceLikeTypes)),
      ClosureDroppingFunctions(listOption(Role::ClosureDroppingFunctions)),
      ScopeSpawnFunctions(listOption(Role::ScopeSpawnFunctions)),
      AssumeCoroutineWhenUnseen(
          Options.get("AssumeCoroutineWhenUnseen", false)),
      Spawn(SpawnFunctions),
      Completing(RunToCompletionFunctions + ";" + WaitingFunctions),
      EventLoopRun(EventLoopRunFunctions), ReferenceLike(ReferenceLikeTypes),
      ClosureDropping(ClosureDroppingFunctions),
      ScopeSpawn(ScopeSpawnFunctions) {}

void DanglingReferenceCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  CorolintCheck::storeOptions(Opts);
  Options.store(Opts, "AssumeCoroutineWhenUnseen", AssumeCoroutineWhenUnseen);
}

void DanglingReferenceCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  // A plain function that runs the event loop itself (main with
  // io_context::run) outlives the work it spawned before.
  RunsEventLoop = false;
  if (!isCoroutine(*Function))
    forEachOwnStmt(userBody(*Function), [&](const Stmt &S) {
      if (const auto *Call = dyn_cast<CallExpr>(&S))
        RunsEventLoop = RunsEventLoop || calleeIsListed(*Call, EventLoopRun);
    });
  Current = Function;
  walk(userBody(*Function), Use{}, *Result.Context);
}

bool DanglingReferenceCheck::waitsBeforeReturning(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return false;
  auto [Known, Inserted] = Waiting.try_emplace(Callee, false);
  if (Inserted)
    Known->second = corolint::waitsBeforeReturning(*Callee, Completing);
  return Known->second;
}

bool DanglingReferenceCheck::isReferenceLike(QualType T) const {
  const CXXRecordDecl *Class = T.getNonReferenceType()->getAsCXXRecordDecl();
  return Class && ReferenceLike.matches(*Class);
}

namespace {
/// What an argument refers to.
struct Referent {
  enum Kind { Other, Temporary, Local } Kind = Other;
  const VarDecl *Var = nullptr;
};
} // namespace

/// What \p E (an argument bound to a reference parameter, or converted to a
/// view when \p ThroughViews) refers to.
static Referent referentOf(const Expr *E, bool ThroughViews) {
  while (E) {
    if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
      return Temporary->getStorageDuration() == SD_FullExpression
                 ? Referent{Referent::Temporary, nullptr}
                 : Referent{};
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (Var && Var->hasLocalStorage() && !Var->getType()->isReferenceType())
        return {Referent::Local, Var};
      return {};
    }
    if (const auto *Cast = dyn_cast<CastExpr>(E)) {
      E = Cast->getSubExpr();
    } else if (const auto *Full = dyn_cast<FullExpr>(E)) {
      E = Full->getSubExpr();
    } else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = Bind->getSubExpr();
    } else if (const auto *Paren = dyn_cast<ParenExpr>(E)) {
      E = Paren->getSubExpr();
    } else if (!ThroughViews) {
      return {};
    } else if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(E);
               Conversion && isa<CXXConversionDecl>(Conversion->getMethodDecl())) {
      // std::string -> std::string_view: the view points into the string.
      E = Conversion->getImplicitObjectArgument();
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
               Construct && Construct->getNumArgs() >= 1 &&
               !Construct->getConstructor()->isCopyOrMoveConstructor()) {
      // std::span(container): the span points into the container.
      E = Construct->getArg(0);
    } else {
      return {};
    }
  }
  return {};
}

bool DanglingReferenceCheck::isCoroutineCall(const CallExpr &Call,
                                             const ASTContext &Ctx) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || isOrdinaryFunction(*Callee))
    return false;
  const FunctionDecl *Definition = definitionInSight(*Callee);
  // A specialisation named in a template that is not instantiated is not
  // instantiated either: its template's definition is the one in sight.
  if (const FunctionDecl *Pattern =
          Definition ? nullptr : Callee->getTemplateInstantiationPattern())
    Definition = definitionInSight(*Pattern);
  if (Definition)
    return isCoroutine(*Definition) && !completesWithinCall(*Definition);
  // A function that returns a task may be an ordinary one that copies or
  // moves its arguments before it returns (a continuation API, a library
  // wrapper): where its definition is not in sight (another translation
  // unit, a system header) nothing says it keeps a reference.
  return AssumeCoroutineWhenUnseen &&
         Types.classify(Callee->getReturnType(), Ctx).CoroutineReturn;
}

void DanglingReferenceCheck::checkCall(const CallExpr &Call, Use U,
                                       const ASTContext &Ctx) {
  if (U.Awaited || !isCoroutineCall(Call, Ctx))
    return;
  const FunctionDecl &Callee = *Call.getDirectCallee();
  for (auto [ParamPtr, ArgPtr] : argumentsByParameter(Call)) {
    const ParmVarDecl &Param = *ParamPtr;
    bool IsReference = Param.getType()->isReferenceType();
    bool IsView = !IsReference && isReferenceLike(Param.getType());
    if (!IsReference && !IsView)
      continue;
    // `spawn(task<> &&)` takes ownership of a task: it moves from it.
    if (Param.getType()->isRValueReferenceType()) {
      CoroutineTypeInfo Owned =
          Types.classify(Param.getType().getNonReferenceType(), Ctx);
      if (Owned.Awaitable || Owned.CoroutineReturn)
        continue;
    }
    const Expr &Arg = *ArgPtr;
    Referent R = referentOf(&Arg, IsView);
    // Copying a local view copies where it points, not a reference to it;
    // a variable captured from an enclosing function is not this frame's.
    if (R.Kind == Referent::Local &&
        ((IsView && isReferenceLike(R.Var->getType())) ||
         R.Var->getParentFunctionOrMethod() !=
             static_cast<const DeclContext *>(Current)))
      continue;
    if (R.Kind == Referent::Temporary && !U.Statement) {
      diag(Arg.getBeginLoc(),
           "temporary %select{bound to|viewed by}0 parameter %1 of %2 is "
           "destroyed at the end of the full expression, while the coroutine "
           "may still use it")
          << IsView << &Param << describeCoroutine(Callee)
          << Arg.getSourceRange();
      diag(Param.getLocation(), "parameter %0 declared here",
           DiagnosticIDs::Note)
          << &Param;
    } else if (R.Kind == Referent::Local && U.IntoScope) {
      // The scope's join comes later; only what one iteration owns dies
      // before it.
      if (!diesWithIteration(*R.Var, *cast<CallExpr>(U.Escape)))
        continue;
      diag(Arg.getBeginLoc(),
           "%0 refers to %1, a local of the loop, through parameter %2, but "
           "is spawned into a scope that outlives the iteration")
          << describeCoroutine(Callee) << R.Var << &Param
          << Arg.getSourceRange();
      diag(Param.getLocation(), "parameter %0 declared here",
           DiagnosticIDs::Note)
          << &Param;
      diag(U.Escape->getBeginLoc(), "the coroutine is spawned here",
           DiagnosticIDs::Note);
    } else if (R.Kind == Referent::Local && U.Escape &&
               !(U.Spawned && RunsEventLoop)) {
      diag(Arg.getBeginLoc(),
           "%0 refers to local %1 through parameter %2 but is %select{returned|"
           "spawned}3 and can outlive it")
          << describeCoroutine(Callee) << R.Var << &Param << U.Spawned
          << Arg.getSourceRange();
      diag(Param.getLocation(), "parameter %0 declared here",
           DiagnosticIDs::Note)
          << &Param;
      diag(U.Escape->getBeginLoc(),
           "the coroutine %select{is returned|is spawned}0 here",
           DiagnosticIDs::Note)
          << U.Spawned;
    }
  }
}

void DanglingReferenceCheck::checkInvokedLambda(const LambdaExpr &Lambda,
                                                const CallExpr &Call, Use U) {
  if (U.Awaited || U.Statement || Lambda.capture_size() == 0 ||
      !isCoroutine(*Lambda.getCallOperator()) ||
      completesWithinCall(*Lambda.getCallOperator()))
    return;
  diag(beginOf(Call),
       "lambda coroutine is called on a temporary closure: its captures are "
       "destroyed at the end of the full expression, while the coroutine may "
       "still use them");
  const LambdaCapture &First = *Lambda.capture_begin();
  diag(First.isImplicit() ? Lambda.getCaptureDefaultLoc() : First.getLocation(),
       "captured here", DiagnosticIDs::Note);
}

/// True if \p E names \p Param, also through casts, copies, `std::forward`
/// and `std::move`.
static bool names(const Expr *E, const ParmVarDecl &Param) {
  while (E) {
    // Parentheses, casts, full expressions and materialised temporaries.
    E = E->IgnoreParenCasts();
    if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = Bind->getSubExpr();
      continue;
    }
    // A copy or a move of it into a parameter taken by value.
    if (const auto *Copy = dyn_cast<CXXConstructExpr>(E);
        Copy && Copy->getNumArgs() == 1 &&
        Copy->getConstructor()->isCopyOrMoveConstructor()) {
      E = Copy->getArg(0);
      continue;
    }
    break;
  }
  return E && namedVariable(E) == &Param;
}

DanglingReferenceCheck::ClosureFate
DanglingReferenceCheck::closureFate(const FunctionDecl &Callee,
                                    unsigned ParamIndex, unsigned Depth) {
  const FunctionDecl *Definition = definitionInSight(Callee);
  if (!Definition || !Definition->getBody() ||
      ParamIndex >= Definition->getNumParams())
    return ClosureFate::Unknown;
  auto [Known, Inserted] =
      Fates.try_emplace({Definition, ParamIndex}, ClosureFate::Unknown);
  if (!Inserted)
    return Known->second; // Also breaks recursion: Unknown until known.
  const ParmVarDecl &Param = *Definition->getParamDecl(ParamIndex);
  bool ByReference = Param.getType()->isReferenceType();
  ClosureFate Fate = ClosureFate::Unknown;
  if (isCoroutine(*Definition)) {
    // A coroutine keeps a copy in its frame until it finishes; a reference
    // is the caller's closure, alive until the caller's full expression
    // ends.
    Fate = ByReference ? ClosureFate::Borrowed : ClosureFate::Kept;
  } else {
    // An ordinary function: every use of the callable must be a call whose
    // coroutine escapes (returned, collected), or a hand-over to a callee
    // that does the same; anything else may keep the callable alive.
    bool Invoked = false, Other = false, DroppedDeeper = false;
    std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
      if (!S || Other)
        return;
      if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
        for (const LambdaCapture &Capture : Lambda->captures())
          if (Capture.capturesVariable() &&
              Capture.getCapturedVar() == &Param &&
              Capture.getCaptureKind() != LCK_ByRef)
            Other = true; // A copy that may be kept.
        Visit(Lambda->getBody());
        return;
      }
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
          Op && Op->getOperator() == OO_Call && names(Op->getArg(0), Param)) {
        Invoked = true;
        for (unsigned I = 1; I < Op->getNumArgs(); ++I)
          Visit(Op->getArg(I));
        return;
      }
      if (const auto *Call = dyn_cast<CallExpr>(S)) {
        llvm::SmallPtrSet<const Expr *, 4> HandedOver;
        for (auto [CalleeParam, Arg] : argumentsByParameter(*Call)) {
          if (!names(Arg, Param))
            continue;
          HandedOver.insert(Arg);
          const auto *Next = dyn_cast<FunctionDecl>(CalleeParam->getDeclContext());
          ClosureFate Deeper =
              Next && Depth < 4
                  ? closureFate(*Next, CalleeParam->getFunctionScopeIndex(),
                                Depth + 1)
                  : ClosureFate::Unknown;
          if (Deeper == ClosureFate::Borrowed || Deeper == ClosureFate::Dropped) {
            Invoked = true;
            DroppedDeeper = DroppedDeeper || Deeper == ClosureFate::Dropped;
          } else {
            Other = true;
          }
        }
        for (const Stmt *Child : S->children())
          if (!HandedOver.contains(dyn_cast_or_null<Expr>(Child)))
            Visit(Child);
        return;
      }
      if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
          Ref && Ref->getDecl() == &Param) {
        Other = true;
        return;
      }
      for (const Stmt *Child : S->children())
        Visit(Child);
    };
    Visit(Definition->getBody());
    if (Invoked && !Other && !corolint::waitsBeforeReturning(*Definition, Completing))
      Fate = !ByReference || DroppedDeeper ? ClosureFate::Dropped
                                           : ClosureFate::Borrowed;
  }
  Fates[{Definition, ParamIndex}] = Fate;
  return Fate;
}

namespace {
/// A capture of a lambda coroutine read where the coroutine may have
/// suspended before.
struct LateCapture {
  const Expr *Use = nullptr;
  std::string Name;
};
} // namespace

/// The first capture of \p Lambda (a coroutine) read after its first
/// suspension, in source order or in a loop that suspends.
static LateCapture captureUsedAfterSuspending(const LambdaExpr &Lambda,
                                              const SourceManager &SM) {
  const Stmt *Body = userBody(*Lambda.getCallOperator());
  const Stmt *Suspension = firstSuspensionIn(Body);
  if (!Suspension)
    return {};
  llvm::SmallPtrSet<const ValueDecl *, 4> Captured;
  bool CapturesThis = false;
  for (const LambdaCapture &Capture : Lambda.captures()) {
    if (Capture.capturesThis())
      CapturesThis = true;
    else if (Capture.capturesVariable())
      Captured.insert(Capture.getCapturedVar());
  }
  LateCapture Found;
  std::function<void(const Stmt *, bool)> Visit = [&](const Stmt *S,
                                                      bool Late) {
    if (!S || Found.Use)
      return;
    if (const auto *Nested = dyn_cast<LambdaExpr>(S)) {
      // Its body runs at another time; its captures are read here.
      for (const Expr *Init : Nested->capture_inits())
        Visit(Init, Late);
      return;
    }
    if (loopBody(*S) && firstSuspensionIn(S))
      Late = true; // The next iteration runs after the suspension.
    const auto *E = dyn_cast<Expr>(S);
    if (E && (Late || SM.isBeforeInTranslationUnit(Suspension->getEndLoc(),
                                                    E->getBeginLoc()))) {
      if (const auto *Ref = dyn_cast<DeclRefExpr>(E);
          Ref && Captured.contains(Ref->getDecl())) {
        Found = {E, "'" + Ref->getDecl()->getNameAsString() + "'"};
        return;
      }
      if (isa<CXXThisExpr>(E) && CapturesThis) {
        Found = {E, "'this'"};
        return;
      }
    }
    for (const Stmt *Child : S->children())
      Visit(Child, Late);
  };
  Visit(Body, false);
  return Found;
}

void DanglingReferenceCheck::checkClosureArguments(const CallExpr &Call,
                                                   Use U) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  // Spawn functions are the spawn rules' (co_spawn keeps its function).
  if (!Callee || U.Statement || calleeIsListed(Call, Spawn))
    return;
  for (auto [Param, Arg] : argumentsByParameter(Call)) {
    const auto *Lambda = dyn_cast<LambdaExpr>(stripImplicit(Arg));
    if (!Lambda || Lambda->capture_size() == 0 ||
        !isCoroutine(*Lambda->getCallOperator()) ||
        completesWithinCall(*Lambda->getCallOperator()))
      continue;
    const auto *Owner = dyn_cast<FunctionDecl>(Param->getDeclContext());
    if (!Owner)
      continue;
    ClosureFate Fate =
        closureFate(*Owner, Param->getFunctionScopeIndex(), /*Depth=*/0);
    if (Fate == ClosureFate::Unknown && calleeIsListed(Call, ClosureDropping))
      Fate = ClosureFate::Dropped;
    // A coroutine taking the closure by reference: the temporary rule of
    // checkCall() reports it.
    const FunctionDecl *OwnerDefinition = definitionInSight(*Owner);
    if (Fate == ClosureFate::Borrowed && OwnerDefinition &&
        isCoroutine(*OwnerDefinition))
      continue;
    if (Fate != ClosureFate::Dropped &&
        !(Fate == ClosureFate::Borrowed && !U.Awaited))
      continue;
    LateCapture Late = captureUsedAfterSuspending(
        *Lambda, Owner->getASTContext().getSourceManager());
    if (!Late.Use)
      continue;
    if (Fate == ClosureFate::Dropped)
      diag(Lambda->getBeginLoc(),
           "%0 destroys the closure of this lambda coroutine before the "
           "coroutine finishes, while the coroutine still uses capture %1")
          << quotedCalleeName(Call) << Late.Name;
    else
      diag(Lambda->getBeginLoc(),
           "the closure of this lambda coroutine is destroyed at the end of "
           "the full expression, while the coroutine started by %0 still "
           "uses capture %1")
          << quotedCalleeName(Call) << Late.Name;
    diag(Late.Use->getBeginLoc(), "%0 used here, after the coroutine suspends",
         DiagnosticIDs::Note)
        << Late.Name;
    llvm::StringRef Wrapper = frameworkText(Callee, Text::AwaitedClosureWrapper);
    if (U.Awaited && !Wrapper.empty())
      diag(Lambda->getBeginLoc(),
           "wrap the lambda in '%0' to keep the closure alive while the call "
           "is awaited",
           DiagnosticIDs::Note)
          << Wrapper;
    else if (Fate == ClosureFate::Borrowed)
      diag(Lambda->getBeginLoc(),
           "await the call in the same full expression, or pass the captures "
           "as parameters of the lambda",
           DiagnosticIDs::Note);
    else
      diag(Lambda->getBeginLoc(),
           "pass the captures as parameters of the lambda, or make the body "
           "a function that takes them by value",
           DiagnosticIDs::Note);
  }
}

void DanglingReferenceCheck::checkSpawnedLambda(const LambdaExpr &Lambda,
                                                const CallExpr &Spawn) {
  if (RunsEventLoop || !isCoroutine(*Lambda.getCallOperator()))
    return;
  for (const LambdaCapture &Capture : Lambda.captures()) {
    if (!Capture.capturesVariable() || Capture.getCaptureKind() != LCK_ByRef)
      continue;
    const auto *Var = dyn_cast<VarDecl>(Capture.getCapturedVar());
    if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType())
      continue;
    diag(Capture.isImplicit() ? Lambda.getCaptureDefaultLoc()
                              : Capture.getLocation(),
         "lambda coroutine captures %0 by reference, but %1 can run it after "
         "%0 is destroyed")
        << Var << quotedCalleeName(Spawn);
    diag(Var->getLocation(), "%0 declared here", DiagnosticIDs::Note) << Var;
    return; // One finding per lambda.
  }
}

void DanglingReferenceCheck::walk(const Stmt *S, Use U, const ASTContext &Ctx) {
  if (!S)
    return;
  if (const auto *E = dyn_cast<Expr>(S)) {
    Use Inner = U;
    // A statement stays one through the implicit nodes around its value.
    Inner.Statement =
        U.Statement && isa<FullExpr, ImplicitCastExpr, CXXBindTemporaryExpr,
                           MaterializeTemporaryExpr, ParenExpr>(E);
    if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
      // The body is a function of its own; the captures are evaluated here.
      for (const Expr *Init : Lambda->capture_inits())
        walk(Init, Inner, Ctx);
      return;
    }
    if (const auto *Await = dyn_cast<CoawaitExpr>(E)) {
      Inner.Awaited = true;
      walk(Await->getOperand(), Inner, Ctx);
      return;
    }
    if (const auto *Await = dyn_cast<DependentCoawaitExpr>(E)) {
      Inner.Awaited = true;
      walk(Await->getOperand(), Inner, Ctx);
      return;
    }
    if (const auto *Yield = dyn_cast<CoyieldExpr>(E)) {
      walk(Yield->getOperand(), Inner, Ctx);
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      checkCall(*Call, U, Ctx);
      checkClosureArguments(*Call, U);
      if (const LambdaExpr *Lambda = lambdaInvokedOnTheSpot(*Call))
        checkInvokedLambda(*Lambda, *Call, U);
      // `task(...).get()` waits for the coroutine as sync_wait(task(...))
      // does; so does a function of the project's that waits before it
      // returns (a test's `run(task(...))` helper).
      if (calleeIsListed(*Call, Completing) || waitsBeforeReturning(*Call)) {
        Inner.Awaited = true;
      } else if (!U.Awaited && calleeIsListed(*Call, ScopeSpawn)) {
        Inner.Escape = Call;
        Inner.Spawned = true;
        Inner.IntoScope = true;
      } else if (!U.Awaited && calleeIsListed(*Call, Spawn)) {
        Inner.Escape = Call;
        Inner.Spawned = true;
        for (const Expr *Arg : Call->arguments())
          if (const auto *Lambda = dyn_cast<LambdaExpr>(stripImplicit(Arg)))
            checkSpawnedLambda(*Lambda, *Call);
      }
    }
    for (const Stmt *Child : E->children())
      walk(Child, Inner, Ctx);
    return;
  }
  // Statements start new full expressions.
  if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
    walk(Return->getRetValue(), Use{false, false, Return}, Ctx);
    return;
  }
  if (const auto *Return = dyn_cast<CoreturnStmt>(S)) {
    walk(Return->getOperand(), Use{false, false, Return}, Ctx);
    return;
  }
  llvm::SmallVector<const Expr *, 4> Discarded = discardedSubExprs(*S);
  bool IsLoop = loopBody(*S);
  if (IsLoop)
    Loops.push_back(S);
  for (const Stmt *Child : S->children()) {
    Use Fresh;
    Fresh.Statement = llvm::is_contained(Discarded, Child);
    walk(Child, Fresh, Ctx);
  }
  if (IsLoop)
    Loops.pop_back();
}

bool DanglingReferenceCheck::diesWithIteration(const VarDecl &Var,
                                               const CallExpr &Spawn) const {
  if (Loops.empty())
    return false;
  const Stmt &Loop = *Loops.back();
  const SourceManager &SM = Var.getASTContext().getSourceManager();
  // Declared in the loop (its body, its range-for variable, its init): gone
  // before anything after the loop can join the scope.
  if (!SM.isPointWithin(Var.getLocation(), Loop.getBeginLoc(),
                        Loop.getEndLoc()))
    return false;
  bool SuspendsLater = false;
  forEachOwnStmt(loopBody(Loop), [&](const Stmt &Node) {
    SuspendsLater =
        SuspendsLater ||
        (isa<CoroutineSuspendExpr, DependentCoawaitExpr>(Node) &&
         SM.isBeforeInTranslationUnit(Spawn.getEndLoc(), Node.getBeginLoc()));
  });
  return !SuspendsLater;
}

} // namespace corolint
