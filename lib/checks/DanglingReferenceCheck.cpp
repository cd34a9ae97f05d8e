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
      WaitingFunctions(
          listOption("WaitingFunctions",
                     {Role::WaitingFunctions, Role::ResultWaitFunctions})),
      EventLoopRunFunctions(listOption(Role::EventLoopRunFunctions)),
      ReferenceLikeTypes(listOption(Role::ReferenceLikeTypes)),
      ClosureDroppingFunctions(listOption(Role::ClosureDroppingFunctions)),
      ScopeSpawnFunctions(listOption(Role::ScopeSpawnFunctions)),
      AssumeCoroutineWhenUnseen(
          Options.get("AssumeCoroutineWhenUnseen", false)),
      DetachingFunctions(listOption(Role::DetachingFunctions)),
      EagerStartFunctions(listOption(Role::EagerStartFunctions)),
      SelfOwnerFunctions(listOption(Role::SelfOwnerFunctions)),
      OwnerMakingFunctions(listOption(Role::OwnerMakingFunctions)),
      GateFunctions(listOption(Role::GateFunctions)),
      GateHolderFunctions(listOption(Role::GateHolderFunctions)),
      InvokingFunctions(listOption(Role::InvokingFunctions)),
      ReportUnprovenOwners(Options.get("ReportUnprovenOwners", false)),
      Spawn(SpawnFunctions),
      Completing(RunToCompletionFunctions + ";" + WaitingFunctions),
      EventLoopRun(EventLoopRunFunctions), ReferenceLike(ReferenceLikeTypes),
      ClosureDropping(ClosureDroppingFunctions),
      ScopeSpawn(ScopeSpawnFunctions), Detaching(DetachingFunctions),
      EagerStart(EagerStartFunctions), SelfOwner(SelfOwnerFunctions),
      OwnerMaking(OwnerMakingFunctions), Gate(GateFunctions),
      GateHolder(GateHolderFunctions), Invoking(InvokingFunctions) {}

void DanglingReferenceCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  CorolintCheck::storeOptions(Opts);
  Options.store(Opts, "AssumeCoroutineWhenUnseen", AssumeCoroutineWhenUnseen);
  Options.store(Opts, "ReportUnprovenOwners", ReportUnprovenOwners);
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
  return Callee && waitsBeforeReturning(*Callee);
}

bool DanglingReferenceCheck::waitsBeforeReturning(const FunctionDecl &F) {
  auto [Known, Inserted] = Waiting.try_emplace(&F, false);
  if (Inserted)
    Known->second = corolint::waitsBeforeReturning(F, Completing);
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
      noteEscape(U);
    }
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    checkObject(*Member, U, Ctx);
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
  const FunctionDecl *Definition = definitionToRead(Callee);
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
          // `std::invoke(func, ...)` calls it here (its body is a system
          // header's, out of sight).
          if (CalleeParam->getFunctionScopeIndex() == 0 &&
              calleeIsListed(*Call, Invoking)) {
            Invoked = true;
            continue;
          }
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
  bool IsThis = false;
};
} // namespace

/// The first expression of \p Coroutine's body that \p IsUse accepts
/// where the coroutine's caller may have gone on: anywhere if it starts
/// lazily (\p StartsLazily), else after its first suspension, in source
/// order or in a loop that suspends. Nested lambdas' bodies run at another
/// time; their captures are read where they are written.
static const Expr *
usedAfterSuspending(const FunctionDecl &Coroutine, bool StartsLazily,
                    llvm::function_ref<bool(const Expr &)> IsUse) {
  const Stmt *Body = userBody(Coroutine);
  const Stmt *Suspension = firstSuspensionIn(Body);
  if (!StartsLazily && !Suspension)
    return nullptr;
  const SourceManager &SM = Coroutine.getASTContext().getSourceManager();
  const Expr *Found = nullptr;
  std::function<void(const Stmt *, bool)> Visit = [&](const Stmt *S,
                                                      bool Late) {
    if (!S || Found)
      return;
    if (const auto *Nested = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : Nested->capture_inits())
        Visit(Init, Late);
      return;
    }
    if (loopBody(*S) && firstSuspensionIn(S))
      Late = true; // The next iteration runs after the suspension.
    const auto *E = dyn_cast<Expr>(S);
    if (E && IsUse(*E) &&
        (Late || SM.isBeforeInTranslationUnit(Suspension->getEndLoc(),
                                              E->getBeginLoc()))) {
      Found = E;
      return;
    }
    for (const Stmt *Child : S->children())
      Visit(Child, Late);
  };
  Visit(Body, StartsLazily);
  return Found;
}

