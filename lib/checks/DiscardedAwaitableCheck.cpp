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
      ExpectThrow(listOption(Role::ExpectThrowMacros)) {
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
  Scope S{*Result.Context, InCoroutine,
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
      inArgumentOf(Call->getBeginLoc(), ExpectThrow))
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

void DiscardedAwaitableCheck::checkVoidCallableConversion(
    const CXXConstructExpr &Construct, const Scope &S) {
  if (Construct.getNumArgs() == 0 || !wrapsVoidCallable(Construct.getType()))
    return;
  const Expr &Arg = *Construct.getArg(0);
  const FunctionDecl *Called = calledFunction(Arg);
  if (!Called)
    return;
  QualType Returned = Called->getReturnType();
  if (Returned->isDependentType() || Returned->isUndeducedType())
    return;
  CoroutineTypeInfo Info = Types.classify(Returned, S.Ctx);
  // A function whose task completes within the call returns a value.
  if (!isReportable(Info) || completesWithinCall(*Called) ||
      (isOrdinaryFunction(*Called) && Info.Promise &&
       promiseNeverSuspends(*Info.Promise)))
    return;
  SourceLocation Loc = stripImplicit(&Arg)->getBeginLoc();
  diag(Loc, "%select{task|awaitable|coroutine object}0 returned by %1 is "
            "discarded: %2 calls it as a function returning void"
            "%select{|; the coroutine will not run|; its result and "
            "exceptions are lost}3")
      << nounFor(Info)
      << (isLambdaCallOperator(Called) ? std::string("the lambda")
                                       : "'" + Called->getNameAsString() + "'")
      << Construct.getType().getCanonicalType().getUnqualifiedType()
      << consequenceFor(Info)
      << Arg.getSourceRange();
  diag(Loc,
       "let the wrapper's signature return the task and await it, or start "
       "the task inside the callable",
       DiagnosticIDs::Note);
}

} // namespace corolint
