//===--- MissingTimeoutCheck.cpp - coro-missing-timeout --------------------===//

#include "checks/MissingTimeoutCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

// async_accept is not here: a server waits for clients forever by design.

MissingTimeoutCheck::MissingTimeoutCheck(llvm::StringRef Name,
                                         clang::tidy::ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      NetworkOperations(listOption(Role::NetworkOperations)),
      TimeoutGuards(listOption(Role::TimeoutGuards)),
      StreamTimeoutSetters(listOption(Role::StreamTimeoutSetters)),
      TimerWaitFunctions(listOption(Role::TimerWaitFunctions)),
      CancelFunctions(listOption(Role::CancelFunctions)),
      CancellationTokenTypes(listOption(Role::CancellationTokenTypes)),
      FixItTimeoutSeconds(Options.get("FixItTimeoutSeconds", 30U)),
      Operations(NetworkOperations), Guards(TimeoutGuards),
      Setters(StreamTimeoutSetters), TimerWaits(TimerWaitFunctions),
      Cancels(CancelFunctions), Tokens(CancellationTokenTypes) {}

void MissingTimeoutCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  CorolintCheck::storeOptions(Opts);
  Options.store(Opts, "FixItTimeoutSeconds", FixItTimeoutSeconds);
}

/// Calls \p Visit on every statement of \p S, nested lambdas included: a
/// watchdog often lives in a timer's completion handler.
static void forEachStmtDeep(const Stmt *S,
                            llvm::function_ref<void(const Stmt &)> Visit) {
  if (!S)
    return;
  Visit(*S);
  for (const Stmt *Child : S->children())
    forEachStmtDeep(Child, Visit);
}

/// The variable or member an object expression ultimately names:
/// `stream_`, `beast::get_lowest_layer(stream_)`, `socket.next_layer()`,
/// `*socket_ptr` all give the declaration of the stream or socket.
static const ValueDecl *rootOf(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const ValueDecl *Variable = namedVariable(E))
      return Variable;
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
      E = Call->getImplicitObjectArgument();
    else if (const auto *Call = dyn_cast<CallExpr>(E))
      E = Call->getNumArgs() > 0 ? Call->getArg(0) : nullptr;
    else if (const auto *Op = dyn_cast<UnaryOperator>(E))
      E = Op->getSubExpr();
    else if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temporary->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

/// The stream or socket an operation works on: the object of a member call,
/// the first argument of a free function (`asio::async_read(socket, ...)`).
static const ValueDecl *streamOf(const CallExpr &Operation) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Operation))
    return rootOf(Member->getImplicitObjectArgument());
  return Operation.getNumArgs() > 0 ? rootOf(Operation.getArg(0)) : nullptr;
}

static bool isChronoType(QualType T) {
  const CXXRecordDecl *Class = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Class)
    return false;
  std::string Name = Class->getQualifiedNameAsString();
  return Name == "std::chrono::duration" || Name == "std::chrono::time_point";
}

/// True if \p Type is a CancellationTokenTypes token by value, reference or
/// pointer (Seastar's `abort_source*`).
bool MissingTimeoutCheck::isToken(QualType Type) const {
  Type = Type.getNonReferenceType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  const CXXRecordDecl *Class = Type->getAsCXXRecordDecl();
  return Class && Tokens.matches(*Class);
}

bool MissingTimeoutCheck::hasGuardArgument(const CallExpr &Operation,
                                           const ASTContext &Ctx) const {
  for (const Expr *Arg : Operation.arguments()) {
    if (isa<CXXDefaultArgExpr>(Arg))
      continue; // libcoro's `timeout = 0` default means no timeout.
    if (isChronoType(Arg->getType()) || isToken(Arg->getType()))
      return true;
    bool Wrapped = false;
    forEachStmtDeep(Arg, [&](const Stmt &S) {
      if (const auto *Call = dyn_cast<CallExpr>(&S))
        Wrapped = Wrapped || calleeIsListed(*Call, Guards);
    });
    if (Wrapped)
      return true;
  }
  return false;
}

