//===--- BlockingCalls.cpp ------------------------------------------------===//

#include "checks/BlockingCalls.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

void BlockingFunctions::add(BlockingKind Kind,
                            llvm::StringRef SemicolonSeparated) {
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  SemicolonSeparated.split(Parts, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (Part.empty())
      continue;
    auto [Function, Argument] = Part.split('(');
    Argument = Argument.rtrim(") ");
    Entries.push_back({Kind, NameList(Function.trim()), NameList(Argument),
                       !Argument.empty()});
  }
}

static bool firstArgumentNames(const CallExpr &Call, const NameList &Names) {
  if (Call.getNumArgs() == 0)
    return false;
  const auto *Ref = dyn_cast<DeclRefExpr>(stripImplicit(Call.getArg(0)));
  return Ref && Names.matches(*Ref->getDecl());
}

bool BlockingFunctions::decides(const CallExpr &Call) const {
  bool CLibrary = mayCallCLibrary(Call);
  for (const std::string &Name : calleeNames(Call)) {
    if (Allowed.matches(Name))
      return true;
    for (const Entry &E : Entries)
      if (E.Function.matches(Name, CLibrary))
        return true;
  }
  return false;
}

std::optional<BlockingKind>
BlockingFunctions::classify(const CallExpr &Call) const {
  llvm::SmallVector<std::string, 2> Names = calleeNames(Call);
  if (Names.empty())
    return std::nullopt;
  for (const std::string &Name : Names)
    if (Allowed.matches(Name))
      return std::nullopt;
  bool CLibrary = mayCallCLibrary(Call);
  for (const Entry &E : Entries)
    for (const std::string &Name : Names)
      if (E.Function.matches(Name, CLibrary) &&
          (!E.NeedsArgument || firstArgumentNames(Call, E.FirstArgument)))
        return E.Kind;
  return std::nullopt;
}

BlockingCheckBase::BlockingCheckBase(llvm::StringRef Name,
                                     clang::tidy::ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      AllowedFunctions(textOption("AllowedFunctions", "")),
      MaxCallDepth(Options.get("MaxCallDepth", 3U)) {
  Table.allow(AllowedFunctions);
}

void BlockingCheckBase::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  CorolintCheck::storeOptions(Opts);
  Options.store(Opts, "MaxCallDepth", MaxCallDepth);
}

/// Calls \p Visit for every call that runs as part of \p Body (lambdas
/// invoked on the spot included), telling whether it is a whole statement of
/// the body itself (where `co_await` could replace it).
static void collectCalls(const Stmt *S,
                         llvm::SmallPtrSetImpl<const Stmt *> &Calls) {
  if (!S)
    return;
  if (isa<CallExpr>(S))
    Calls.insert(S);
  for (const Stmt *Child : S->children())
    collectCalls(Child, Calls);
}

/// The awaiter's own calls are not: `co_await x` calls x's await_ready,
/// await_suspend and await_resume, which implement the suspension (a join
/// in await_resume runs after the thread that resumed the coroutine ended).
static void forEachOwnCall(
    const Stmt *Body,
    llvm::function_ref<void(const CallExpr &, bool IsStatement)> Visit) {
  llvm::SmallPtrSet<const Expr *, 8> Statements;
  llvm::SmallPtrSet<const Stmt *, 8> AwaiterCalls;
  // Statements of the body itself only: there `co_await` could replace a
  // call.
  forEachOwnStmt(Body, [&](const Stmt &S) {
    for (const Expr *E : discardedSubExprs(S))
      Statements.insert(stripImplicit(E));
  });
  // Over the same statements as the visit below: the awaits of a lambda
  // coroutine called on the spot are awaits too.
  forEachOwnStmt(
      Body,
      [&](const Stmt &S) {
        if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(&S))
          for (const Expr *Step : {Suspend->getReadyExpr(),
                                   Suspend->getSuspendExpr(),
                                   Suspend->getResumeExpr()})
            collectCalls(Step, AwaiterCalls);
      },
      LambdasInvokedOnTheSpot::Include);
  forEachOwnStmt(
      Body,
      [&](const Stmt &S) {
        if (const auto *Call = dyn_cast<CallExpr>(&S))
          if (!AwaiterCalls.contains(Call))
            Visit(*Call, Statements.contains(Call));
      },
      LambdasInvokedOnTheSpot::Include);
}

