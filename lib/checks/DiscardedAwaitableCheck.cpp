//===--- DiscardedAwaitableCheck.cpp - coro-discarded-awaitable -----------===//

#include "checks/DiscardedAwaitableCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

// Deferred operations are lazy like tasks but have no await_* members: the
// promise of Asio's awaitable awaits them through await_transform.

/// What the function being analysed is.
struct DiscardedAwaitableCheck::Scope {
  const FunctionDecl &Function;
  const ASTContext &Ctx;
  bool InCoroutine;
  const CXXRecordDecl *Promise;
};

namespace {
/// How a diagnostic names the dropped object.
enum Noun { Task, Awaitable, CoroutineObject };
/// The consequence a diagnostic spells out.
enum Consequence { None, WillNotRun, ResultLost };
} // namespace

/// True if \p Call is of an ordinary function (its definition is no
/// coroutine) returning a type whose coroutines never suspend and which
/// suspends no other coroutine when awaited: a value made by the function
/// (folly's `Expected`), not a task left to await (Seastar's eager future,
/// which an awaiter may wait for).
static bool returnsValue(const CallExpr &Call, const CoroutineTypeInfo &Info) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && isOrdinaryFunction(*Callee) && Info.Promise &&
         promiseNeverSuspends(*Info.Promise) && !Info.AwaitSuspendsAnyCoroutine;
}

static bool isReportable(const CoroutineTypeInfo &Info) {
  // An eager coroutine that is not awaitable (fire_and_forget) is meant to
  // be dropped; one of unknown start may be too.
  return Info.Awaitable ||
         (Info.CoroutineReturn && Info.Start == CoroutineStart::Lazy);
}

static Noun nounFor(const CoroutineTypeInfo &Info) {
  if (!Info.Awaitable)
    return CoroutineObject;
  return Info.CoroutineReturn ? Task : Awaitable;
}

static Consequence consequenceFor(const CoroutineTypeInfo &Info) {
  if (!Info.CoroutineReturn)
    return None;
  switch (Info.Start) {
  case CoroutineStart::Lazy:
    return WillNotRun;
  case CoroutineStart::Eager:
    return ResultLost;
  case CoroutineStart::Unknown:
    break;
  }
  return None;
}

/// `co_await` is a unary operator: anything but a postfix expression needs
/// parentheses to stay its operand.
static bool needsParens(const Expr &Written) {
  const Expr &E = *Written.IgnoreImplicit();
  if (isa<ParenExpr>(E))
    return false;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&E))
    return Op->getOperator() != OO_Call && Op->getOperator() != OO_Subscript &&
           Op->getOperator() != OO_Arrow;
  return !isa<CallExpr>(E);
}

static std::string describeCallee(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (isLambdaCallOperator(Callee))
    return "the lambda";
  if (!Callee || !Callee->getDeclName())
    return "this call";
  return "'" + Callee->getNameAsString() + "'";
}

/// The parameter \p E names, also through `std::move`, `std::forward` or a
/// copy.
static const ParmVarDecl *namedParameter(const Expr *E) {
  if (const auto *Copy = dyn_cast<CXXConstructExpr>(stripImplicit(E)))
    if (Copy->getNumArgs() == 1)
      E = Copy->getArg(0);
  return dyn_cast_or_null<ParmVarDecl>(namedVariable(E));
}

/// The parameter whose callable \p Call calls: `f(...)`, `std::invoke(f,
/// ...)`.
static const ParmVarDecl *calledParameter(const CallExpr &Call,
                                          const NameList &Invoking) {
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call))
    return Operator->getOperator() == OO_Call
               ? namedParameter(Operator->getArg(0))
               : nullptr;
  if (const ParmVarDecl *Pointer = namedParameter(Call.getCallee()))
    return Pointer;
  if (Call.getNumArgs() > 0 && calleeIsListed(Call, Invoking))
    return namedParameter(Call.getArg(0));
  return nullptr;
}

