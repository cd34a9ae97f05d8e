//===--- BlockingSleepCheck.cpp - coro-blocking-sleep ----------------------===//

#include "checks/BlockingSleepCheck.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace corolint {

// The frameworks' asynchronous sleeps; ${duration} is a std::chrono duration.

BlockingSleepCheck::BlockingSleepCheck(llvm::StringRef Name,
                                       clang::tidy::ClangTidyContext *Context)
    : BlockingCheckBase(Name, Context),
      SleepFunctions(listOption(Role::SleepFunctions)),
      Replacement(textOption("Replacement", "")) {
  Table.add(BlockingKind::Sleep, SleepFunctions);
  // One option per framework with an asynchronous sleep: AsioReplacement...
  for (const Framework &F : Frameworks.entries())
    if (!F.text(Text::AsyncSleep).empty())
      Replacements[&F] =
          textOption(F.Name + "Replacement", F.text(Text::AsyncSleep));
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
  const Framework *F = Task ? Frameworks.frameworkOf(*Task) : nullptr;
  auto Listed = Replacements.find(F);
  llvm::StringRef Template =
      Listed != Replacements.end() ? Listed->second : Replacement;
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