/// True if the search follows \p Call from \p Caller into its callee's body.
bool BlockingCheckBase::shouldDescendInto(const CallExpr &Call,
                                          const FunctionDecl &Caller,
                                          const SourceManager &SM) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  const FunctionDecl *Definition = nullptr;
  if (!Callee || !Callee->hasBody(Definition) || !Definition ||
      isCoroutine(*Definition) || lambdaInvokedOnTheSpot(Call) ||
      callsTemplateArgument(Call, Caller))
    return false;
  // System headers, and the functions the table lists or allows (a get()
  // on a future found ready), are the table's business, not the search's.
  return !SM.isInSystemHeader(Definition->getLocation()) &&
         !Table.decides(Call);
}

bool BlockingCheckBase::usesNonBlockingIO(const FunctionDecl &FD,
                                          const ASTContext &Ctx) {
  auto Cached = NonBlockingIO.find(&FD);
  if (Cached != NonBlockingIO.end())
    return Cached->second;
  bool Found = false;
  const SourceManager &SM = Ctx.getSourceManager();
  forEachOwnStmt(userBody(FD), [&](const Stmt &S) {
    SourceLocation Loc = S.getBeginLoc();
    if (!Found && isa<Expr>(S) && Loc.isMacroID())
      Found = Table.isNonBlockingMarker(
          Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts()));
  });
  NonBlockingIO[&FD] = Found;
  return Found;
}

/// True if \p Init names one of \p Flags, as a macro or a declaration.
static bool mentionsFlag(const Expr *Init, const NameList &Flags,
                         const ASTContext &Ctx) {
  bool Found = false;
  forEachOwnStmt(Init, [&](const Stmt &S) {
    SourceLocation Loc = S.getBeginLoc();
    if (Loc.isMacroID())
      Found = Found || Flags.matches(Lexer::getImmediateMacroName(
                           Loc, Ctx.getSourceManager(), Ctx.getLangOpts()));
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      Found = Found || Flags.matches(*Ref->getDecl());
  });
  return Found;
}

/// True if the descriptor \p IO works on (its first argument: `fd`,
/// `socket_.native_handle()`) belongs to a variable or member created with
/// a non-blocking flag: `socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)`
/// in its initialiser, or in the member's initialiser in a constructor.
bool BlockingCheckBase::createdNonBlocking(const CallExpr &IO,
                                           const ASTContext &Ctx) const {
  const NameList &Flags = Table.nonBlockingFlags();
  if (IO.getNumArgs() == 0)
    return false;
  const Expr *Descriptor = stripImplicit(IO.getArg(0));
  if (const auto *Handle = dyn_cast<CXXMemberCallExpr>(Descriptor))
    Descriptor = Handle->getImplicitObjectArgument();
  const ValueDecl *Owner = namedVariable(Descriptor);
  if (const auto *Var = dyn_cast_or_null<VarDecl>(Owner))
    return mentionsFlag(Var->getInit(), Flags, Ctx);
  const auto *Field = dyn_cast_or_null<FieldDecl>(Owner);
  if (!Field)
    return false;
  const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent());
  if (!Class)
    return false;
  for (const CXXConstructorDecl *Constructor : Class->ctors()) {
    const FunctionDecl *Definition = nullptr;
    if (!Constructor->hasBody(Definition))
      continue;
    for (const CXXCtorInitializer *Init :
         cast<CXXConstructorDecl>(Definition)->inits())
      if (Init->getMember() == Field &&
          mentionsFlag(Init->getInit(), Flags, Ctx))
        return true;
  }
  return false;
}

