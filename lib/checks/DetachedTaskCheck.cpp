//===--- DetachedTaskCheck.cpp - coro-detached-task ------------------------===//

#include "checks/DetachedTaskCheck.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

// Rethrowing in the completion handler makes the error leave the event
// loop's run(), where the program sees it.
static constexpr llvm::StringLiteral DefaultHandler =
    "[](std::exception_ptr e) { if (e) std::rethrow_exception(e); }";
static constexpr llvm::StringLiteral DefaultValueHandler =
    "[](std::exception_ptr e, auto &&) { if (e) std::rethrow_exception(e); }";

DetachedTaskCheck::DetachedTaskCheck(llvm::StringRef Name,
                                     clang::tidy::ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      SpawnFunctions(listOption(Role::SpawnFunctions)),
      DetachedTokenTypes(listOption(Role::DetachedTokenTypes)),
      DetachingFunctions(listOption(Role::DetachingFunctions)),
      DetachedThreadFunctions(listOption(Role::DetachedThreadFunctions)),
      EagerStartFunctions(listOption(Role::EagerStartFunctions)),
      BlockingFutureFunctions(listOption(Role::BlockingFutureFunctions)),
      ErrorCodeTokens(listOption(Role::ErrorCodeTokens)),
      ExecutorTypes(listOption(Role::ExecutorTypes)),
      Handler(textOption("Handler", DefaultHandler)),
      ValueHandler(textOption("ValueHandler", DefaultValueHandler)),
      Spawn(SpawnFunctions), DetachedTokens(DetachedTokenTypes),
      Detaching(DetachingFunctions), DetachedThreads(DetachedThreadFunctions),
      EagerStarts(EagerStartFunctions),
      BlockingFutures(BlockingFutureFunctions),
      Flow(NameList(ErrorCodeTokens), NameList(ExecutorTypes)) {}

void DetachedTaskCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  // A detaching function's overload that forwards to another one (Seastar's
  // `run_in_background(Func&&)`) is the framework's code, not a caller's.
  bool InDetaching = Detaching.matches(*Function);
  llvm::SmallPtrSet<const Expr *, 8> Statements;
  forEachOwnStmt(userBody(*Function), [&](const Stmt &S) {
    for (const Expr *E : discardedSubExprs(S))
      Statements.insert(stripImplicit(E));
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call)
      return;
    SourceLocation Loc = beginOf(*Call);
    WorstCaseReads Reads;
    if (calleeIsListed(*Call, Spawn)) {
      checkSpawn(*Call, *Result.Context);
    } else if (calleeIsListed(*Call, DetachedThreads)) {
      diag(Loc, "thread is detached: nobody can join it or know when it "
                "ends, and it may outlive what it uses");
    } else if (calleeIsListed(*Call, Detaching) && !InDetaching &&
               !detachesOnlyNothrow(*Call)) {
      Reads.reported();
      diag(Loc, "work started with %0 is detached: nobody can wait for it "
                "or handle its errors")
          << quotedCalleeName(*Call);
    } else if (Statements.contains(Call) && !Call->getType()->isVoidType() &&
               calleeIsListed(*Call, EagerStarts) && startedWorkMayThrow(*Call)) {
      Reads.reported();
      // (An overload returning nothing takes a callback for the result.)
      diag(Loc, "result of %0 is discarded: the started work is detached and "
                "its errors are lost")
          << quotedCalleeName(*Call);
    } else if (Statements.contains(Call) &&
               calleeIsListed(*Call, BlockingFutures)) {
      diag(Loc, "the future returned by %0 is discarded: its destructor waits "
                "for the task, which does not run in the background")
          << quotedCalleeName(*Call);
    }
  });
}

/// The function a plain forwarder `{ return f(...); }` returns the call
/// of (Asio's `[self = shared_from_this()] { return self->reader(); }`).
static const FunctionDecl *forwardedTo(const FunctionDecl &FD) {
  const FunctionDecl *Definition = nullptr;
  if (!readableBody(FD, Definition) || isCoroutine(*Definition))
    return nullptr;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Definition->getBody());
  const auto *Return = Body && Body->size() == 1
                           ? dyn_cast<ReturnStmt>(Body->body_front())
                           : nullptr;
  const auto *Call = Return ? dyn_cast_or_null<CallExpr>(
                                  stripImplicit(Return->getRetValue()))
                            : nullptr;
  return Call ? Call->getDirectCallee() : nullptr;
}

/// The coroutine function that spawn argument \p Spawned runs, if known: a
/// call to a coroutine, a lambda, or a lambda invoked on the spot, looking
/// through one forwarding function.
static const FunctionDecl *spawnedFunction(const Expr &Spawned) {
  const Expr *E = stripImplicit(&Spawned);
  const FunctionDecl *Function = nullptr;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
    Function = Lambda->getCallOperator();
  else if (const auto *Call = dyn_cast<CallExpr>(E))
    Function = Call->getDirectCallee();
  if (const FunctionDecl *Target = Function ? forwardedTo(*Function) : nullptr)
    return Target;
  return Function;
}