/// True if \p S calls a TimeoutGuards function, outside the bodies of
/// lambdas (which run at another time). Remembered for each statement:
/// every call of every function asks it about its arguments.
bool MissingTimeoutCheck::callsGuard(const Stmt *S) {
  if (!S || isa<BlockExpr>(S))
    return false;
  if (auto Known = CallsGuardKnown.find(S); Known != CallsGuardKnown.end())
    return Known->second;
  bool Found = false;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    for (const Expr *Init : Lambda->capture_inits())
      Found = Found || callsGuard(Init);
  } else {
    const auto *Call = dyn_cast<CallExpr>(S);
    Found = Call && calleeIsListed(*Call, Guards);
    for (const Stmt *Child : S->children())
      Found = callsGuard(Child) || Found;
  }
  CallsGuardKnown[S] = Found;
  return Found;
}

/// True if a written argument of \p Call is a cancellation token: the
/// framework carries it into the work \p Call wraps
/// (`folly::coro::co_withCancellation(token, helper())`).
bool MissingTimeoutCheck::passesToken(const CallExpr &Call) const {
  return llvm::any_of(Call.arguments(), [&](const Expr *Arg) {
    return !isa<CXXDefaultArgExpr>(Arg) && isToken(Arg->getType());
  });
}

/// The bodies to search for what guards \p Coroutine's stream: its own, and
/// those of the other methods of its class when the stream is a member.
static llvm::SmallVector<const FunctionDecl *, 8>
relatedBodies(const FunctionDecl &Coroutine, const ValueDecl *Stream) {
  llvm::SmallVector<const FunctionDecl *, 8> Bodies{&Coroutine};
  const auto *Method = dyn_cast<CXXMethodDecl>(&Coroutine);
  if (!Method || !isa_and_nonnull<FieldDecl>(Stream))
    return Bodies;
  for (const CXXMethodDecl *Other : Method->getParent()->methods()) {
    const FunctionDecl *Definition = nullptr;
    if (Other != Method && Other->hasBody(Definition))
      Bodies.push_back(Definition);
  }
  return Bodies;
}

/// True if \p Stream is \p Base, or was made from it
/// (`ssl::stream<tcp_stream> ssl_stream{std::move(stream), ctx}`).
static bool sameStream(const ValueDecl *Stream, const ValueDecl *Base) {
  if (Stream == Base)
    return true;
  const auto *Var = dyn_cast_or_null<VarDecl>(Stream);
  if (!Var || !Var->getInit())
    return false;
  bool Mentions = false;
  forEachStmtDeep(Var->getInit(), [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      Mentions = Mentions || Ref->getDecl() == Base;
  });
  return Mentions;
}

bool MissingTimeoutCheck::streamHasTimeout(const ValueDecl *Stream,
                                           const FunctionDecl &Function,
                                           SourceLocation Before) const {
  if (!Stream)
    return false;
  const SourceManager &SM = Context->getSourceManager();
  bool Found = false;
  for (const FunctionDecl *Body : relatedBodies(Function, Stream))
    forEachStmtDeep(Body->getBody(), [&](const Stmt &S) {
      const auto *Call = dyn_cast<CallExpr>(&S);
      if (Found || !Call || !calleeIsListed(*Call, Setters) ||
          !sameStream(Stream, streamOf(*Call)))
        return;
      // In the function itself the setter must come first.
      Found = Body != &Function ||
              SM.isBeforeInTranslationUnit(Call->getBeginLoc(), Before);
    });
  return Found;
}

/// True if \p Site hands \p C's coroutine the stream of \p C's operation
/// with an expiry set on it before the call (Beast's advanced servers).
bool MissingTimeoutCheck::callerSetsStreamTimeout(const Candidate &C,
                                                  const CallSite &Site) const {
  const auto *Param = dyn_cast_or_null<ParmVarDecl>(streamOf(*C.Operation));
  if (!Param)
    return false;
  unsigned Index = Param->getFunctionScopeIndex();
  unsigned Offset = isa<CXXOperatorCallExpr>(Site.Call) ? 1 : 0;
  if (Index + Offset >= Site.Call->getNumArgs())
    return false;
  return streamHasTimeout(rootOf(Site.Call->getArg(Index + Offset)),
                          *Site.Caller, Site.Call->getBeginLoc());
}