/// The first capture of \p Lambda (a coroutine) read after its first
/// suspension.
static LateCapture captureUsedAfterSuspending(const LambdaExpr &Lambda) {
  llvm::SmallPtrSet<const ValueDecl *, 4> Captured;
  bool CapturesThis = false;
  for (const LambdaCapture &Capture : Lambda.captures()) {
    if (Capture.capturesThis())
      CapturesThis = true;
    else if (Capture.capturesVariable())
      Captured.insert(Capture.getCapturedVar());
  }
  const Expr *Use = usedAfterSuspending(
      *Lambda.getCallOperator(), /*StartsLazily=*/false, [&](const Expr &E) {
        const auto *Ref = dyn_cast<DeclRefExpr>(&E);
        return (Ref && Captured.contains(Ref->getDecl())) ||
               (CapturesThis && isa<CXXThisExpr>(E));
      });
  if (!Use)
    return {};
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Use))
    return {Use, "'" + Ref->getDecl()->getNameAsString() + "'"};
  return {Use, "'this'", /*IsThis=*/true};
}

namespace {
/// A lambda handed to a call: written in the argument, or named by a local
/// the lambda initialised (`auto step = [this](int) -> future<> {...};`).
struct HandedLambda {
  const LambdaExpr *Lambda = nullptr;
  const VarDecl *Local = nullptr;
};
} // namespace

static HandedLambda handedLambda(const Expr *Arg, const FunctionDecl &Current) {
  Arg = stripImplicit(Arg);
  if (const auto *Lambda = dyn_cast<LambdaExpr>(Arg))
    return {Lambda, nullptr};
  // Through a wrapper made from it (`std::function`): the wrapper's copy of
  // the closure is what the callee calls, and lives as long as the wrapper.
  if (const auto *Wrapper = dyn_cast<CXXConstructExpr>(Arg);
      Wrapper && Wrapper->getNumArgs() == 1 &&
      !Wrapper->getConstructor()->isCopyOrMoveConstructor())
    if (const auto *Lambda =
            dyn_cast<LambdaExpr>(stripImplicit(Wrapper->getArg(0))))
      return {Lambda, nullptr};
  // Through a copy into a parameter taken by value.
  if (const auto *Copy = dyn_cast<CXXConstructExpr>(Arg);
      Copy && Copy->getNumArgs() == 1 &&
      Copy->getConstructor()->isCopyOrMoveConstructor())
    Arg = stripImplicit(Copy->getArg(0));
  const auto *Local = dyn_cast_or_null<VarDecl>(namedVariable(Arg));
  if (!Local || !Local->hasLocalStorage() ||
      Local->getType()->isReferenceType() ||
      Local->getParentFunctionOrMethod() !=
          static_cast<const DeclContext *>(&Current) ||
      !Local->getInit())
    return {};
  if (const auto *Lambda =
          dyn_cast<LambdaExpr>(stripImplicit(Local->getInit())))
    return {Lambda, Local};
  return {};
}