bool DetachedTaskCheck::detachesOnlyNothrow(const CallExpr &Call) const {
  // `task().via(executor).detach()`: the work is the object detached.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
      Member && Call.getNumArgs() == 0)
    return !Flow.workMayThrow(*Member->getImplicitObjectArgument());
  bool Coroutines = false;
  for (const Expr *Argument : Call.arguments()) {
    const FunctionDecl *Function = spawnedFunction(*Argument);
    const FunctionDecl *Definition = nullptr;
    if (!Function || !Function->hasBody(Definition) || !isCoroutine(*Definition))
      continue;
    if (Flow.mayEscape(*Definition))
      return false;
    Coroutines = true;
  }
  return Coroutines;
}

bool DetachedTaskCheck::startedWorkMayThrow(const CallExpr &Start) const {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Start);
  return !Member || Flow.workMayThrow(*Member->getImplicitObjectArgument());
}

/// The value type T of the spawned awaitable<T>, if known.
static std::optional<QualType> spawnedValueType(const Expr &Spawned,
                                                const FunctionDecl *Function) {
  QualType Awaitable = stripImplicit(&Spawned)->getType();
  if (isa<LambdaExpr>(stripImplicit(&Spawned)) && Function)
    Awaitable = Function->getReturnType();
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Awaitable->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return std::nullopt;
  return Spec->getTemplateArgs()[0].getAsType();
}

/// True if \p Token is a parameter of a template instantiation whose type
/// the template's caller chose (`std::forward<CompletionToken>(token)` in a
/// framework's forwarding overload): the caller's token, judged where the
/// caller passes it.
static bool isCallersToken(const Expr &Token) {
  const auto *Param = dyn_cast_or_null<ParmVarDecl>(namedVariable(&Token));
  const auto *Function =
      Param ? dyn_cast<FunctionDecl>(Param->getDeclContext()) : nullptr;
  const FunctionDecl *Pattern =
      Function ? Function->getTemplateInstantiationPattern() : nullptr;
  unsigned Index = Param ? Param->getFunctionScopeIndex() : 0;
  return Pattern && Index < Pattern->getNumParams() &&
         Pattern->getParamDecl(Index)->getType()->isDependentType();
}

void DetachedTaskCheck::checkSpawn(const CallExpr &Call,
                                   const ASTContext &Ctx) {
  // The token is the last argument written: Asio adds defaulted
  // constraint parameters after it.
  unsigned N = writtenArgumentCount(Call);
  if (N < 3)
    return;
  const Expr *Token = Call.getArg(N - 1);
  const CXXRecordDecl *TokenType =
      stripImplicit(Token)->getType()->getAsCXXRecordDecl();
  if (!TokenType || !DetachedTokens.matches(*TokenType) ||
      isCallersToken(*Token))
    return;
  const Expr &Spawned = *Call.getArg(1);
  const FunctionDecl *Function = spawnedFunction(Spawned);
  WorstCaseReads Reads;
  if (Function && !Flow.mayEscape(*Function))
    return;
  Reads.reported();

  llvm::SmallVector<FixItHint, 1> Fixes;
  std::optional<QualType> Value = spawnedValueType(Spawned, Function);
  SourceRange TokenRange = Token->getSourceRange();
  if (Value && !TokenRange.getBegin().isMacroID() && !TokenRange.getEnd().isMacroID())
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(TokenRange),
        (*Value)->isVoidType() ? Handler : ValueHandler));

  std::string Name;
  if (Function && Function->getIdentifier() && !isLambdaCallOperator(Function))
    Name = " '" + Function->getNameAsString() + "'";
  diag(beginOf(Call),
       "exceptions thrown by the spawned coroutine%0 are silently discarded")
      << Name << Fixes;
  llvm::StringRef Spelling = Lexer::getSourceText(
      CharSourceRange::getTokenRange(TokenRange), Ctx.getSourceManager(),
      Ctx.getLangOpts());
  diag(Token->getBeginLoc(), "the completion token '%0' drops them",
       DiagnosticIDs::Note)
      << (Spelling.empty() ? llvm::StringRef(TokenType->getName()) : Spelling);
  const FunctionDecl *Definition = nullptr;
  if (Function && !readableBody(*Function, Definition))
    diag(Function->getLocation(),
         "the body of %0 is not in this translation unit, so corolint cannot "
         "see whether it catches every exception",
         DiagnosticIDs::Note)
        << Function;
}

} // namespace corolint