/// How far callersOf walks up: beyond, a call counts as unguarded.
static constexpr unsigned MaxCallerDepth = 8;

/// Whether every call of \p Function in the translation unit is guarded:
/// where it is written, or because every call of its caller is, and so on
/// up. A function never called in the TU is unguarded (its callers are
/// elsewhere, or it is an entry point). A recursive call is guarded when
/// the outer one is, so it counts neither way; a function called only by
/// itself is unguarded. With \p C, a call that sets the expiry of C's
/// stream counts as guarded too.
MissingTimeoutCheck::Callers
MissingTimeoutCheck::callersOf(const FunctionDecl &Function, unsigned Depth,
                               const Candidate *C) {
  const FunctionDecl *Key = Function.getCanonicalDecl();
  if (!C)
    if (auto Known = CallersKnown.find(Key); Known != CallersKnown.end())
      return Known->second;
  if (Walking.contains(Key)) {
    MetTheWalk = true;
    return Callers::OnTheWalk;
  }
  if (Depth > MaxCallerDepth) {
    MetTheWalk = true;
    return Callers::Unguarded;
  }
  Walking.insert(Key);
  bool MetBefore = std::exchange(MetTheWalk, false);
  bool Reached = false, AllGuarded = true;
  auto Sites = CallSites.find(Key);
  if (Sites != CallSites.end())
    for (const CallSite &Site : Sites->second) {
      if (Site.Guarded || (C && callerSetsStreamTimeout(*C, Site))) {
        Reached = true;
        continue;
      }
      Callers Above = callersOf(*Site.Caller, Depth + 1);
      if (Above == Callers::OnTheWalk)
        continue;
      Reached = true;
      if (Above == Callers::Unguarded) {
        AllGuarded = false;
        break;
      }
    }
  Walking.erase(Key);
  Callers Result =
      Reached && AllGuarded ? Callers::Guarded : Callers::Unguarded;
  if (!C && !MetTheWalk)
    CallersKnown[Key] = Result;
  MetTheWalk = MetBefore || MetTheWalk;
  return Result;
}

const MissingTimeoutCheck::CallSite *
MissingTimeoutCheck::unguardedCallOf(const FunctionDecl &Function,
                                     const Candidate *C) {
  auto Sites = CallSites.find(Function.getCanonicalDecl());
  if (Sites == CallSites.end())
    return nullptr;
  for (const CallSite &Site : Sites->second)
    if (!Site.Guarded && !(C && callerSetsStreamTimeout(*C, Site)) &&
        Site.Caller->getCanonicalDecl() != Function.getCanonicalDecl() &&
        callersOf(*Site.Caller, 1) == Callers::Unguarded)
      return &Site;
  return nullptr;
}

/// True if \p Call, or a method of \p Class it calls (`stop()`), cancels or
/// closes \p Stream.
bool MissingTimeoutCheck::cancelsStream(const CallExpr &Call,
                                        const ValueDecl *Stream,
                                        const CXXRecordDecl *Class) const {
  if (calleeIsListed(Call, Cancels) && streamOf(Call) == Stream)
    return true;
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
  const FunctionDecl *Definition = nullptr;
  if (!Class || !Method || Method->getParent() != Class ||
      !Method->hasBody(Definition))
    return false;
  bool Found = false;
  forEachStmtDeep(Definition->getBody(), [&](const Stmt &S) {
    if (const auto *Inner = dyn_cast<CallExpr>(&S))
      Found = Found ||
              (calleeIsListed(*Inner, Cancels) && streamOf(*Inner) == Stream);
  });
  return Found;
}