std::optional<BlockingKind>
BlockingCheckBase::blockingKind(const CallExpr &Call, const FunctionDecl &Caller,
                                const ASTContext &Ctx) {
  std::optional<BlockingKind> Kind = Table.classify(Call);
  // `if (errno == EAGAIN)` after a read, or a descriptor created with
  // SOCK_NONBLOCK: the I/O returns at once.
  if (Kind == BlockingKind::IO &&
      (usesNonBlockingIO(Caller, Ctx) || createdNonBlocking(Call, Ctx)))
    return std::nullopt;
  // `if (!f.available()) return later(); f.get();`, in the coroutine or in
  // a helper it calls (Seastar's repeat()): the wait returns at once.
  if (Kind == BlockingKind::Waiting &&
      readinessEstablished(Call, Caller, Ctx.getSourceManager()))
    return std::nullopt;
  return Kind;
}

std::optional<BlockingPath>
BlockingCheckBase::blockingPathIn(const FunctionDecl &FD, unsigned Depth,
                                  const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const FunctionDecl *Definition = nullptr;
  FD.hasBody(Definition);
  auto Key = std::make_pair(Definition, Depth);
  auto Cached = Memo.find(Key);
  if (Cached != Memo.end())
    return Cached->second;
  if (!InProgress.insert(Definition).second)
    return std::nullopt; // Recursion: whatever blocks is found elsewhere.

  std::optional<BlockingPath> Found;
  forEachOwnCall(userBody(*Definition), [&](const CallExpr &Call, bool) {
    if (Found)
      return;
    if (std::optional<BlockingKind> Kind =
            blockingKind(Call, *Definition, Ctx)) {
      Found = BlockingPath{{&Call}, *Kind};
      return;
    }
    if (Depth > 1 && shouldDescendInto(Call, *Definition, SM))
      if (std::optional<BlockingPath> Deeper =
              blockingPathIn(*Call.getDirectCallee(), Depth - 1, Ctx)) {
        Deeper->Calls.insert(Deeper->Calls.begin(), &Call);
        Found = Deeper;
      }
  });
  InProgress.erase(Definition);
  Memo[Key] = Found;
  return Found;
}

/// The object a member call is made on: `this` (nullptr stands for it) or
/// the variable named (also through `std::move(future).get()`); false if
/// neither.
static std::optional<const ValueDecl *> objectOf(const CallExpr &Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  if (!Member)
    return std::nullopt;
  const Expr *Object = Member->getImplicitObjectArgument();
  if (isa<CXXThisExpr>(stripImplicit(Object)))
    return nullptr;
  if (const ValueDecl *Variable = namedVariable(Object))
    return Variable;
  return std::nullopt;
}

/// True if \p Coroutine awaits a member of the object \p IO is called on
/// (`co_await poll(op::read)` before `recv(buffer)`): the object is driven
/// by readiness events, its descriptor is non-blocking, and its I/O calls
/// return at once. (Said of objects whose own members do the I/O: awaiting
/// an Asio socket's async_read_some does not make its read_some return.)
static bool awaitsReadinessOf(const CallExpr &IO, const FunctionDecl &Coroutine) {
  std::optional<const ValueDecl *> Object = objectOf(IO);
  if (!Object)
    return false;
  bool Awaits = false;
  forEachOwnStmt(userBody(Coroutine), [&](const Stmt &S) {
    const auto *Await = dyn_cast<CoawaitExpr>(&S);
    const auto *Call =
        Await ? dyn_cast<CallExpr>(stripImplicit(Await->getOperand())) : nullptr;
    Awaits = Awaits || (Call && Call != &IO && objectOf(*Call) == Object);
  });
  return Awaits;
}