void DanglingReferenceCheck::checkClosureArguments(const CallExpr &Call,
                                                   Use U) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  // Spawn functions are the spawn rules' (co_spawn keeps its function).
  if (!Callee || U.Statement || calleeIsListed(Call, Spawn))
    return;
  for (auto [Param, Arg] : argumentsByParameter(Call)) {
    auto [Lambda, Local] = handedLambda(Arg, *Current);
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
    // A named closure lives until the end of its scope, not of the full
    // expression: borrowed, it dies first only where the coroutine leaves
    // the function (returned, or spawned by a function that does not run
    // the event loop itself).
    bool BorrowedDiesFirst =
        Local ? U.Escape && !(U.Spawned && RunsEventLoop) : !U.Awaited;
    if (Fate != ClosureFate::Dropped &&
        !(Fate == ClosureFate::Borrowed && BorrowedDiesFirst))
      continue;
    LateCapture Late = captureUsedAfterSuspending(*Lambda);
    if (!Late.Use)
      continue;
    if (Fate == ClosureFate::Dropped && Local)
      diag(Arg->getBeginLoc(),
           "%0 destroys its copy of the closure of lambda coroutine %1 before "
           "the coroutine finishes, while the coroutine still uses capture %2")
          << quotedCalleeName(Call) << Local << Late.Name;
    else if (Fate == ClosureFate::Dropped)
      diag(Lambda->getBeginLoc(),
           "%0 destroys the closure of this lambda coroutine before the "
           "coroutine finishes, while the coroutine still uses capture %1")
          << quotedCalleeName(Call) << Late.Name;
    else if (Local)
      diag(Arg->getBeginLoc(),
           "the closure of lambda coroutine %0 is destroyed at the end of its "
           "scope, while the coroutine started by %1 still uses capture %2")
          << Local << quotedCalleeName(Call) << Late.Name;
    else
      diag(Lambda->getBeginLoc(),
           "the closure of this lambda coroutine is destroyed at the end of "
           "the full expression, while the coroutine started by %0 still "
           "uses capture %1")
          << quotedCalleeName(Call) << Late.Name;
    diag(Late.Use->getBeginLoc(), "%0 used here, after the coroutine suspends",
         DiagnosticIDs::Note)
        << Late.Name;
    ClosuresReported.insert(Lambda);
    llvm::StringRef Wrapper = frameworkText(Callee, Text::AwaitedClosureWrapper);
    if (U.Awaited && !Wrapper.empty())
      diag(Lambda->getBeginLoc(),
           "wrap the lambda in '%0' to keep the closure alive while the call "
           "is awaited",
           DiagnosticIDs::Note)
          << Wrapper;
    else if (Fate == ClosureFate::Borrowed)
      diag(Lambda->getBeginLoc(),
           "await the call %select{in the same full expression|before the "
           "closure's scope ends}0, or %select{pass the captures as "
           "parameters of the lambda|move the body into a member coroutine, "
           "which the lambda calls}1",
           DiagnosticIDs::Note)
          << (Local != nullptr) << Late.IsThis;
    else
      diag(Lambda->getBeginLoc(),
           "%select{pass the captures as parameters of the lambda, or make "
           "the body a function that takes them by value|move the body into "
           "a member coroutine, which the lambda calls (its frame keeps "
           "'this' and the arguments)}0",
           DiagnosticIDs::Note)
          << Late.IsThis;
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

namespace {
/// Spawned work that runs on `this`.
struct WorkOnThis {
  const FunctionDecl *Coroutine = nullptr; // Its definition or call operator.
  const Expr *Where = nullptr;             // The member call or the lambda.
  bool IsLambda = false;
};
} // namespace

static bool capturesThis(const LambdaExpr &Lambda) {
  return llvm::any_of(Lambda.captures(), [](const LambdaCapture &Capture) {
    return Capture.capturesThis();
  });
}

/// A call of a member coroutine on `this` in \p E, or a lambda coroutine
/// capturing `this`, or a lambda capturing `this` that returns such a call
/// (`[this] { return reader(); }`). Other lambdas' bodies run at another
/// time, as functions of their own.
static WorkOnThis findWorkOnThis(const Expr *E) {
  if (!E)
    return {};
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
    if (!capturesThis(*Lambda))
      return {};
    const CXXMethodDecl *Operator = Lambda->getCallOperator();
    if (isCoroutine(*Operator))
      return completesWithinCall(*Operator)
                 ? WorkOnThis{}
                 : WorkOnThis{Operator, Lambda, /*IsLambda=*/true};
    const auto *Body = dyn_cast_or_null<CompoundStmt>(Lambda->getBody());
    if (Body && Body->size() == 1)
      if (const auto *Return = dyn_cast<ReturnStmt>(Body->body_front()))
        return findWorkOnThis(Return->getRetValue());
    return {};
  }
  // A lambda called where it is written dies with the full expression:
  // checkInvokedLambda() reports that first.
  if (lambdaInvokedOnTheSpot(*E))
    return {};
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    if (isa<CXXThisExpr>(stripImplicit(Member->getImplicitObjectArgument())))
      if (const FunctionDecl *Definition =
              definitionInSight(*Member->getMethodDecl()))
        if (isCoroutine(*Definition) && !completesWithinCall(*Definition))
          return {Definition, Member, /*IsLambda=*/false};
  for (const Stmt *Child : E->children())
    if (WorkOnThis Found = findWorkOnThis(dyn_cast_or_null<Expr>(Child));
        Found.Coroutine)
      return Found;
  return {};
}