bool MissingTimeoutCheck::hasWatchdog(const CallExpr &Operation,
                                      const FunctionDecl &Coroutine) const {
  const ValueDecl *Stream = streamOf(Operation);
  if (!Stream)
    return false;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Coroutine);
  const CXXRecordDecl *Class = Method ? Method->getParent() : nullptr;

  // 1. A timer in the coroutine whose completion handler cancels or closes
  //    the stream: `deadline.async_wait([&](auto) { socket.cancel(); })`.
  bool Found = false;
  forEachStmtDeep(userBody(Coroutine), [&](const Stmt &S) {
    const auto *Wait = dyn_cast<CallExpr>(&S);
    if (Found || !Wait || !calleeIsListed(*Wait, TimerWaits))
      return;
    for (const Expr *Arg : Wait->arguments())
      forEachStmtDeep(Arg, [&](const Stmt &Inner) {
        if (const auto *Call = dyn_cast<CallExpr>(&Inner))
          Found = Found || cancelsStream(*Call, Stream, Class);
      });
  });
  if (Found)
    return true;

  // 2. For a member stream, a watchdog coroutine of the same class: it
  //    awaits a timer and afterwards cancels or closes the stream, itself or
  //    through another method. Closing in a catch handler reacts to the
  //    coroutine's own failure, not to time: a writer woken by a timer, or
  //    a heartbeat loop, that calls stop() when it fails is no watchdog.
  if (Class && isa<FieldDecl>(Stream))
    for (const CXXMethodDecl *Other : Class->methods()) {
      const FunctionDecl *Definition = nullptr;
      if (Other == Method || !Other->hasBody(Definition) ||
          !isCoroutine(*Definition))
        continue;
      llvm::SmallPtrSet<const Stmt *, 8> InHandlers;
      forEachStmtDeep(Definition->getBody(), [&](const Stmt &S) {
        if (const auto *Handler = dyn_cast<CXXCatchStmt>(&S))
          forEachStmtDeep(Handler->getHandlerBlock(),
                          [&](const Stmt &Inner) { InHandlers.insert(&Inner); });
      });
      bool Waited = false;
      forEachStmtDeep(Definition->getBody(), [&](const Stmt &S) {
        if (Found)
          return;
        if (const auto *Await = dyn_cast<CoawaitExpr>(&S))
          forEachStmtDeep(Await->getOperand(), [&](const Stmt &Inner) {
            const auto *Call = dyn_cast<CallExpr>(&Inner);
            Waited = Waited || (Call && calleeIsListed(*Call, TimerWaits));
          });
        else if (const auto *Call = dyn_cast<CallExpr>(&S))
          Found = Waited && !InHandlers.contains(Call) &&
                  cancelsStream(*Call, Stream, Class);
      });
      if (Found)
        return true;
    }

  // 3. A watchdog coroutine handed the stream, spawned or raced alongside:
  //    it waits for a timer and cancels or closes what it was given.
  forEachOwnStmt(userBody(Coroutine), [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    const FunctionDecl *Helper = Call ? Call->getDirectCallee() : nullptr;
    const FunctionDecl *Definition = nullptr;
    if (Found || !Helper || Call == &Operation ||
        !Helper->hasBody(Definition) || Definition == &Coroutine ||
        llvm::none_of(Call->arguments(),
                      [&](const Expr *Arg) { return rootOf(Arg) == Stream; }))
      return;
    bool Waits = false, Cancels = false;
    forEachStmtDeep(Definition->getBody(), [&](const Stmt &Inner) {
      if (const auto *C = dyn_cast<CallExpr>(&Inner)) {
        Waits = Waits || calleeIsListed(*C, TimerWaits);
        Cancels = Cancels || calleeIsListed(*C, this->Cancels);
      }
    });
    Found = Waits && Cancels;
  });
  return Found;
}

/// True if \p Body loops forever at its top level (`for (;;)`,
/// `while (true)`) with no way out but an exception from an await.
static bool endsInEndlessLoop(const CompoundStmt &Body) {
  if (Body.size() == 0)
    return false;
  const Stmt *Last = Body.body_back();
  if (const auto *For = dyn_cast<ForStmt>(Last))
    return !For->getCond();
  if (const auto *While = dyn_cast<WhileStmt>(Last))
    if (const auto *Literal =
            dyn_cast<CXXBoolLiteralExpr>(While->getCond()->IgnoreImpCasts()))
      return Literal->getValue();
  return false;
}

