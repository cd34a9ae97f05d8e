//===--- BlockingSleepCheck.cpp - coro-blocking-sleep ----------------------===//

#include "BlockingSleepCheck.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace corolint {

static constexpr llvm::StringLiteral DefaultSleepFunctions =
    "std::this_thread::sleep_for;std::this_thread::sleep_until;::sleep;"
    "::usleep;::nanosleep;::clock_nanosleep;boost::this_thread::sleep_for;"
    "boost::this_thread::sleep_until";

// The frameworks' asynchronous sleeps; ${duration} is a std::chrono duration.
static constexpr llvm::StringLiteral DefaultAsioReplacement =
    "co_await asio::steady_timer(co_await asio::this_coro::executor, "
    "${duration}).async_wait(asio::use_awaitable)";
static constexpr llvm::StringLiteral DefaultBoostAsioReplacement =
    "co_await boost::asio::steady_timer(co_await "
    "boost::asio::this_coro::executor, ${duration})"
    ".async_wait(boost::asio::use_awaitable)";

BlockingSleepCheck::BlockingSleepCheck(llvm::StringRef Name,
                                       clang::tidy::ClangTidyContext *Context)
    : BlockingCheckBase(Name, Context),
      SleepFunctions(Options.get("SleepFunctions", DefaultSleepFunctions)),
      AsioReplacement(Options.get("AsioReplacement", DefaultAsioReplacement)),
      BoostAsioReplacement(
          Options.get("BoostAsioReplacement", DefaultBoostAsioReplacement)),
      Replacement(Options.get("Replacement", "")) {
  Table.add(BlockingKind::Sleep, SleepFunctions);
}

void BlockingSleepCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  BlockingCheckBase::storeOptions(Opts);
  Options.store(Opts, "SleepFunctions", SleepFunctions);
  Options.store(Opts, "AsioReplacement", AsioReplacement);
  Options.store(Opts, "BoostAsioReplacement", BoostAsioReplacement);
  Options.store(Opts, "Replacement", Replacement);
}

static bool hasFloatingRep(QualType Duration) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Duration.getNonReferenceType()->getAsCXXRecordDecl());
  return Spec && Spec->getTemplateArgs().size() > 0 &&
         Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
         Spec->getTemplateArgs()[0].getAsType()->isFloatingType();
}

/// The sleep's length as a std::chrono duration expression, if the sleep
/// takes one the async timers accept: `sleep_for(d)` (integral ticks), and
/// POSIX `sleep(s)` and `usleep(us)` converted.
static std::optional<std::string> durationOf(const CallExpr &Sleep,
                                             const ASTContext &Ctx) {
  const FunctionDecl *Callee = Sleep.getDirectCallee();
  if (!Callee || Sleep.getNumArgs() != 1)
    return std::nullopt;
  const Expr *Arg = Sleep.getArg(0);
  llvm::StringRef Text = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Arg->getSourceRange()),
      Ctx.getSourceManager(), Ctx.getLangOpts());
  if (Text.empty())
    return std::nullopt;
  std::string Name = Callee->getQualifiedNameAsString();
  if (Name == "std::this_thread::sleep_for" && !hasFloatingRep(Arg->getType()))
    return Text.str();
  if (Name == "sleep")
    return ("std::chrono::seconds(" + Text + ")").str();
  if (Name == "usleep")
    return ("std::chrono::microseconds(" + Text + ")").str();
  return std::nullopt;
}

void BlockingSleepCheck::onBlockingCall(const BlockingPath &Path,
                                        const FunctionDecl &Coroutine,
                                        const ASTContext &Ctx) {
  const CallExpr &Sleep = *Path.Calls.front();
  if (Path.Calls.size() > 1 || !Path.IsStatement) {
    report(Path, Coroutine);
    return;
  }
  const CXXRecordDecl *Task = Coroutine.getReturnType()->getAsCXXRecordDecl();
  Framework F = Task ? frameworkOf(*Task) : Framework::Unknown;
  llvm::StringRef Template = F == Framework::Asio        ? AsioReplacement
                             : F == Framework::BoostAsio ? BoostAsioReplacement
                                                         : Replacement;
  std::optional<std::string> Duration = durationOf(Sleep, Ctx);
  SourceLocation Begin = beginOf(Sleep);
  std::optional<llvm::StringRef> Forbidden = awaitForbiddenIn(Sleep, Ctx);
  if (Template.empty() || !Duration || Begin.isMacroID() ||
      Sleep.getEndLoc().isMacroID() || Forbidden) {
    report(Path, Coroutine);
    if (Forbidden)
      diag(Begin, AwaitForbiddenNote, DiagnosticIDs::Note) << *Forbidden;
    else if (Template.empty())
      diag(Begin,
           "no fix-it: set the option 'Replacement' to this framework's "
           "asynchronous sleep, e.g. 'co_await my::sleep_for(${duration})'",
           DiagnosticIDs::Note);
    return;
  }
  std::string Text = Template.str();
  std::string::size_type At = Text.find("${duration}");
  if (At != std::string::npos)
    Text.replace(At, llvm::StringRef("${duration}").size(), *Duration);
  report(Path, Coroutine,
         FixItHint::CreateReplacement(
             CharSourceRange::getTokenRange(Begin, Sleep.getEndLoc()), Text));
}

} // namespace corolint
