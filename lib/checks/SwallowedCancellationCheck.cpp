//===--- SwallowedCancellationCheck.cpp - coro-swallowed-cancellation ------===//

#include "checks/SwallowedCancellationCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

// Cancellation reaches a coroutine as an exception of (or derived from)
// these, or as an error code.
// Mentioning one of these is testing for cancellation, or (for
// std::current_exception) capturing the exception to pass it on.

SwallowedCancellationCheck::SwallowedCancellationCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : CorolintCheck(Name, Context), CatchTypes(listOption(Role::CatchTypes)),
      CancellationExceptionTypes(listOption(Role::CancellationExceptionTypes)),
      CancellationChecks(listOption(Role::CancellationChecks)),
      ErrorCodeTokens(listOption(Role::ErrorCodeTokens)),
      FatalTestMacros(listOption(Role::FatalTestMacros)), Catches(CatchTypes),
      CancellationExceptions(CancellationExceptionTypes),
      Checks(CancellationChecks), ErrorTokens(ErrorCodeTokens),
      FatalTests(FatalTestMacros) {}

bool SwallowedCancellationCheck::mentionsCancellation(const Stmt *S) const {
  bool Found = false;
  forEachOwnStmt(S, [&](const Stmt &Node) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&Node))
      Found = Found || Checks.matches(*Ref->getDecl());
    else if (const auto *Member = dyn_cast<MemberExpr>(&Node))
      Found = Found || Checks.matches(*Member->getMemberDecl());
    else if (const auto *Call = dyn_cast<CallExpr>(&Node))
      Found = Found || calleeIsListed(*Call, Checks);
  });
  return Found;
}

/// True if handler \p Block passes the exception on as a value: it takes
/// it (a `std::exception_ptr` from any function, wrapped or not) somewhere
/// that outlives the handler, not only into a variable of its own.
static bool passesExceptionOn(const Stmt *Block) {
  llvm::SmallPtrSet<const Stmt *, 8> OwnInitializers;
  forEachOwnStmt(Block, [&](const Stmt &Node) {
    if (const auto *Declaration = dyn_cast<DeclStmt>(&Node))
      for (const Decl *D : Declaration->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D); Var && Var->getInit())
          forEachOwnStmt(Var->getInit(),
                         [&](const Stmt &Inner) { OwnInitializers.insert(&Inner); });
  });
  bool Passes = false;
  forEachOwnStmt(Block, [&](const Stmt &Node) {
    const auto *E = dyn_cast<Expr>(&Node);
    Passes = Passes || (E && isa<CallExpr>(E) && !OwnInitializers.contains(E) &&
                        yieldsExceptionPtr(E));
  });
  return Passes;
}

/// True if \p S leaves the coroutine or the loop: throw (or rethrow),
/// return, co_return, break, or a call of a function that never returns
/// (`[[noreturn]]`: std::abort, std::rethrow_exception, a test framework's
/// fatal failure), also where a macro wrote them; or a test framework's
/// fatal failure whose code does not show it (FatalTestMacros).
bool SwallowedCancellationCheck::leaves(const Stmt *S) const {
  bool Found = false;
  forEachOwnStmt(S, [&](const Stmt &Node) {
    if (Found)
      return;
    if (isa<CXXThrowExpr, ReturnStmt, CoreturnStmt, BreakStmt>(Node) ||
        inExpansionOf(Node.getBeginLoc(), FatalTests)) {
      Found = true;
    } else if (const auto *Call = dyn_cast<CallExpr>(&Node)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      Found = Callee && Callee->isNoReturn();
    }
  });
  return Found;
}

void SwallowedCancellationCheck::checkTry(const CXXTryStmt &Try,
                                          bool KeepsRunning) {
  const Stmt *Suspension = firstSuspensionIn(Try.getTryBlock());
  if (!Suspension || !KeepsRunning)
    return;
  for (unsigned I = 0; I < Try.getNumHandlers(); ++I) {
    const CXXCatchStmt &Handler = *Try.getHandler(I);
    QualType Caught = Handler.getCaughtType();
    const CXXRecordDecl *Class = caughtClass(Handler);
    // An earlier handler for the cancellation exception itself sees it.
    if (Class && CancellationExceptions.matches(*Class))
      return;
    if (!Caught.isNull() && !(Class && Catches.matches(*Class)))
      continue;
    // Handlers written by macros (a test framework's CHECK_THROWS) are not
    // the program's error handling.
    if (Handler.getCatchLoc().isMacroID() || leaves(Handler.getHandlerBlock()) ||
        mentionsCancellation(Handler.getHandlerBlock()) ||
        passesExceptionOn(Handler.getHandlerBlock()))
      continue;
    std::string What =
        Caught.isNull()
            ? std::string("(...)")
            : "of '" +
                  Caught.getNonReferenceType().getUnqualifiedType().getAsString(
                      Handler.getExceptionDecl()->getASTContext().getPrintingPolicy()) +
                  "'";
    diag(Handler.getCatchLoc(), "catch %0 swallows cancellation: the "
                                "coroutine keeps running after it was asked "
                                "to stop")
        << What;
    diag(Suspension->getBeginLoc(), "cancellation is delivered here",
         DiagnosticIDs::Note);
    return;
  }
}