bool MissingTimeoutCheck::isWatchdog(const FunctionDecl &FD,
                                     bool MustThrow) const {
  const FunctionDecl *Definition = nullptr;
  if (!FD.hasBody(Definition) || !isCoroutine(*Definition))
    return false;
  // A watchdog awaits a timer and then finishes, by co_return or throw, so
  // that what it races is cancelled; a coroutine that waits on a timer used
  // as a signal and loops forever is not one.
  bool Waits = false, Finishes = false, Throws = false;
  forEachOwnStmt(userBody(*Definition), [&](const Stmt &S) {
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      Waits = Waits || calleeIsListed(*Call, TimerWaits);
    Finishes = Finishes || isa<CXXThrowExpr, CoreturnStmt>(S);
    Throws = Throws || isa<CXXThrowExpr>(S);
  });
  if (MustThrow)
    return Waits && Throws;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(userBody(*Definition));
  return Waits && (Finishes || (Body && !endsInEndlessLoop(*Body)));
}

bool MissingTimeoutCheck::isTimeoutRace(const CallExpr &Call) const {
  // `op || timer.async_wait(...)`, `op || watchdog()`: whichever finishes
  // first cancels the other. `op && watchdog()`: a watchdog that throws
  // cancels the other operand.
  const auto *Race = dyn_cast<CXXOperatorCallExpr>(&Call);
  if (!Race || (Race->getOperator() != OO_PipePipe &&
                Race->getOperator() != OO_AmpAmp) ||
      !Types.classify(Race->getType(), *Context).Awaitable)
    return false;
  bool Either = Race->getOperator() == OO_PipePipe;
  bool Found = false;
  for (const Expr *Operand : Race->arguments())
    forEachOwnStmt(Operand, [&](const Stmt &S) {
      const auto *Inner = dyn_cast<CallExpr>(&S);
      const FunctionDecl *Callee = Inner ? Inner->getDirectCallee() : nullptr;
      Found = Found || (Either && Inner && calleeIsListed(*Inner, TimerWaits)) ||
              (Callee && isWatchdog(*Callee, /*MustThrow=*/!Either));
    });
  return Found;
}

void MissingTimeoutCheck::findOperations(const Stmt *S, bool Guarded,
                                         const FunctionDecl &Coroutine,
                                         const ASTContext &Ctx) {
  // Nested awaits are visited on their own; lambdas are other functions.
  if (!S || isa<LambdaExpr, CoroutineSuspendExpr, DependentCoawaitExpr>(S))
    return;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (!Guarded && calleeIsListed(*Call, Operations) &&
        !hasGuardArgument(*Call, Ctx) &&
        !streamHasTimeout(streamOf(*Call), Coroutine, Call->getBeginLoc()) &&
        !hasWatchdog(*Call, Coroutine))
      Candidates.push_back({Call, &Coroutine});
    Guarded = Guarded || isTimeoutRace(*Call) || calleeIsListed(*Call, Guards);
  }
  for (const Stmt *Child : S->children())
    findOperations(Child, Guarded, Coroutine, Ctx);
}