/// True if \p Caller (a coroutine, or a function it calls) asked, before
/// \p Wait, whether the object \p Wait waits on is ready
/// (`EXPECT_TRUE(f.isReady()); f.get();`, the branch after
/// `aw.await_ready()`, `if (!f.available()) return;`), also in one of its
/// lambdas, or the object is
/// what a co_await returned or a coroutine that completes within the call
/// made: the code established that it returns at once.
bool BlockingCheckBase::readinessEstablished(const CallExpr &Wait,
                                             const FunctionDecl &Caller,
                                             const SourceManager &SM) const {
  // `ready_coroutine().get()`: a coroutine that completes within the call
  // returns a result that is ready.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Wait))
    if (const auto *Made = dyn_cast<CallExpr>(
            stripImplicit(Member->getImplicitObjectArgument())))
      if (const FunctionDecl *Callee = Made->getDirectCallee();
          Callee && completesWithinCall(*Callee))
        return true;
  std::optional<const ValueDecl *> Object = objectOf(Wait);
  if (!Object || !*Object)
    return false;
  // What a co_await gave back has resolved (`auto f = co_await
  // seastar::coroutine::as_future(op());` then `f.get()`).
  if (const auto *Var = dyn_cast<VarDecl>(*Object))
    if (Var->getInit() && isa<CoawaitExpr>(stripImplicit(Var->getInit())))
      return true;
  SourceLocation WaitLoc = SM.getExpansionLoc(Wait.getBeginLoc());
  // Also in the caller's lambdas, which refer to its locals: a coroutine
  // awaits one that returns once the object is ready.
  bool Asked = false;
  std::function<void(const Stmt *)> Search = [&](const Stmt *S) {
    if (!S || Asked)
      return;
    const auto *Call = dyn_cast<CallExpr>(S);
    Asked = Call && Call != &Wait && objectOf(*Call) == Object &&
            Table.isReadinessCheck(*Call) &&
            SM.isBeforeInTranslationUnit(
                SM.getExpansionLoc(Call->getBeginLoc()), WaitLoc);
    for (const Stmt *Child : S->children())
      Search(Child);
  };
  Search(userBody(Caller));
  return Asked;
}

void BlockingCheckBase::check(const MatchFinder::MatchResult &Result) {
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!isCoroutine(*Coroutine))
    return;
  const SourceManager &SM = *Result.SourceManager;
  forEachOwnCall(userBody(*Coroutine), [&](const CallExpr &Call,
                                           bool IsStatement) {
    std::optional<BlockingPath> Path;
    if (std::optional<BlockingKind> Kind =
            blockingKind(Call, *Coroutine, *Result.Context)) {
      Path = BlockingPath{{&Call}, *Kind};
    } else if (MaxCallDepth > 0 && shouldDescendInto(Call, *Coroutine, SM)) {
      Path = blockingPathIn(*Call.getDirectCallee(), MaxCallDepth,
                            *Result.Context);
      if (Path)
        Path->Calls.insert(Path->Calls.begin(), &Call);
    }
    // An object that does its own I/O on a descriptor (the blocking call is
    // inside its member) and whose readiness the coroutine awaits.
    if (!Path || (Path->Kind == BlockingKind::IO && Path->Calls.size() > 1 &&
                  awaitsReadinessOf(Call, *Coroutine)))
      return;
    if (Path->Kind == BlockingKind::Waiting &&
        readinessEstablished(Call, *Coroutine, SM))
      return;
    Path->IsStatement = IsStatement;
    onBlockingCall(*Path, *Coroutine, *Result.Context);
  });
}

void BlockingCheckBase::report(const BlockingPath &Path,
                               const FunctionDecl &Coroutine,
                               llvm::ArrayRef<FixItHint> Fixes) {
  const CallExpr &First = *Path.Calls.front();
  const CallExpr &Blocking = *Path.Calls.back();
  bool Indirect = Path.Calls.size() > 1;
  diag(beginOf(First),
       "%0 %select{sleeps|waits for another thread|runs a nested event loop|"
       "does blocking I/O|locks a mutex|makes a blocking call}1 in %2"
       "%select{| through %4}3, blocking its thread%select{||; this can "
       "deadlock|||}1")
      << describeCoroutine(Coroutine) << static_cast<int>(Path.Kind)
      << quotedCalleeName(Blocking) << Indirect << quotedCalleeName(First)
      << SourceRange(beginOf(First), First.getEndLoc()) << Fixes;
  for (size_t I = 1; I < Path.Calls.size(); ++I)
    diag(beginOf(*Path.Calls[I]), "%0 calls %1 here", DiagnosticIDs::Note)
        << quotedCalleeName(*Path.Calls[I - 1]) << quotedCalleeName(*Path.Calls[I]);
}

} // namespace corolint