/// The first `this` that \p Coroutine's body uses where the spawner may have
/// gone on (see usedAfterSuspending).
static const CXXThisExpr *thisUsedLate(const FunctionDecl &Coroutine,
                                       bool StartsLazily) {
  return cast_or_null<CXXThisExpr>(
      usedAfterSuspending(Coroutine, StartsLazily,
                          [](const Expr &E) { return isa<CXXThisExpr>(E); }));
}

/// The variable \p E names, directly or as `v->` (a smart pointer's).
static const VarDecl *variableThroughArrow(const Expr &E) {
  const Expr *Named = stripImplicit(&E);
  if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Named);
      Arrow && Arrow->getOperator() == OO_Arrow && Arrow->getNumArgs() == 1)
    Named = stripImplicit(Arrow->getArg(0));
  const auto *Ref = dyn_cast<DeclRefExpr>(Named);
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

const CallExpr *
DanglingReferenceCheck::ownerTaken(const FunctionDecl &Coroutine, bool AnyTime,
                                   const SourceManager &SM) const {
  const Stmt *Suspension = firstSuspensionIn(userBody(Coroutine));
  const CallExpr *Taken = nullptr;
  forEachOwnStmt(userBody(Coroutine), [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Taken && Call && calleeIsListed(*Call, SelfOwner) &&
        (AnyTime || !Suspension ||
         SM.isBeforeInTranslationUnit(Call->getBeginLoc(),
                                      Suspension->getBeginLoc())))
      Taken = Call;
  });
  return Taken;
}

const VarDecl *DanglingReferenceCheck::soleOwner(const Expr &Pointer) const {
  const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(stripImplicit(&Pointer));
  if (!Arrow || Arrow->getOperator() != OO_Arrow)
    return nullptr;
  const VarDecl *Var = variableThroughArrow(Pointer);
  if (!Var || !Var->isLocalVarDecl() || Var->isStaticLocal() ||
      Var->getType()->isReferenceType() || !Var->getInit())
    return nullptr;
  // Made here: `auto c = std::make_shared<Conn>(...)`.
  const Expr *Init = stripImplicit(Var->getInit());
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init);
      Construct && Construct->getNumArgs() == 1)
    Init = stripImplicit(Construct->getArg(0));
  const auto *Make = dyn_cast<CallExpr>(Init);
  if (!Make || !calleeIsListed(*Make, OwnerMaking))
    return nullptr;
  // Used only to reach the object (`c->`, `*c`); copied, moved, captured,
  // passed or asked for its pointer, it may have another owner. (Uses in
  // lambdas count, and never as reaching.)
  unsigned Uses = 0;
  std::function<void(const Stmt *)> Count = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *Use = dyn_cast<DeclRefExpr>(S))
      Uses += Use->getDecl() == Var;
    for (const Stmt *Child : S->children())
      Count(Child);
  };
  Count(userBody(*Current));
  llvm::SmallPtrSet<const DeclRefExpr *, 8> Reaching;
  forEachOwnStmt(userBody(*Current), [&](const Stmt &S) {
    const Expr *Operand = nullptr;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
        Op && Op->getNumArgs() == 1 &&
        (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star))
      Operand = Op->getArg(0);
    if (const auto *Use =
            Operand ? dyn_cast<DeclRefExpr>(stripImplicit(Operand)) : nullptr;
        Use && Use->getDecl() == Var)
      Reaching.insert(Use);
  });
  return Uses == Reaching.size() ? Var : nullptr;
}

/// True if the function being analysed awaits a member call on \p Var's
/// object other than \p Spawned (`co_await c.stop();`): it manages the
/// object's life there, as a spawner that waits does.
bool DanglingReferenceCheck::awaitsOn(const VarDecl &Var,
                                      const CXXMemberCallExpr &Spawned) const {
  bool Found = false;
  forEachOwnStmt(userBody(*Current), [&](const Stmt &S) {
    const auto *Await = dyn_cast<CoawaitExpr>(&S);
    const auto *Call =
        Await ? dyn_cast<CXXMemberCallExpr>(stripImplicit(Await->getOperand()))
              : nullptr;
    if (!Call || Call == &Spawned)
      return;
    Found = Found || variableThroughArrow(*Call->getImplicitObjectArgument()) ==
                         &Var;
  });
  return Found;
}