/// The error code a suspension's operation reports through
/// `redirect_error(token, ec)` or `auto [ec, ...] = co_await ...as_tuple`.
const ValueDecl *
SwallowedCancellationCheck::errorCodeOf(const Stmt &Statement,
                                        const Stmt &Suspension) const {
  const ValueDecl *Code = nullptr;
  bool AsTuple = false;
  forEachOwnStmt(&Suspension, [&](const Stmt &Node) {
    const auto *Call = dyn_cast<CallExpr>(&Node);
    if (!Call || !calleeIsListed(*Call, ErrorTokens))
      return;
    if (Call->getNumArgs() >= 2)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Call->getArg(1)->IgnoreParenImpCasts()))
        Code = Ref->getDecl();
    AsTuple = AsTuple || Call->getNumArgs() == 1;
  });
  if (Code || !AsTuple)
    return Code;
  if (const auto *Declaration = dyn_cast<DeclStmt>(&Statement))
    if (const auto *Bindings =
            dyn_cast_or_null<DecompositionDecl>(Declaration->getSingleDecl()))
      if (!Bindings->bindings().empty())
        return Bindings->bindings().front();
  return nullptr;
}

void SwallowedCancellationCheck::checkLoopBody(const Stmt &Body) {
  if (mentionsCancellation(&Body))
    return;
  const auto *Block = dyn_cast<CompoundStmt>(&Body);
  if (!Block)
    return;
  for (const Stmt *Statement : Block->body()) {
    const Stmt *Suspension = firstSuspensionIn(Statement);
    if (!Suspension || isa<CXXTryStmt>(Statement))
      continue;
    const ValueDecl *Code = errorCodeOf(*Statement, *Suspension);
    if (!Code)
      continue;
    // The code is tested, but no test of it leads out of the loop.
    bool Tested = false, Handled = false;
    forEachOwnStmt(&Body, [&](const Stmt &Node) {
      const auto *If = dyn_cast<IfStmt>(&Node);
      if (!If)
        return;
      bool TestsCode = false;
      forEachOwnStmt(If->getCond(), [&](const Stmt &Inner) {
        if (const auto *Ref = dyn_cast<DeclRefExpr>(&Inner))
          TestsCode = TestsCode || Ref->getDecl() == Code;
      });
      if (!TestsCode)
        return;
      Tested = true;
      Handled = Handled || leaves(If->getThen()) || leaves(If->getElse());
    });
    if (!Tested || Handled)
      continue;
    diag(Suspension->getBeginLoc(),
         "error code %0 is tested for success only: on cancellation "
         "(operation_aborted) the loop keeps running after it was asked to "
         "stop")
        << Code;
  }
}

/// Work started already: an awaitable that is not a lazy task (a thread,
/// an eager promise, a future), or a container of them
/// (`std::vector<cobalt::thread>`). Awaiting a lazy task starts it.
bool SwallowedCancellationCheck::holdsWork(const ValueDecl &Var,
                                           const ASTContext &Ctx) {
  auto Started = [&](QualType Type) {
    CoroutineTypeInfo Info = Types.classify(Type, Ctx);
    return Info.Awaitable &&
           !(Info.CoroutineReturn && Info.Start == CoroutineStart::Lazy);
  };
  QualType Type = Var.getType().getNonReferenceType();
  if (Type->isDependentType())
    return false;
  if (Started(Type))
    return true;
  const auto *Container = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Type->getAsCXXRecordDecl());
  return Container && Container->getTemplateArgs().size() > 0 &&
         Container->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
         Started(Container->getTemplateArgs()[0].getAsType());
}

bool SwallowedCancellationCheck::goesOnAfter(const Stmt *S,
                                             const ASTContext &Ctx) {
  bool GoesOn = false;
  forEachOwnStmt(S, [&](const Stmt &Node) {
    if (GoesOn || !isa<CoroutineSuspendExpr, DependentCoawaitExpr>(Node))
      return;
    const auto *Await = dyn_cast<CoawaitExpr>(&Node);
    const Expr *Operand = Await ? stripImplicit(Await->getOperand()) : nullptr;
    const auto *Join = dyn_cast_or_null<CallExpr>(Operand);
    auto Held = [&](const Expr *E) {
      const ValueDecl *Var = namedVariable(E);
      return Var && holdsWork(*Var, Ctx);
    };
    bool WaitsForHeldWork =
        Operand &&
        (Held(Operand) ||
         (Join && !isa<CXXMemberCallExpr>(Join) && Join->getNumArgs() > 0 &&
          llvm::all_of(Join->arguments(), Held)));
    GoesOn = !WaitsForHeldWork;
  });
  return GoesOn;
}

void SwallowedCancellationCheck::walk(const Stmt *S, bool InLoop,
                                      bool SuspensionAfter,
                                      const ASTContext &Ctx) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return;
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    checkTry(*Try, InLoop || SuspensionAfter);
  } else if (const Stmt *Body = loopBody(*S)) {
    checkLoopBody(*Body);
    for (const Stmt *Child : S->children())
      walk(Child, /*InLoop=*/true, SuspensionAfter, Ctx);
    return;
  }
  if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
    // Whether a statement is followed, in this block or after it, by
    // another suspension.
    llvm::SmallVector<bool, 16> After(Block->size() + 1, SuspensionAfter);
    for (size_t I = Block->size(); I-- > 0;)
      After[I] = After[I + 1] || goesOnAfter(Block->body_begin()[I], Ctx);
    for (size_t I = 0; I < Block->size(); ++I)
      walk(Block->body_begin()[I], InLoop, After[I + 1], Ctx);
    return;
  }
  for (const Stmt *Child : S->children())
    walk(Child, InLoop, SuspensionAfter, Ctx);
}

void SwallowedCancellationCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (isCoroutine(*Function))
    walk(userBody(*Function), false, false, *Result.Context);
}

} // namespace corolint