/// Records the calls in \p S, with whether a guard reaches them where they
/// are written: they are inside a timer race (`co_await (helper() ||
/// timer.async_wait(...))`), inside the arguments of a TimeoutGuards
/// function (`with_timeout(helper())`), or of a call that has one as an
/// argument (`co_spawn(ex, helper(), cancel_after(5s, use_awaitable))`) or
/// a cancellation token (`co_withCancellation(token, helper())`). A token
/// or a deadline handed to the helper itself is no guard: it bounds the
/// operations the helper passes it to, which are no candidates anyway.
void MissingTimeoutCheck::recordCallSites(const Stmt *S,
                                          const FunctionDecl &Caller,
                                          bool Guarded,
                                          const CallExpr *AwaitedCall) {
  if (!S || isa<BlockExpr>(S))
    return;
  // A lambda's body is a function of its own; its captures are evaluated here.
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    for (const Expr *Init : Lambda->capture_inits())
      recordCallSites(Init, Caller, Guarded, AwaitedCall);
    return;
  }
  if (const auto *Await = dyn_cast<CoawaitExpr>(S))
    AwaitedCall = dyn_cast<CallExpr>(stripImplicit(Await->getOperand()));
  bool ChildrenGuarded = Guarded;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    Guarded = Guarded || isTimeoutRace(*Call) ||
              calleeIsListed(*Call, Guards) ||
              llvm::any_of(Call->arguments(),
                           [&](const Expr *Arg) { return callsGuard(Arg); });
    ChildrenGuarded = Guarded || passesToken(*Call);
    // A template's own calls are seen again in its instantiations.
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && !Caller.isDependentContext() &&
        !callsTemplateArgument(*Call, Caller))
      CallSites[Callee->getCanonicalDecl()].push_back(
          {Call, &Caller, Guarded, Call == AwaitedCall});
  }
  for (const Stmt *Child : S->children())
    recordCallSites(Child, Caller, ChildrenGuarded, AwaitedCall);
}

void MissingTimeoutCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  Context = Result.Context;
  recordCallSites(userBody(*Function), *Function, false, nullptr);
  if (isCoroutine(*Function))
    forEachOwnStmt(userBody(*Function), [&](const Stmt &S) {
      if (const auto *Await = dyn_cast<CoawaitExpr>(&S))
        findOperations(Await->getOperand(), false, *Function, *Result.Context);
    });
}

static void replaceAll(std::string &Text, llvm::StringRef Pattern,
                       llvm::StringRef By) {
  for (std::string::size_type At = Text.find(Pattern); At != std::string::npos;
       At = Text.find(Pattern, At + By.size()))
    Text.replace(At, Pattern.size(), By.str());
}

bool MissingTimeoutCheck::versionAtLeast(llvm::StringRef Condition) const {
  if (Condition.empty())
    return true;
  auto [Macro, Minimum] = Condition.split(">=");
  unsigned Wanted = 0;
  if (Minimum.trim().getAsInteger(10, Wanted))
    return false;
  std::optional<unsigned> Version = macroValue(Macro.trim());
  return Version && *Version >= Wanted;
}

std::optional<unsigned>
MissingTimeoutCheck::macroValue(llvm::StringRef Macro) const {
  if (!PP)
    return std::nullopt;
  const MacroInfo *Info = PP->getMacroInfo(PP->getIdentifierInfo(Macro));
  if (!Info || Info->getNumTokens() != 1)
    return std::nullopt;
  unsigned Version = 0;
  if (llvm::StringRef(PP->getSpelling(Info->getReplacementToken(0)))
          .getAsInteger(10, Version))
    return std::nullopt;
  return Version;
}