void DanglingReferenceCheck::checkObject(const CXXMemberCallExpr &Call, Use U,
                                         const ASTContext &Ctx) {
  const Expr *Object = Call.getImplicitObjectArgument();
  if (!Object)
    return;
  // `p->run()`: where a pointer points is not this frame's business, unless
  // p is a local holding the only owner of a new object.
  const VarDecl *Owner = nullptr;
  if (Object->getType()->isPointerType() && !(Owner = soleOwner(*Object)))
    return;
  Referent R = Owner ? Referent{Referent::Local, Owner}
                     : referentOf(Object, /*ThroughViews=*/false);
  if (R.Kind == Referent::Other ||
      (R.Kind == Referent::Local &&
       R.Var->getParentFunctionOrMethod() !=
           static_cast<const DeclContext *>(Current)))
    return;
  const FunctionDecl &Callee = *Call.getDirectCallee();
  const FunctionDecl *Definition = definitionInSight(Callee);
  if (!Definition)
    return;
  bool Lazy =
      Types.classify(Callee.getReturnType(), Ctx).Start == CoroutineStart::Lazy;
  const CXXThisExpr *Used = thisUsedLate(*Definition, Lazy);
  // An eager coroutine that takes an owner of its object before it first
  // suspends keeps the object alive.
  if (!Used ||
      (Owner && !Lazy &&
       ownerTaken(*Definition, /*AnyTime=*/false, Ctx.getSourceManager())))
    return;
  if (R.Kind == Referent::Temporary && !U.Statement) {
    diag(Object->getBeginLoc(),
         "%0 runs on a temporary object, destroyed at the end of the full "
         "expression, while the coroutine may still use it")
        << describeCoroutine(Callee) << Object->getSourceRange();
  } else if (R.Kind == Referent::Local && U.IntoScope) {
    if (!diesWithIteration(*R.Var, *cast<CallExpr>(U.Escape)))
      return;
    diag(Object->getBeginLoc(),
         "%0 runs on %1, a local of the loop, but is spawned into a scope "
         "that outlives the iteration")
        << describeCoroutine(Callee) << R.Var << Object->getSourceRange();
  } else if (R.Kind == Referent::Local && U.Escape &&
             !(U.Spawned && (RunsEventLoop || awaitsOn(*R.Var, Call)))) {
    diag(Object->getBeginLoc(),
         "%0 runs on %select{local %1|the object local %1 solely owns}3 but "
         "is %select{returned|spawned}2 and can outlive it")
        << describeCoroutine(Callee) << R.Var << U.Spawned << (Owner != nullptr)
        << Object->getSourceRange();
  } else {
    return;
  }
  diag(Used->getBeginLoc(), "the object used here, through 'this'",
       DiagnosticIDs::Note);
  if (U.Escape)
    noteEscape(U);
}

void DanglingReferenceCheck::noteEscape(const Use &U) {
  diag(U.Escape->getBeginLoc(),
       "the coroutine %select{is returned|is spawned}0 here",
       DiagnosticIDs::Note)
      << U.Spawned;
}

/// The member function of \p Class or of a base that \p Names lists.
static const CXXMethodDecl *listedMember(const CXXRecordDecl &Class,
                                         const NameList &Names) {
  // Member templates too (cppcoro's `async_scope::spawn`).
  for (const Decl *Member : Class.decls()) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Member);
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Member))
      Method = dyn_cast<CXXMethodDecl>(Template->getTemplatedDecl());
    if (Method && Method->getIdentifier() &&
        Names.matches(Class.getQualifiedNameAsString() +
                      "::" + Method->getName().str()))
      return Method;
  }
  for (const CXXBaseSpecifier &Base : Class.bases())
    if (const CXXRecordDecl *BaseClass = Base.getType()->getAsCXXRecordDecl();
        BaseClass && BaseClass->hasDefinition())
      if (const CXXMethodDecl *Found =
              listedMember(*BaseClass->getDefinition(), Names))
        return Found;
  return nullptr;
}

bool DanglingReferenceCheck::holdsOwnerOrGate(const Expr &Spawned) const {
  bool Found = false;
  llvm::SmallPtrSet<const VarDecl *, 4> Followed;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || Found)
      return;
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : Lambda->capture_inits())
        Visit(Init);
      // A forwarder's body hands its arguments on where it is written.
      if (!isCoroutine(*Lambda->getCallOperator()))
        Visit(Lambda->getBody());
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S);
        Call &&
        (calleeIsListed(*Call, SelfOwner) || calleeIsListed(*Call, Gate) ||
         calleeIsListed(*Call, GateHolder))) {
      Found = true;
      return;
    }
    // A local that holds an owner (`auto self = shared_from_this();`).
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
          Var && Var->hasLocalStorage() && Followed.insert(Var).second) {
        Visit(Var->getInit());
        if (Found)
          return;
      }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(&Spawned);
  return Found;
}