/// True if \p Call, in \p F, calls a callable parameter whose type \p F's
/// template made (`template <class F> void run(F f) { f(); }`): what it
/// drops depends on the caller's callable, and is reported where the
/// callable is passed (checkCallableArgument).
static bool callsGenericCallable(const FunctionDecl &F, const CallExpr &Call,
                                 const NameList &Invoking) {
  const ParmVarDecl *Param = calledParameter(Call, Invoking);
  const FunctionDecl *Pattern = F.getTemplateInstantiationPattern();
  return Param && Pattern &&
         Param->getFunctionScopeIndex() < Pattern->getNumParams() &&
         Pattern->getParamDecl(Param->getFunctionScopeIndex())
             ->getType()
             ->isDependentType();
}

/// The edits that turn the discarded statement \p E (a call, or a call cast
/// to void) into `co_await` of the call. None inside macro expansions.
static llvm::SmallVector<FixItHint, 2> coAwaitFix(const Expr &E,
                                                  const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  if (beginOf(E).isMacroID() || E.getEndLoc().isMacroID())
    return {};
  llvm::SmallVector<FixItHint, 2> Fixes;
  if (const auto *Functional = dyn_cast<CXXFunctionalCastExpr>(&E)) {
    // `void(f())` -> `co_await (f())`.
    if (Functional->getLParenLoc().isInvalid())
      return {};
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Functional->getBeginLoc(),
                                       Functional->getLParenLoc()),
        "co_await ("));
    return Fixes;
  }
  if (const auto *Named = dyn_cast<CXXNamedCastExpr>(&E)) {
    // `static_cast<void>(f())` -> `co_await (f())`: the cast's parentheses
    // stay around the operand.
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Named->getBeginLoc(),
                                       Named->getAngleBrackets().getEnd()),
        "co_await "));
    return Fixes;
  }
  // `f()` -> `co_await f()`; `(void)f()` -> `co_await f()`.
  const Expr *Operand = &E;
  if (const auto *CStyle = dyn_cast<CStyleCastExpr>(&E))
    Operand = CStyle->getSubExprAsWritten();
  bool Wrap = needsParens(*Operand);
  Fixes.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getCharRange(beginOf(E), beginOf(*Operand)),
      Wrap ? "co_await (" : "co_await "));
  if (Wrap)
    Fixes.push_back(FixItHint::CreateInsertion(
        Lexer::getLocForEndOfToken(Operand->getEndLoc(), 0, SM, LO), ")"));
  return Fixes;
}

DiscardedAwaitableCheck::DiscardedAwaitableCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      AllowExplicitDiscard(Options.get("AllowExplicitDiscard", false)),
      ExpectThrow(listOption(Role::ExpectThrowMacros)),
      ResultDropping(listOption(Role::ResultDroppingFunctions)),
      Invoking(listOption(Role::InvokingFunctions)) {
  // The base reads these for every check's type model; --dump-config shows
  // them here.
  listOption(Role::AwaitableTypes);
  listOption("IgnoredAwaitableTypes", {});
}

void DiscardedAwaitableCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  CorolintCheck::storeOptions(Opts);
  Options.store(Opts, "AllowExplicitDiscard", AllowExplicitDiscard);
}


void DiscardedAwaitableCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  const Stmt *Body = userBody(*Function);
  if (!Body)
    return;
  bool InCoroutine = isCoroutine(*Function);
  Scope S{*Function, *Result.Context, InCoroutine,
          InCoroutine ? promiseOf(*Function) : nullptr};
  forEachOwnStmt(Body, [&](const Stmt &Statement) {
    for (const Expr *Discarded : discardedSubExprs(Statement))
      checkDiscarded(*Discarded, S);
    if (const auto *Declaration = dyn_cast<DeclStmt>(&Statement))
      for (const Decl *D : Declaration->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          checkUnusedLocal(*Var, S);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Statement))
      checkVoidCallableConversion(*Construct, S);
    if (isa<CallExpr, CXXConstructExpr>(Statement))
      checkCallableArgument(cast<Expr>(Statement), S);
  });
}

