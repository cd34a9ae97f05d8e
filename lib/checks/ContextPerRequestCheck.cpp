//===--- ContextPerRequestCheck.cpp - coro-context-per-request ------------===//

#include "checks/ContextPerRequestCheck.h"
#include "model/CoroutineInfo.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

// "Per request" is structural: inside a loop of the coroutine, or anywhere
// in a coroutine that some loop of the translation unit calls (or, for a
// coroutine lambda, writes) on every iteration, such as an accept loop that
// spawns a session per connection. A coroutine started once (co_main, a
// run() called outside any loop) makes its objects once.

ContextPerRequestCheck::ContextPerRequestCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      ExpensiveContextTypes(listOption(Role::ExpensiveContextTypes)),
      ExpensiveContextFunctions(listOption(Role::ExpensiveContextFunctions)),
      ConnectFunctions(listOption(Role::ConnectFunctions)),
      ContextTypes(ExpensiveContextTypes),
      ContextFunctions(ExpensiveContextFunctions), Connects(ConnectFunctions) {}

void ContextPerRequestCheck::onStartOfTranslationUnit() {
  CorolintCheck::onStartOfTranslationUnit();
  StartedInLoop.clear();
  Candidates.clear();
}

/// The declaration calls and definitions of one function share: a
/// template instantiation's pattern, canonical.
static const FunctionDecl *key(const FunctionDecl &F) {
  const FunctionDecl *Pattern = F.getTemplateInstantiationPattern();
  return (Pattern ? Pattern : &F)->getCanonicalDecl();
}

static bool isLoop(const Stmt &S) {
  return isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt>(S);
}

std::string ContextPerRequestCheck::expensiveObject(const Stmt &S) const {
  auto Listed = [&](QualType T) -> std::string {
    const CXXRecordDecl *Class = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
    return Class && ContextTypes.matches(*Class)
               ? "'" + Class->getQualifiedNameAsString() + "'"
               : std::string();
  };
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
    // A copy or a move hands an existing object on.
    if (Construct->getConstructor()->isCopyOrMoveConstructor())
      return {};
    return Listed(Construct->getType());
  }
  if (const auto *New = dyn_cast<CXXNewExpr>(&S))
    return Listed(New->getAllocatedType());
  const auto *Call = dyn_cast<CallExpr>(&S);
  if (!Call)
    return {};
  if (calleeIsListed(*Call, ContextFunctions))
    return quotedCalleeName(*Call);
  // std::make_shared<asio::ssl::context>(...) and the like: a factory
  // given the type explicitly as its first template argument that returns
  // one (by value, pointer or smart pointer). A deduced argument
  // (`asio::post(ctx, token)`) only says what the call was given.
  const auto *Ref = dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreImpCasts());
  if (!Ref || Ref->getNumTemplateArgs() == 0 ||
      Ref->template_arguments()[0].getArgument().getKind() !=
          TemplateArgument::Type)
    return {};
  QualType Made = Ref->template_arguments()[0].getArgument().getAsType();
  QualType Returned = Call->getType().getNonReferenceType();
  if (Returned->isPointerType())
    Returned = Returned->getPointeeType();
  else if (const auto *Pointer =
               dyn_cast_or_null<ClassTemplateSpecializationDecl>(
                   Returned->getAsCXXRecordDecl());
           Pointer && Pointer->getTemplateArgs().size() > 0 &&
           Pointer->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
    Returned = Pointer->getTemplateArgs()[0].getAsType();
  if (Made.getCanonicalType().getUnqualifiedType() !=
      Returned.getCanonicalType().getUnqualifiedType())
    return {};
  return Listed(Made);
}

void ContextPerRequestCheck::report(const Stmt &Made, llvm::StringRef What,
                                    const Stmt &Loop,
                                    const FunctionDecl *StartedHere) {
  SourceLocation Where =
      isa<Expr>(Made) ? beginOf(cast<Expr>(Made)) : Made.getBeginLoc();
  diag(Where, "%0 is made anew for every request; make it once and reuse it")
      << What;
  if (StartedHere)
    diag(Loop.getBeginLoc(), "%0 is started on every iteration of this loop",
         DiagnosticIDs::Note)
        << describeCoroutine(*StartedHere);
  else
    diag(Loop.getBeginLoc(), "made on every iteration of this loop",
         DiagnosticIDs::Note);
}

/// The variable a connect call connects: the object of a member call, the
/// first argument of a free function, through accessors such as
/// `stream.lowest_layer()` or `beast::get_lowest_layer(stream)`.
static const VarDecl *connectedVariable(const Expr *E) {
  while (E) {
    E = stripImplicit(E);
    if (const auto *Var = dyn_cast_or_null<VarDecl>(namedVariable(E)))
      return Var;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
      E = Member->getImplicitObjectArgument();
    else if (const auto *Call = dyn_cast<CallExpr>(E);
             Call && Call->getNumArgs() == 1)
      E = Call->getArg(0);
    else if (const auto *Field = dyn_cast<MemberExpr>(E))
      E = Field->getBase();
    else
      return nullptr;
  }
  return nullptr;
}