bool DanglingReferenceCheck::outlivesItsWork(const CXXRecordDecl &Class) {
  auto [Known, Inserted] = KeptByClass.try_emplace(&Class, false);
  if (!Inserted)
    return Known->second;
  bool Kept = false;
  // A class that deletes itself when its work is done (`delete this`).
  for (const CXXMethodDecl *Method : Class.methods()) {
    const FunctionDecl *Definition = definitionToRead(*Method);
    if (!Definition || Kept)
      continue;
    forEachOwnStmt(Definition->getBody(), [&](const Stmt &S) {
      if (const auto *Delete = dyn_cast<CXXDeleteExpr>(&S))
        Kept = Kept || isa<CXXThisExpr>(stripImplicit(Delete->getArgument()));
    });
  }
  // A destructor that waits for the work (joins its threads or scopes).
  if (const CXXDestructorDecl *Destructor = Class.getDestructor())
    if (const FunctionDecl *Definition = definitionInSight(*Destructor))
      Kept = Kept || waitsBeforeReturning(*Definition);
  KeptByClass[&Class] = Kept;
  return Kept;
}

/// A member of \p Class that waits for the class's work when it is closed
/// or joined: a gate (it has a GateHolderFunctions member) or a scope (a
/// ScopeSpawnFunctions member).
static const FieldDecl *gateOrScopeMember(const CXXRecordDecl &Class,
                                          const NameList &GateHolder,
                                          const NameList &ScopeSpawn) {
  for (const FieldDecl *Field : Class.fields())
    if (const CXXRecordDecl *Type = Field->getType()->getAsCXXRecordDecl();
        Type && Type->hasDefinition() &&
        (listedMember(*Type->getDefinition(), GateHolder) ||
         listedMember(*Type->getDefinition(), ScopeSpawn)))
      return Field;
  return nullptr;
}

/// True if \p E names \p Member, outside lambda bodies.
static bool refersTo(const Stmt &E, const FieldDecl &Member) {
  if (const auto *Access = dyn_cast<MemberExpr>(&E);
      Access && Access->getMemberDecl() == &Member)
    return true;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(&E))
    return llvm::any_of(Lambda->capture_inits(), [&](const Expr *Init) {
      return Init && refersTo(*Init, Member);
    });
  return llvm::any_of(E.children(), [&](const Stmt *Child) {
    return Child && refersTo(*Child, Member);
  });
}

/// True if \p Spawn is called on a scope that is a local of the function
/// (`cppcoro::async_scope batch; batch.spawn(...)`).
static bool intoLocalScope(const CallExpr &Spawn) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Spawn);
  const auto *Scope = Member ? dyn_cast_or_null<VarDecl>(namedVariable(
                                   Member->getImplicitObjectArgument()))
                             : nullptr;
  return Scope && Scope->hasLocalStorage() &&
         !Scope->getType()->isReferenceType() && !isa<ParmVarDecl>(Scope);
}