void DiscardedAwaitableCheck::checkDiscarded(const Expr &Statement,
                                             const Scope &S) {
  const Expr *Value = stripImplicit(&Statement);
  const auto *VoidCast = dyn_cast<ExplicitCastExpr>(Value);
  if (VoidCast && VoidCast->getType()->isVoidType()) {
    if (AllowExplicitDiscard)
      return;
    Value = stripImplicit(VoidCast->getSubExpr());
  } else {
    VoidCast = nullptr;
  }
  const auto *Call = dyn_cast<CallExpr>(Value);
  // `EXPECT_THROW(call(), E)`: the call is meant to throw before it
  // returns anything to await.
  if (!Call || !Call->isPRValue() ||
      inArgumentOf(Call->getBeginLoc(), ExpectThrow) ||
      callsGenericCallable(S.Function, *Call, Invoking))
    return;
  CoroutineTypeInfo Info = Types.classify(Call->getType(), S.Ctx);
  // (Asked last: both walk the callee's body.)
  if (!isReportable(Info) || returnsValue(*Call, Info) ||
      (Call->getDirectCallee() && completesWithinCall(*Call->getDirectCallee())))
    return;

  SourceLocation Loc = VoidCast ? VoidCast->getBeginLoc() : beginOf(*Call);
  bool Awaited = S.InCoroutine && Info.Awaitable;
  bool PromiseAccepts =
      !Awaited || Types.promiseAccepts(S.Promise, Call->getType(),
                                       Info.AwaitableByName, S.Ctx);
  const Expr &Written =
      VoidCast ? static_cast<const Expr &>(*VoidCast) : *Call;
  std::optional<llvm::StringRef> Forbidden =
      Awaited ? awaitForbiddenIn(Written, S.Ctx) : std::nullopt;
  llvm::SmallVector<FixItHint, 2> Fixes;
  if (Awaited && PromiseAccepts && !Forbidden)
    Fixes = coAwaitFix(Written, S.Ctx);

  diag(Loc, "%select{task|awaitable|coroutine object}0 returned by %1 is "
            "%select{discarded|never awaited}2"
            "%select{|; the coroutine will not run|; its result and "
            "exceptions are lost}3")
      << SourceRange(Loc, Call->getEndLoc())
      << nounFor(Info) << describeCallee(*Call) << Awaited
      << consequenceFor(Info) << Fixes;

  if (Forbidden) {
    diag(Loc, AwaitForbiddenNote, DiagnosticIDs::Note) << *Forbidden;
    return;
  }
  if (!PromiseAccepts) {
    diag(Loc, "no fix-it: the promise type %0 of this coroutine does not "
              "await %1",
         DiagnosticIDs::Note)
        << S.Promise << Call->getType()->getAsCXXRecordDecl();
    return;
  }
  if (S.InCoroutine)
    return;
  const CXXRecordDecl *Type = Call->getType()->getAsCXXRecordDecl();
  llvm::StringRef Runner = frameworkText(Type, Text::RunFromPlainCode);
  if (!Runner.empty())
    diag(Loc,
         "to run it from a function that is not a coroutine, pass it to '%0'",
         DiagnosticIDs::Note)
        << Runner;
}

void DiscardedAwaitableCheck::checkUnusedLocal(const VarDecl &Var,
                                               const Scope &S) {
  if (!Var.hasLocalStorage() || isa<ParmVarDecl>(Var) || Var.isReferenced() ||
      Var.getType()->isReferenceType() || !Var.getIdentifier())
    return;
  if (AllowExplicitDiscard && Var.hasAttr<UnusedAttr>())
    return;
  // A default-constructed event or awaiter object is a tool, not dropped
  // work; only results of calls are.
  const Expr *Init = Var.getInit() ? stripImplicit(Var.getInit()) : nullptr;
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Init))
    if (Construct->getNumArgs() == 1)
      Init = stripImplicit(Construct->getArg(0));
  // A fresh task from a call (a prvalue); `auto t = std::move(task);` takes
  // over an existing one (to destroy it now), it creates nothing.
  const auto *Call = dyn_cast_or_null<CallExpr>(Init);
  if (!Call || !Call->isPRValue())
    return;
  CoroutineTypeInfo Info = Types.classify(Var.getType(), S.Ctx);
  if (!isReportable(Info))
    return;
  diag(Var.getLocation(), "%select{task|awaitable|coroutine object}0 %1 is "
                          "never used%select{|; the coroutine will "
                          "not run|; its result and exceptions are lost}2")
      << nounFor(Info) << &Var << consequenceFor(Info);
}

} // namespace corolint