/// True if \p Body can leave its loop: a break (outside nested loops and
/// switches), a return, co_return or goto. A loop that may end after
/// connecting retries a connection; it does not make one per request.
static bool canLeave(const Stmt *S, bool BreakLeaves = true) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return false;
  if (isa<ReturnStmt, CoreturnStmt, GotoStmt>(S))
    return true;
  if (isa<BreakStmt>(S))
    return BreakLeaves;
  bool Inner = isLoop(*S) || isa<SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (canLeave(Child, BreakLeaves && !Inner))
      return true;
  return false;
}

void ContextPerRequestCheck::checkConnections(const Stmt &Loop,
                                              const Stmt *Body,
                                              const ASTContext &Ctx) {
  if (!Body || canLeave(Body))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  auto Within = [&](const Decl &D, const Stmt &S) {
    SourceRange Range = S.getSourceRange();
    SourceLocation L = D.getLocation();
    return !SM.isBeforeInTranslationUnit(L, Range.getBegin()) &&
           !SM.isBeforeInTranslationUnit(Range.getEnd(), L);
  };
  forEachOwnStmt(Body, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call || !calleeIsListed(*Call, Connects))
      return;
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    unsigned EndpointIndex = Member ? 0 : 1;
    if (Call->getNumArgs() <= EndpointIndex)
      return;
    const VarDecl *Connection = connectedVariable(
        Member ? Member->getImplicitObjectArgument() : Call->getArg(0));
    if (!Connection || !Connection->hasLocalStorage() ||
        !Within(*Connection, *Body))
      return;
    const Expr *EndpointArg = Call->getArg(EndpointIndex);
    const ValueDecl *Endpoint = namedVariable(EndpointArg);
    const auto *EndpointVar = dyn_cast_or_null<VarDecl>(Endpoint);
    bool Outside =
        Endpoint && (isa<FieldDecl>(Endpoint) ||
                     (EndpointVar && EndpointVar->hasLocalStorage() &&
                      !Within(*EndpointVar, Loop)));
    if (!Outside)
      return;
    diag(Connection->getLocation(),
         "%0 connects to the same endpoint for every request; keep the "
         "connection open and reuse it")
        << Connection;
    diag(beginOf(*EndpointArg),
         "connected here to %0, which is the same on "
         "every iteration",
         DiagnosticIDs::Note)
        << Endpoint;
    diag(Loop.getBeginLoc(), "made on every iteration of this loop",
         DiagnosticIDs::Note);
  });
}

void ContextPerRequestCheck::walk(const Stmt *S, const Stmt *Loop,
                                  const FunctionDecl &Function,
                                  bool InCoroutine) {
  if (!S || isa<BlockExpr>(S))
    return;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    // A coroutine lambda written in a loop is a new coroutine each round.
    if (const CXXMethodDecl *Operator = Lambda->getCallOperator();
        Loop && Operator && isCoroutine(*Operator))
      StartedInLoop.try_emplace(key(*Operator), Loop);
    return;
  }
  if (const auto *Declaration = dyn_cast<DeclStmt>(S)) {
    // A static local is made once.
    for (const Decl *D : Declaration->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D); Var && Var->hasLocalStorage())
        walk(Var->getInit(), Loop, Function, InCoroutine);
    return;
  }
  if (isLoop(*S)) {
    const Stmt *Body = loopBody(*S);
    const Stmt *Once = nullptr;
    if (const auto *For = dyn_cast<ForStmt>(S))
      Once = For->getInit();
    else if (const auto *Range = dyn_cast<CXXForRangeStmt>(S))
      Once = Range->getRangeStmt();
    if (InCoroutine)
      checkConnections(*S, Body, Function.getASTContext());
    for (const Stmt *Child : S->children())
      walk(Child, Child == Once ? Loop : S, Function, InCoroutine);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(S); Call && Loop)
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      StartedInLoop.try_emplace(key(*Callee), Loop);
  if (InCoroutine) {
    std::string What = expensiveObject(*S);
    if (!What.empty()) {
      if (Loop)
        report(*S, What, *Loop, nullptr);
      else
        Candidates.push_back({key(Function), S, What});
    }
  }
  for (const Stmt *Child : S->children())
    walk(Child, Loop, Function, InCoroutine);
}

void ContextPerRequestCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!Function)
    return;
  bool Coroutine = isCoroutine(*Function);
  walk(Coroutine ? userBody(*Function) : Function->getBody(), nullptr,
       *Function, Coroutine);
}

void ContextPerRequestCheck::onEndOfTranslationUnit() {
  for (const Pending &P : Candidates) {
    auto Started = StartedInLoop.find(P.Coroutine);
    if (Started != StartedInLoop.end())
      report(*P.Made, P.What, *Started->second, P.Coroutine);
  }
  Candidates.clear();
  StartedInLoop.clear();
}

} // namespace corolint