void MissingTimeoutCheck::report(const Candidate &C) {
  const CallExpr &Operation = *C.Operation;
  const FunctionDecl *Callee = Operation.getDirectCallee();
  const Framework *F = Callee ? Frameworks.frameworkOf(*Callee) : nullptr;
  auto TextOf = [&](Text T) { return F ? F->text(T) : llvm::StringRef(); };
  llvm::StringRef FixIt = TextOf(Text::TimeoutFixIt);
  bool HasFixIt =
      !FixIt.empty() &&
      versionAtLeast(TextOf(Text::TimeoutFixItSince));

  // The completion token is the last argument written, bound to the last
  // parameter (Asio names it `token`; Boost.Asio before 1.80 `handler`).
  const Expr *Token = nullptr;
  unsigned Written = writtenArgumentCount(Operation);
  if (Callee && Written > 0 && Written <= Callee->getNumParams()) {
    llvm::StringRef Name = Callee->getParamDecl(Written - 1)->getName();
    if (Name.contains_insensitive("token") ||
        Name.contains_insensitive("handler"))
      Token = Operation.getArg(Written - 1);
  }

  llvm::SmallVector<FixItHint, 1> Fixes;
  const SourceManager &SM = Context->getSourceManager();
  // The wrapper is the operation's framework's: it wraps that framework's
  // tokens (not, say, Cobalt's use_op), and only where the token is the
  // user's to change, not in a template instantiated with it.
  const CXXRecordDecl *TokenType =
      Token ? stripImplicit(Token)->getType()->getAsCXXRecordDecl() : nullptr;
  if (HasFixIt && TokenType &&
      Frameworks.frameworkOf(*TokenType) == F &&
      !isInstantiated(*C.Coroutine) && !Token->getBeginLoc().isMacroID() &&
      !Token->getEndLoc().isMacroID()) {
    CharSourceRange Range =
        CharSourceRange::getTokenRange(Token->getSourceRange());
    std::string Wrapped = FixIt.str();
    replaceAll(Wrapped, "${seconds}", std::to_string(FixItTimeoutSeconds));
    replaceAll(Wrapped, "${token}",
               Lexer::getSourceText(Range, SM, Context->getLangOpts()));
    Fixes.push_back(FixItHint::CreateReplacement(Range, Wrapped));
    if (std::optional<FixItHint> Include =
            includeFor(FixIt.split('(').first,
                       TextOf(Text::TimeoutFixItHeader),
                       Token->getBeginLoc(), *Context))
      Fixes.push_back(*Include);
  }
  diag(beginOf(Operation),
       "network operation %0 is awaited without a timeout; a peer that stops "
       "answering keeps this coroutine waiting forever")
      << quotedCalleeName(Operation) << Fixes;
  llvm::StringRef Advice = TextOf(Text::TimeoutAdvice);
  if (!HasFixIt && !Advice.empty())
    diag(beginOf(Operation), Advice, DiagnosticIDs::Note);
}

/// How a note names what \p Call calls: a lambda by the variable that holds
/// it (`auto session = [](...) -> task<> {...}; ... session(...)`).
static std::string calledName(const CallExpr &Call) {
  const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call);
  if (!Operator || Operator->getOperator() != OO_Call ||
      !isLambdaCallOperator(Call.getDirectCallee()))
    return quotedCalleeName(Call);
  if (const ValueDecl *Holder = namedVariable(Operator->getArg(0)))
    return "'" + Holder->getNameAsString() + "'";
  return "a lambda";
}

void MissingTimeoutCheck::noteUnguardedCallers(const Candidate &C) {
  // One path up, from the operation's coroutine to the outermost caller
  // that no guard reaches either.
  constexpr unsigned MaxNotes = 4;
  llvm::SmallPtrSet<const FunctionDecl *, MaxNotes + 1> Noted{
      C.Coroutine->getCanonicalDecl()};
  const CallSite *Site = unguardedCallOf(*C.Coroutine, &C);
  for (unsigned Notes = 0; Site && Notes < MaxNotes; ++Notes) {
    const FunctionDecl &Caller = *Site->Caller;
    bool Lambda = isLambdaCallOperator(&Caller);
    diag(beginOf(*Site->Call),
         "%0 is %select{called|awaited}1 here by %select{%3|a lambda}2 "
         "without a timeout",
         DiagnosticIDs::Note)
        << calledName(*Site->Call) << Site->Awaited << Lambda
        << (Lambda ? std::string()
                   : "'" + Caller.getQualifiedNameAsString() + "'");
    if (!Noted.insert(Caller.getCanonicalDecl()).second)
      break;
    Site = unguardedCallOf(Caller);
  }
}

void MissingTimeoutCheck::onEndOfTranslationUnit() {
  for (const Candidate &C : Candidates)
    if (callersOf(*C.Coroutine, 0, &C) != Callers::Guarded) {
      report(C);
      noteUnguardedCallers(C);
    }
  Candidates.clear();
  CallSites.clear();
  CallersKnown.clear();
  CallsGuardKnown.clear();
  Types.reset();
}

} // namespace corolint