namespace corolint {

/// True if \p T wraps a callable behind the signature of its first
/// template argument, a function type returning void
/// (`std::function<void(int)>`, `function_ref<void()>`): what the callable
/// returns is dropped.
static bool wrapsVoidCallable(QualType T) {
  const auto *Wrapper = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Wrapper || Wrapper->getTemplateArgs().size() == 0)
    return false;
  const TemplateArgument &Signature = Wrapper->getTemplateArgs()[0];
  if (Signature.getKind() != TemplateArgument::Type)
    return false;
  const auto *Function = Signature.getAsType()->getAs<FunctionProtoType>();
  return Function && Function->getReturnType()->isVoidType();
}

/// The function that a call of \p Callable (a lambda, a function or a
/// pointer to one) runs, if it is one function known here.
static const FunctionDecl *calledFunction(const Expr &Callable) {
  const Expr *E = stripImplicit(&Callable);
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_AddrOf)
    E = stripImplicit(Unary->getSubExpr());
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
    return Lambda->getCallOperator();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<FunctionDecl>(Ref->getDecl());
  return nullptr;
}

/// What \p Called returns, if it is work a caller must await: none for
/// types not known yet, and for tasks that complete within the call.
static std::optional<CoroutineTypeInfo>
workReturnedBy(const FunctionDecl &Called, CoroutineTypes &Types,
               const ASTContext &Ctx) {
  QualType Returned = Called.getReturnType();
  if (Returned->isDependentType() || Returned->isUndeducedType())
    return std::nullopt;
  CoroutineTypeInfo Info = Types.classify(Returned, Ctx);
  // A function whose task completes within the call returns a value.
  if (!isReportable(Info) || completesWithinCall(Called) ||
      (isOrdinaryFunction(Called) && Info.Promise &&
       promiseNeverSuspends(*Info.Promise)))
    return std::nullopt;
  return Info;
}

/// A callee as messages name it: `'std::thread'` for a constructor, the
/// qualified name without template arguments for the rest.
static std::string nameOf(const FunctionDecl &Callee) {
  if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(&Callee))
    return "'" + Constructor->getParent()->getQualifiedNameAsString() + "'";
  return "'" + Callee.getQualifiedNameAsString() + "'";
}

static std::string describeCallable(const FunctionDecl &Called) {
  return isLambdaCallOperator(&Called) ? std::string("the lambda")
                                       : "'" + Called.getNameAsString() + "'";
}

void DiscardedAwaitableCheck::checkVoidCallableConversion(
    const CXXConstructExpr &Construct, const Scope &S) {
  if (Construct.getNumArgs() == 0 || !wrapsVoidCallable(Construct.getType()))
    return;
  const Expr &Arg = *Construct.getArg(0);
  const FunctionDecl *Called = calledFunction(Arg);
  if (!Called)
    return;
  std::optional<CoroutineTypeInfo> Info = workReturnedBy(*Called, Types, S.Ctx);
  if (!Info)
    return;
  SourceLocation Loc = stripImplicit(&Arg)->getBeginLoc();
  diag(Loc, "%select{task|awaitable|coroutine object}0 returned by %1 is "
            "discarded: %2 calls it as a function returning void"
            "%select{|; the coroutine will not run|; its result and "
            "exceptions are lost}3")
      << nounFor(*Info) << describeCallable(*Called)
      << Construct.getType().getCanonicalType().getUnqualifiedType()
      << consequenceFor(*Info) << Arg.getSourceRange();
  diag(Loc,
       "let the wrapper's signature return the task and await it, or start "
       "the task inside the callable",
       DiagnosticIDs::Note);
}