void DanglingReferenceCheck::checkSpawnedThis(const Expr &Spawned,
                                              const CallExpr *Spawner,
                                              const ASTContext &Ctx) {
  WorkOnThis Work = findWorkOnThis(&Spawned);
  if (!Work.Coroutine || RunsEventLoop ||
      (Work.IsLambda && ClosuresReported.contains(Work.Where)) ||
      waitsBeforeReturning(*Current))
    return;
  CoroutineStart Start =
      Types.classify(Work.Coroutine->getReturnType(), Ctx).Start;
  const CXXThisExpr *Used =
      thisUsedLate(*Work.Coroutine, Start == CoroutineStart::Lazy);
  if (!Used)
    return;
  const CXXRecordDecl *Class = Used->getType()->getPointeeCXXRecordDecl();
  if (!Class || !Class->hasDefinition())
    return;
  Class = Class->getDefinition();
  if (holdsOwnerOrGate(Spawned) || outlivesItsWork(*Class))
    return;
  // An eager coroutine that takes its owner before it first suspends is
  // kept alive; a lazy one takes it too late, when it starts.
  const CallExpr *OwnerTaken = ownerTaken(
      *Work.Coroutine, Start == CoroutineStart::Lazy, Ctx.getSourceManager());
  if (OwnerTaken && Start != CoroutineStart::Lazy)
    return;
  const CXXMethodDecl *Owner = listedMember(*Class, SelfOwner);
  const FieldDecl *Waiter =
      Owner ? nullptr : gateOrScopeMember(*Class, GateHolder, ScopeSpawn);
  if (!Owner && !Waiter && !ReportUnprovenOwners)
    return;
  // Work handed the gate or scope itself enters it there (a project's
  // `spawn_with_gate(gate_, ...)`).
  if (Waiter && refersTo(Spawned, *Waiter))
    return;
  diag(Work.Where->getBeginLoc(),
       "%select{member coroutine %1|lambda coroutine}0 %select{is spawned by "
       "%2|runs on after its result is discarded}3 and uses 'this' "
       "%select{when it runs|after it suspends}4, but nothing keeps %5 alive "
       "until it finishes")
      << Work.IsLambda << Work.Coroutine
      << (Spawner ? quotedCalleeName(*Spawner) : "") << !Spawner
      << (Start != CoroutineStart::Lazy) << Class;
  diag(Used->getBeginLoc(),
       "'this' used here%select{|, after the coroutine suspends}0",
       DiagnosticIDs::Note)
      << (Start != CoroutineStart::Lazy);
  if (OwnerTaken)
    diag(OwnerTaken->getBeginLoc(),
         "the coroutine starts lazily: it takes its owner only when it runs, "
         "after the spawner has gone on; pass the owner as an argument",
         DiagnosticIDs::Note);
  if (Owner) {
    diag(Class->getLocation(),
         "%0 is shared-owned (it derives from %1): capture or pass '%2()' in "
         "the spawned work",
         DiagnosticIDs::Note)
        << Class << Owner->getParent() << Owner->getName();
  } else if (Waiter) {
    diag(Waiter->getLocation(),
         "%0 waits for its work through %1, which this work does not enter",
         DiagnosticIDs::Note)
        << Class << Waiter;
  } else {
    diag(Class->getLocation(),
         "nothing in %0 shows that it outlives the work (an owner held by "
         "the work, a gate or scope its destructor waits for)",
         DiagnosticIDs::Note)
        << Class;
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
        // A scope of this function's is joined before the spawner goes on;
        // one of the object's keeps it (checkSpawnedThis); any other may be
        // joined after the object is gone.
        if (!intoLocalScope(*Call))
          checkSpawnedThis(*Call, Call, Ctx);
      } else if (!U.Awaited && calleeIsListed(*Call, Spawn)) {
        Inner.Escape = Call;
        Inner.Spawned = true;
        for (const Expr *Arg : Call->arguments())
          if (const auto *Lambda = dyn_cast<LambdaExpr>(stripImplicit(Arg)))
            checkSpawnedLambda(*Lambda, *Call);
        checkSpawnedThis(*Call, Call, Ctx);
      } else if (!U.Awaited && (calleeIsListed(*Call, Detaching) ||
                                calleeIsListed(*Call, EagerStart))) {
        checkSpawnedThis(*Call, Call, Ctx);
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
  // A discarded eager coroutine runs on by itself (Seastar's `(void)loop()`);
  // judged after the walk, which reports the closures that die first.
  for (const Expr *Statement : Discarded) {
    const Expr *Value = stripImplicit(Statement);
    if (const auto *ToVoid = dyn_cast<CStyleCastExpr>(Value);
        ToVoid && ToVoid->getCastKind() == CK_ToVoid)
      Value = stripImplicit(ToVoid->getSubExpr());
    // A new future: an assignment's result is the future it stored.
    if (!isa<CallExpr>(Value) || !Value->isPRValue())
      continue;
    CoroutineTypeInfo Info = Types.classify(Value->getType(), Ctx);
    if (!Info.CoroutineReturn || Info.Start != CoroutineStart::Eager)
      continue;
    checkSpawnedThis(*Value, nullptr, Ctx);
    // On a local object, it runs on after the frame is gone.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Value);
        Member && isCoroutineCall(*Member, Ctx))
      checkObject(*Member, Use{false, false, Statement, /*Spawned=*/true}, Ctx);
  }
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