std::optional<DiscardedAwaitableCheck::DropSite>
DiscardedAwaitableCheck::resultDroppedBy(const FunctionDecl &Callee,
                                         const ParmVarDecl *Param,
                                         unsigned Depth) const {
  if (ResultDropping.matches(Callee))
    return DropSite{{}, &Callee};
  const FunctionDecl *Definition = definitionToRead(Callee);
  // Deep enough for a wrapper around a wrapper; no further.
  if (!Definition || !Param || Depth > 3 ||
      Param->getFunctionScopeIndex() >= Definition->getNumParams())
    return std::nullopt;
  const ParmVarDecl *Own =
      Definition->getParamDecl(Param->getFunctionScopeIndex());
  std::optional<DropSite> Dropped;
  forEachOwnStmt(Definition->getBody(), [&](const Stmt &Statement) {
    if (Dropped)
      return;
    for (const Expr *Discarded : discardedSubExprs(Statement)) {
      // `(void)f();` too: the cast says the callee ignores whatever its
      // callables return, and a task is then never awaited.
      const Expr *Value = stripImplicit(Discarded);
      if (const auto *Void = dyn_cast<ExplicitCastExpr>(Value);
          Void && Void->getType()->isVoidType())
        Value = stripImplicit(Void->getSubExpr());
      if (const auto *Call = dyn_cast<CallExpr>(Value);
          Call && calledParameter(*Call, Invoking) == Own)
        Dropped = DropSite{beginOf(*Call), nullptr};
    }
    // Passed on: what the next function does with it.
    if (Dropped || !isa<CallExpr, CXXConstructExpr>(Statement))
      return;
    const auto &Passing = cast<Expr>(Statement);
    for (auto [Next, Arg] : argumentsByParameter(Passing)) {
      const auto *NextCallee =
          Next ? dyn_cast<FunctionDecl>(Next->getParentFunctionOrMethod())
               : nullptr;
      if (!NextCallee || namedParameter(Arg) != Own)
        continue;
      Dropped = resultDroppedBy(*NextCallee, Next, Depth + 1);
      if (Dropped && Dropped->Where.isInvalid())
        Dropped->Where = beginOf(Passing);
      if (Dropped)
        return;
    }
  });
  return Dropped;
}

void DiscardedAwaitableCheck::checkCallableArgument(const Expr &CallOrConstruct,
                                                    const Scope &S) {
  const FunctionDecl *Callee = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(&CallOrConstruct))
    Callee = Call->getDirectCallee();
  else
    Callee = cast<CXXConstructExpr>(CallOrConstruct).getConstructor();
  if (!Callee)
    return;
  // The first callable argument: the ones after it are its arguments
  // (std::thread's, std::invoke's).
  for (auto [Param, Arg] : argumentsByParameter(CallOrConstruct)) {
    const FunctionDecl *Called = calledFunction(*Arg);
    if (!Called)
      continue;
    std::optional<CoroutineTypeInfo> Info =
        workReturnedBy(*Called, Types, S.Ctx);
    std::optional<DropSite> Dropped =
        Info ? resultDroppedBy(*Callee, Param, 0) : std::nullopt;
    if (!Dropped)
      return;
    SourceLocation Loc = stripImplicit(Arg)->getBeginLoc();
    diag(Loc, "%select{task|awaitable|coroutine object}0 returned by %1 is "
              "discarded: %2 calls it and drops what it returns"
              "%select{|; the coroutine will not run|; its result and "
              "exceptions are lost}3")
        << nounFor(*Info) << describeCallable(*Called) << nameOf(*Callee)
        << consequenceFor(*Info) << Arg->getSourceRange();
    if (Dropped->Where.isValid() && Dropped->By)
      diag(Dropped->Where, "passed on to %0, which drops what it returns",
           DiagnosticIDs::Note)
          << nameOf(*Dropped->By);
    else if (Dropped->Where.isValid())
      diag(Dropped->Where, "the result is dropped here", DiagnosticIDs::Note);
    diag(Loc,
         "start the task inside the callable, or hand the callable to a "
         "function that awaits or spawns what it returns",
         DiagnosticIDs::Note);
    return;
  }
}

} // namespace corolint
