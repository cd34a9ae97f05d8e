//===--- Driver.cpp - the corolint command --------------------------------===//
//
// A thin main: options in, clang-tidy's runner with corolint's checks, exit
// code out. 0: no findings, 1: findings, 2: usage or internal error.
//
//===----------------------------------------------------------------------===//

#include "tooling/AtomicWrite.h"
#include "tooling/CompileCommands.h"
#include "tooling/Configuration.h"
#include "tooling/Filters.h"
#include "tooling/Fixes.h"
#include "tooling/Inputs.h"
#include "tooling/Report.h"
#include "tooling/Runner.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/TimeProfiler.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <csignal>
#include <unistd.h>

namespace corolint {
extern volatile int CorolintModuleAnchorSource;
} // namespace corolint

using namespace clang;
using namespace clang::tidy;
namespace cl = llvm::cl;

namespace {

constexpr int ExitClean = 0;
constexpr int ExitFindings = 1;
constexpr int ExitError = 2;

cl::OptionCategory Category("corolint options");

cl::list<std::string> Files(cl::Positional, cl::desc("<source files...>"),
                            cl::cat(Category));
cl::opt<std::string> BuildPath(
    "p", cl::desc("Build directory holding compile_commands.json. Without "
                  "source files, every file in it is linted."),
    cl::value_desc("build-dir"), cl::cat(Category));
cl::opt<std::string> Checks(
    "checks",
    cl::desc("Comma-separated globs of checks to run, added to those of "
             ".clang-tidy files (default: coro-*, except the hint "
             "coro-sequential-awaits)."),
    cl::cat(Category));
cl::opt<std::string> Config(
    "config",
    cl::desc("Configuration in .clang-tidy YAML form, e.g. "
             "\"{CheckOptions: {coro-discarded-awaitable.AllowExplicitDiscard: "
             "true}}\"; replaces .clang-tidy files."),
    cl::cat(Category));
cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regular expression of header names whose findings are shown "
             "(default: .*, every header outside system directories)."),
    cl::cat(Category));
cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the enabled checks and exit."),
                         cl::cat(Category));
cl::opt<bool> Fix("fix",
                  cl::desc("Apply the safe suggested fixes in place (each "
                           "check's page says which of its fix-its are)."),
                  cl::cat(Category));
cl::opt<bool> UnsafeFixes(
    "unsafe-fixes",
    cl::desc("With --fix and --export-fixes, also the fix-its that may "
             "change behaviour (marked unsafe in the output)."),
    cl::cat(Category));
cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the suggested fixes as YAML for clang-apply-replacements."),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> ConfigFile(
    "config-file",
    cl::desc("Read the configuration from this file (.clang-tidy YAML) "
             "instead of .clang-tidy files."),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> VerifyConfig(
    "verify-config",
    cl::desc("Check the configuration (of the given files, or of the working "
             "directory) for unknown checks and options, and exit."),
    cl::cat(Category));
cl::opt<bool> DumpConfig("dump-config",
                         cl::desc("Print the effective configuration and exit."),
                         cl::cat(Category));
cl::opt<std::string> Explain("explain",
                             cl::desc("Print the documentation of a check."),
                             cl::value_desc("check"), cl::cat(Category));
cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Globs of checks whose findings are errors, added to the "
             "WarningsAsErrors of .clang-tidy files."),
    cl::cat(Category));
enum class Format { Text, Json, GitHub, Sarif, Html };
cl::opt<Format> OutputFormat(
    "format", cl::desc("Output format:"), cl::init(Format::Text),
    cl::values(clEnumValN(Format::Text, "text", "clang-style diagnostics"),
               clEnumValN(Format::Json, "json", "a JSON array, one object per finding"),
               clEnumValN(Format::GitHub, "github",
                          "GitHub Actions workflow annotations"),
               clEnumValN(Format::Sarif, "sarif", "SARIF 2.1.0"),
               clEnumValN(Format::Html, "html",
                          "one self-contained HTML page")),
    cl::cat(Category));
cl::opt<unsigned> Jobs("j",
                       cl::desc("Number of files linted in parallel (default: "
                                "all cores)."),
                       cl::init(0), cl::Prefix, cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("No progress lines on stderr."),
                    cl::cat(Category));
cl::opt<bool> Statistics(
    "statistics",
    cl::desc("End with a summary on stderr: findings per check, files "
             "analysed, files with compile errors, time taken (text output "
             "shows it anyway when stderr is a terminal, unless --quiet)."),
    cl::cat(Category));
cl::opt<bool> ExitZero(
    "exit-zero",
    cl::desc("Exit 0 even if there are findings (compile errors of the "
             "analysed files included); 2 still means corolint failed."),
    cl::cat(Category));
cl::opt<bool> Verbose("verbose",
                      cl::desc("Say on stderr what was reused: cached "
                               "results, shared preambles."),
                      cl::cat(Category));
enum class Color { Auto, Always, Never };
// Registered under a name of its own, as LLVM registers a boolean "color"
// too; renamed --color once LLVM's is removed (parseCommandLine).
cl::opt<Color> UseColor(
    "corolint-color", cl::desc("Colors in text output:"), cl::init(Color::Auto),
    cl::values(clEnumValN(Color::Auto, "auto", "when stdout is a terminal"),
               clEnumValN(Color::Always, "always", "always"),
               clEnumValN(Color::Never, "never", "never")),
    cl::cat(Category));
cl::opt<std::string> Shard(
    "shard",
    cl::desc("Lint only shard K of N of the files (K from 1), to split a large "
             "compile database across CI machines."),
    cl::value_desc("K/N"), cl::cat(Category));
cl::list<std::string> Include(
    "include",
    cl::desc("Lint only files whose path matches one of these globs."),
    cl::value_desc("glob"), cl::cat(Category));
cl::list<std::string> Exclude(
    "exclude", cl::desc("Skip files whose path matches one of these globs."),
    cl::value_desc("glob"), cl::cat(Category));
cl::opt<std::string> WriteBaseline(
    "write-baseline", cl::desc("Record today's findings in this file."),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> Baseline(
    "baseline", cl::desc("Report only findings not recorded in this file."),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> Diff(
    "diff",
    cl::desc("Report only findings on lines changed since this git revision, "
             "or in the unified diff read from stdin with --diff=-."),
    cl::value_desc("revision"), cl::cat(Category));
cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Keep each file's findings in this directory and reuse them "
             "while the file, its headers, its command line and the "
             "configuration are unchanged."),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> SharePreambles(
    "share-preambles",
    cl::desc("Precompile the include block that several files start with "
             "once, for all of them (default: on)."),
    cl::init(true), cl::cat(Category));
// The benchmark's baseline: the same parse, no check at all.
cl::opt<bool> ParseOnly("parse-only", cl::Hidden,
                        cl::desc("Parse, run no check (benchmarks)."));
cl::opt<bool> SkipSystemBodies(
    "skip-system-bodies",
    cl::desc("Parse only the declarations of functions in system headers, "
             "which no check needs (default: on; =false parses them too)."),
    cl::init(true), cl::cat(Category));
cl::opt<bool> SkipQuietBodies(
    "skip-quiet-bodies",
    cl::desc("Parse only the declarations of functions in the project's "
             "headers whose bodies name no coroutine keyword, no name the "
             "checks know and no function kept before them; a file where a "
             "check reads such a body is analysed again with every body "
             "(default: off: findings can still differ, see "
             "docs/performance.md)."),
    cl::init(false), cl::cat(Category));
// Where the parse spends its time (Clang's -ftime-trace format; the thread
// that runs first, which is all of it with -j 1).
cl::opt<std::string> TimeTrace("time-trace", cl::Hidden,
                               cl::desc("Write a Chrome trace (profiling)."));
// Runs between the analysis and --fix's writes: lets a test change a file in
// that window.
cl::opt<std::string> TestingBeforeFix("testing-before-fix", cl::Hidden,
                                      cl::desc("Shell command (tests only)."));
cl::list<std::string> ExtraArgs(
    "extra-arg", cl::desc("Argument to append to the compile commands."),
    cl::cat(Category));
cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before",
    cl::desc("Argument to prepend to the compile commands."),
    cl::cat(Category));

int fail(const llvm::Twine &Message) {
  std::string Text = Message.str();
  std::replace(Text.begin(), Text.end(), '\n', ' ');
  llvm::errs() << "corolint: error: " << llvm::StringRef(Text).trim() << "\n";
  return ExitError;
}

} // namespace

/// Parses corolint's options, its error messages into \p Errors. LLVM writes
/// some (a missing or invalid value) straight to stderr, not to the stream
/// it is given: stderr is redirected meanwhile, so that the user sees one
/// line.
static bool parseOptions(std::vector<const char *> &Args, std::string &Errors) {
  static const char Overview[] =
      "corolint: finds misuse of C++20 coroutines.\n\n"
      "  corolint [options] <files...> [-- <compiler arguments>]\n"
      "  corolint -p <build-dir> [options] [<files...>]\n";
  llvm::raw_string_ostream Stream(Errors);
  // Unlinked at once: --help and --version exit from within the parse.
  llvm::SmallString<128> Captured;
  int CapturedFD = -1;
  int SavedStderr = -1;
  if (!llvm::sys::fs::createTemporaryFile("corolint-options", "txt",
                                          CapturedFD, Captured)) {
    llvm::sys::fs::remove(Captured);
    llvm::errs().flush();
    SavedStderr = ::dup(STDERR_FILENO);
    if (SavedStderr >= 0)
      ::dup2(CapturedFD, STDERR_FILENO);
  }
  bool Parsed =
      cl::ParseCommandLineOptions(Args.size(), Args.data(), Overview, &Stream);
  if (SavedStderr >= 0) {
    llvm::errs().flush();
    ::dup2(SavedStderr, STDERR_FILENO);
    ::close(SavedStderr);
  }
  Stream.flush();
  if (CapturedFD >= 0) {
    char Buffer[4096];
    ssize_t Read;
    ::lseek(CapturedFD, 0, SEEK_SET);
    while ((Read = ::read(CapturedFD, Buffer, sizeof(Buffer))) > 0)
      Errors.append(Buffer, Read);
    ::close(CapturedFD);
  }
  return Parsed;
}

/// Splits the command line at `--` (what follows is a compile command for
/// every file) and parses corolint's options. Returns the one-line error.
static std::optional<std::string> parseCommandLine(int argc, const char **argv,
                                                   corolint::CommandSource &Commands) {
  int Separator = argc;
  for (int I = 1; I < argc; ++I)
    if (llvm::StringRef(argv[I]) == "--") {
      Separator = I;
      break;
    }
  Commands.HasSeparator = Separator < argc;
  Commands.CompilerArgs.assign(argv + std::min(Separator + 1, argc), argv + argc);

  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "corolint " COROLINT_VERSION " (LLVM " << LLVM_VERSION_STRING
       << ")\n";
  });
  // --color=... is ours: LLVM's own boolean --color (registered by now,
  // HideUnrelatedOptions registers the common options) gives way, so that
  // --help and the error messages name the option as it is spelt.
  auto &Registered = cl::getRegisteredOptions(); // A DenseMap in LLVM 22.
  if (cl::Option *LLVMColor = Registered.lookup("color");
      LLVMColor && LLVMColor != &UseColor)
    LLVMColor->removeArgument();
  UseColor.setArgStr("color");
  std::vector<const char *> Args(argv, argv + Separator);
  std::string ParseErrors;
  if (parseOptions(Args, ParseErrors)) {
    Commands.BuildPath = BuildPath;
    return std::nullopt;
  }
  // "corolint: for the -j option: requires a value!", or
  // "corolint: Unknown command line argument '-x'.  Try: ...".
  llvm::StringRef FirstLine = llvm::StringRef(ParseErrors).trim();
  FirstLine = FirstLine.split('\n').first;
  std::string Prefix = llvm::sys::path::filename(argv[0]).str() + ": ";
  FirstLine.consume_front(Prefix);
  FirstLine = FirstLine.split("Try:").first.trim().rtrim(".!");
  std::string Message = FirstLine.lower();
  if (Message.empty())
    Message = "invalid command line";
  // "... for boolean argument! try 0 or 1"
  for (size_t At; (At = Message.find("! ")) != std::string::npos;)
    Message.replace(At, 2, "; ");
  return Message + "; see 'corolint --help'";
}

namespace {
/// Where each file's options come from: corolint's defaults, the
/// `.clang-tidy` files above it or the given configuration, then the
/// command line.
struct Configuration {
  ClangTidyGlobalOptions Global;
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  ClangTidyOptions Overrides;
  std::optional<ClangTidyOptions> Given;
  /// Where Given came from: "--config" or the --config-file.
  std::string GivenName;

  /// A provider per worker thread: they are not thread-safe.
  std::unique_ptr<ClangTidyOptionsProvider> provider() const {
    auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
        llvm::vfs::createPhysicalFileSystem());
    if (Given)
      return std::make_unique<ConfigOptionsProvider>(Global, Defaults, *Given,
                                                     Overrides, FS);
    return std::make_unique<FileOptionsProvider>(Global, Defaults, Overrides,
                                                 FS);
  }
};
} // namespace

static llvm::Expected<Configuration> configure() {
  auto Problem = [](const llvm::Twine &Message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
  };
  Configuration Settings;
  // coro-sequential-awaits is a performance hint, enabled on request.
  Settings.Defaults.Checks = "-*,coro-*,-coro-sequential-awaits";
  // Coroutines in the project's own headers matter as much as in its
  // sources; clang-tidy 22 made this its default too.
  Settings.Defaults.HeaderFilterRegex = ".*";
  // The driver runs corolint's checks; Clang's static analyzer is not ours.
  Settings.Overrides.Checks =
      (Checks.empty() ? std::string() : Checks + ",") + "-clang-analyzer-*";
  if (ParseOnly)
    Settings.Overrides.Checks = "-*";
  if (!HeaderFilter.empty()) {
    std::string Error;
    if (!llvm::Regex(HeaderFilter).isValid(Error))
      return Problem("invalid regular expression in --header-filter '" +
                     HeaderFilter + "': " + Error);
    Settings.Overrides.HeaderFilterRegex = HeaderFilter;
  }
  if (!WarningsAsErrors.empty())
    Settings.Overrides.WarningsAsErrors = WarningsAsErrors;
  if (UseColor != Color::Auto)
    Settings.Overrides.UseColor = UseColor == Color::Always;

  std::string Text = Config;
  std::string Name = "--config";
  if (!ConfigFile.empty()) {
    if (!Config.empty())
      return Problem("use either --config or --config-file, not both");
    auto Buffer = llvm::MemoryBuffer::getFile(ConfigFile);
    if (!Buffer)
      return Problem("cannot read '" + ConfigFile +
                     "': " + Buffer.getError().message());
    Text = (*Buffer)->getBuffer().str();
    Name = ConfigFile;
  }
  if (!Text.empty()) {
    std::string Error;
    bool Located = false;
    Settings.Given = corolint::parseConfiguration(
        llvm::MemoryBufferRef(Text, Name), Error, Located);
    if (!Settings.Given)
      return Problem("invalid configuration in " + Name + ": " + Error);
    Settings.GivenName = Name;
    if (std::string Invalid = corolint::invalidRegex(*Settings.Given);
        !Invalid.empty())
      return Problem("invalid configuration in " + Name + ": " + Invalid);
  }
  return Settings;
}

static std::vector<std::string> enabledChecks(const ClangTidyOptions &Options) {
  return getCheckNames(Options, /*AllowEnablingAnalyzerAlphaCheckers=*/false
#if LLVM_VERSION_MAJOR >= 22
                       ,
                       /*ExperimentalCustomChecks=*/false
#endif
  );
}

static void printEffectiveConfiguration(ClangTidyOptions Effective) {
  Effective.CheckOptions =
      getCheckOptions(Effective, /*AllowEnablingAnalyzerAlphaCheckers=*/false
#if LLVM_VERSION_MAJOR >= 22
                      ,
                      /*ExperimentalCustomChecks=*/false
#endif
      );
  llvm::outs() << configurationAsText(Effective) << "\n";
}

/// Says once how many of \p Sources have no corolint check enabled: a
/// project's `.clang-tidy` with `Checks: '-*,...'` turns them off there.
static void warnAboutFilesWithoutChecks(ClangTidyOptionsProvider &Provider,
                                        const std::vector<std::string> &Sources) {
  size_t Without = 0;
  const std::string *Example = nullptr;
  for (const std::string &Source : Sources) {
    std::vector<std::string> Enabled = enabledChecks(Provider.getOptions(Source));
    if (llvm::none_of(Enabled, [](llvm::StringRef Check) {
          return Check.starts_with("coro-");
        })) {
      ++Without;
      Example = Example ? Example : &Source;
    }
  }
  if (Without)
    llvm::errs() << "corolint: warning: " << Without << " of " << Sources.size()
                 << " files have no corolint check enabled by the Checks of "
                    "their .clang-tidy (e.g. '"
                 << *Example
                 << "'); pass --checks='coro-*' to lint them anyway\n";
}

/// The compile commands as corolint runs them.
static std::unique_ptr<tooling::CompilationDatabase>
adjustedForCorolint(std::unique_ptr<tooling::CompilationDatabase> Base) {
  auto Compilations = std::make_unique<tooling::ArgumentsAdjustingCompilations>(
      corolint::withAbsoluteFileNames(std::move(Base)));
  Compilations->appendArgumentsAdjuster(
      corolint::makeClangCompatible(COROLINT_CLANG_RESOURCE_DIR));
  // Without carets Clang also keeps quiet about the compiler warnings it
  // counted ("N warnings generated."), which corolint does not show anyway;
  // corolint's own diagnostics are printed with carets regardless.
  Compilations->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      "-fno-caret-diagnostics", tooling::ArgumentInsertPosition::END));
  Compilations->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      ExtraArgsBefore, tooling::ArgumentInsertPosition::BEGIN));
  Compilations->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      ExtraArgs, tooling::ArgumentInsertPosition::END));
  return Compilations;
}

static void printReuse(const corolint::RunResult &Result, size_t Files) {
  auto Count = [](size_t N, llvm::StringRef Noun) {
    return std::to_string(N) + " " + Noun.str() + (N == 1 ? "" : "s");
  };
  if (!CacheDir.empty())
    llvm::errs() << "corolint: reused the cached findings of "
                 << Result.CacheHits << " of " << Count(Files, "file") << "\n";
  // Every file analysed, then how: "parsed 1 file with a preamble" alone
  // reads as if one file was analysed.
  size_t Analysed = Files - Result.CacheHits;
  llvm::errs() << "corolint: analysed " << Count(Analysed, "file") << "\n";
  llvm::errs() << "corolint: parsed " << Count(Result.FilesWithPreamble, "file")
               << " with "
               << Count(Result.PreamblesBuilt + Result.PreamblesReused,
                        "shared precompiled preamble");
  if (!CacheDir.empty())
    llvm::errs() << " (" << Result.PreamblesReused << " from the cache)";
  llvm::errs() << ", " << Count(Analysed - Result.FilesWithPreamble, "file")
               << " whole\n";
  if (SkipQuietBodies)
    llvm::errs() << "corolint: analysed "
                 << Count(Result.FilesParsedAgain, "file")
                 << " again with every body: a body skipped as quiet "
                    "mattered\n";
}

static void writeFindings(std::vector<ClangTidyError> &Findings,
                          const Configuration &Config,
                          const std::vector<std::string> &EnabledChecks,
                          size_t Files,
                          const llvm::StringMap<unsigned> *InBaseline) {
  switch (OutputFormat) {
  case Format::Text: {
    // The other formats have a field of their own for it.
    corolint::noteUnsafeFixes(Findings, UnsafeFixes);
    ClangTidyContext Context(Config.provider());
    unsigned WarningsAsErrorsCount = 0;
    handleErrors(Findings, Context, FB_NoFix, WarningsAsErrorsCount,
                 llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
                     llvm::vfs::getRealFileSystem()));
    break;
  }
  case Format::Json:
    corolint::writeJson(Findings, llvm::outs());
    break;
  case Format::GitHub:
    corolint::writeGitHub(Findings, llvm::outs());
    break;
  case Format::Sarif:
    corolint::writeSarif(Findings, EnabledChecks, COROLINT_VERSION,
                         llvm::outs());
    break;
  case Format::Html:
    corolint::writeHtml(Findings, Files, "corolint " COROLINT_VERSION,
                        llvm::outs(), InBaseline);
    break;
  }
}

static int run(int argc, const char **argv) {
  auto Start = std::chrono::steady_clock::now();
  (void)corolint::CorolintModuleAnchorSource;
  corolint::CommandSource Commands;
  if (std::optional<std::string> Problem = parseCommandLine(argc, argv, Commands))
    return fail(*Problem);

  if (!Explain.empty()) {
    std::optional<llvm::StringRef> Doc = corolint::checkDocumentation(Explain);
    if (!Doc)
      return fail("unknown check '" + Explain + "'; see --list-checks");
    llvm::outs() << *Doc;
    return ExitClean;
  }
  llvm::Expected<Configuration> Config = configure();
  if (!Config)
    return fail(llvm::toString(Config.takeError()));
  std::unique_ptr<ClangTidyOptionsProvider> Provider = Config->provider();

  llvm::SmallString<256> ConfigPath(Files.empty() ? "" : Files.front());
  if (ConfigPath.empty() || llvm::sys::fs::make_absolute(ConfigPath))
    llvm::sys::fs::current_path(ConfigPath);
  // The .clang-tidy files above a path (none with a given configuration):
  // an error stops the run; warnings (misspelt check names and options,
  // which would be ignored without a word) are said once before it.
  std::vector<std::string> Warnings;
  auto Review = [&](const std::string &Path) {
    if (Config->Given)
      return std::string();
    corolint::ConfigurationReview Found =
        corolint::reviewConfigurationAbove(*Provider, Path);
    Warnings.insert(Warnings.end(), Found.Warnings.begin(),
                    Found.Warnings.end());
    return Found.Error;
  };
  if (std::string Problem = Review(ConfigPath.str().str()); !Problem.empty())
    return fail(Problem);
  ClangTidyOptions Effective = Provider->getOptions(ConfigPath);
  if (Config->Given)
    Warnings =
        corolint::unknownNames(*Config->Given, Config->GivenName, Effective);
  for (const std::string &Problem : corolint::frameworkOptionProblems(Effective))
    return fail(Problem);
  std::vector<std::string> EnabledChecks = enabledChecks(Effective);
  if (DumpConfig) {
    printEffectiveConfiguration(Effective);
    return ExitClean;
  }
  if (ListChecks) {
    llvm::outs() << "Enabled checks:\n";
    for (const std::string &Name : EnabledChecks)
      llvm::outs() << "    " << Name << "\n";
    return ExitClean;
  }
  if (VerifyConfig) {
    for (const std::string &File : Files)
      if (std::string Problem = Review(File); !Problem.empty())
        Warnings.push_back(Problem);
    for (const std::string &Problem : Warnings)
      fail(Problem);
    if (!Warnings.empty())
      return ExitError;
    llvm::outs() << "corolint: no configuration problems found\n";
    return ExitClean;
  }
  if (!ParseOnly && EnabledChecks.empty())
    return fail("no checks enabled; see --checks and the Checks of "
                ".clang-tidy files");
  // Like clang-tidy: a check named in --checks that does not exist is
  // probably a typo.
  for (const std::string &Unknown : corolint::unknownChecks(Checks))
    llvm::errs() << "corolint: warning: " << Unknown << "\n";

  std::vector<std::string> Inputs(Files.begin(), Files.end());
  auto Base = corolint::loadCompilations(Commands, Inputs);
  if (!Base)
    return fail(llvm::toString(Base.takeError()));
  auto Sources = corolint::selectFiles(Inputs, **Base,
                                       {Include, Exclude, Shard});
  if (!Sources)
    return fail(llvm::toString(Sources.takeError()));
  for (const std::string &Source : *Sources)
    if (std::string Problem = Review(Source); !Problem.empty())
      return fail(Problem);
  for (const std::string &Warning : Warnings)
    llvm::errs() << "corolint: warning: " << Warning << "\n";
  if (!ParseOnly)
    warnAboutFilesWithoutChecks(*Provider, *Sources);
  // The changed lines, read before the long run so that errors come first.
  std::optional<corolint::ChangedLines> Changed;
  if (!Diff.empty()) {
    auto Lines = corolint::readChangedLines(Diff);
    if (!Lines)
      return fail(llvm::toString(Lines.takeError()));
    Changed = std::move(*Lines);
  }
  if (Fix && OutputFormat != Format::Text)
    return fail("--fix reports in text; use --export-fixes with other formats");
  // Written after the analysis: a path that cannot be is said before it.
  for (const std::string *Output :
       {&ExportFixes.getValue(), &WriteBaseline.getValue()})
    if (!Output->empty())
      if (std::string Why = corolint::whyUnwritable(*Output); !Why.empty())
        return fail("cannot write '" + *Output + "': " + Why);

  corolint::RunOptions Run;
  Run.Jobs = Jobs ? Jobs : llvm::hardware_concurrency().compute_thread_count();
  Run.ApplyAnyFix = Fix || !ExportFixes.empty();
  Run.SkipSystemBodies = SkipSystemBodies;
  Run.SkipQuietBodies = SkipQuietBodies;
  Run.CacheDir = CacheDir;
  Run.SharePreambles = SharePreambles;
  bool ShowProgress = !Quiet && Sources->size() > 1 &&
                      llvm::sys::Process::StandardErrIsDisplayed();
  if (!TimeTrace.empty())
    llvm::timeTraceProfilerInitialize(/*TimeTraceGranularity=*/0, "corolint");
  auto Compilations = adjustedForCorolint(std::move(*Base));
  corolint::RunResult Result = corolint::runChecks(
      [&] { return Config->provider(); }, *Compilations, *Sources, Run,
      [&](size_t Done, size_t Total, llvm::StringRef File) {
        if (ShowProgress)
          llvm::errs() << "[" << Done << "/" << Total << "] " << File << "\n";
      });
  if (!TimeTrace.empty()) {
    if (llvm::Error Problem = llvm::timeTraceProfilerWrite(TimeTrace, ""))
      return fail("cannot write the time trace: " +
                  llvm::toString(std::move(Problem)));
    llvm::timeTraceProfilerCleanup();
  }
  if (Verbose)
    printReuse(Result, Sources->size());

  std::vector<ClangTidyError> &Findings = Result.Findings;
  corolint::firstErrorPerFile(Findings);
  if (!WriteBaseline.empty())
    if (llvm::Error E = corolint::writeBaseline(Findings, WriteBaseline))
      return fail(llvm::toString(std::move(E)));
  // What the baseline hid, per check: the HTML report shows new and known.
  std::optional<llvm::StringMap<unsigned>> InBaseline;
  if (!Baseline.empty()) {
    InBaseline.emplace();
    for (const ClangTidyError &E : Findings)
      ++(*InBaseline)[E.DiagnosticName];
    if (llvm::Error E = corolint::applyBaseline(Findings, Baseline))
      return fail(llvm::toString(std::move(E)));
    for (const ClangTidyError &E : Findings)
      if (--(*InBaseline)[E.DiagnosticName] == 0)
        InBaseline->erase(E.DiagnosticName);
  }
  if (Changed)
    corolint::keepChanged(Findings, *Changed);
  writeFindings(Findings, *Config, EnabledChecks, Sources->size(),
                InBaseline ? &*InBaseline : nullptr);

  bool FixFailed = false;
  if (Fix) {
    if (!TestingBeforeFix.empty())
      llvm::sys::ExecuteAndWait("/bin/sh", {"/bin/sh", "-c", TestingBeforeFix});
    corolint::FixSummary Summary =
        corolint::applyFixes(Findings, Result.ContentHashes, UnsafeFixes);
    for (const std::string &Problem : Summary.Problems)
      fail(Problem);
    FixFailed = !Summary.Problems.empty();
    if (Summary.Suggested)
      llvm::errs() << "corolint: applied " << Summary.Applied << " of "
                   << Summary.Suggested << " suggested fixes\n";
    if (Summary.UnsafeSkipped)
      llvm::errs() << "corolint: " << Summary.UnsafeSkipped << " unsafe "
                   << (Summary.UnsafeSkipped == 1 ? "fix" : "fixes")
                   << " not applied; --unsafe-fixes applies them too\n";
  }
  if (!ExportFixes.empty()) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(ExportFixes, EC, llvm::sys::fs::OF_None);
    if (EC)
      return fail("cannot write '" + ExportFixes + "': " + EC.message());
    // What --fix would apply, and a note on each unsafe fix-it (exported
    // only with --unsafe-fixes): clang-apply-replacements skips a file with
    // fields it does not know.
    std::vector<ClangTidyError> Exported = Findings;
    if (OutputFormat != Format::Text)
      corolint::noteUnsafeFixes(Exported, UnsafeFixes);
    for (ClangTidyError &E : Exported)
      if (!corolint::applicableFix(E, UnsafeFixes))
        E.Message.Fix.clear();
    exportReplacements(Sources->front(), Exported, OS);
  }
  // Last on stderr, and never on stdout: machine formats stay pure. Shown
  // by itself only to people reading text at a terminal.
  if (Statistics || (OutputFormat == Format::Text && !Quiet &&
                     llvm::sys::Process::StandardErrIsDisplayed()))
    corolint::writeSummary(
        Findings, Sources->size(),
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
            .count(),
        llvm::errs());
  if (FixFailed)
    return ExitError;
  // Recording today's findings is what was asked: it succeeded.
  if (!WriteBaseline.empty())
    return ExitClean;
  return Findings.empty() || ExitZero ? ExitClean : ExitFindings;
}

int main(int argc, const char **argv) {
  llvm::InitLLVM Init(argc, argv);
  // A reader that leaves (`corolint | head`) ends the run as it ends cat or
  // grep: SIGPIPE's default action, without a word. InitLLVM's handler
  // would exit with 74 instead, which looks like a failure of corolint's.
  llvm::sys::SetOneShotPipeSignalFunction(nullptr);
  int Code = run(argc, argv);
  // Where SIGPIPE is ignored (a parent chose so), the writes fail instead:
  // the same quiet end, with the status a shell gives a process SIGPIPE
  // killed, rather than LLVM's "IO failure on output stream".
  llvm::outs().flush();
  if (llvm::outs().has_error() &&
      llvm::outs().error() == std::errc::broken_pipe) {
    llvm::outs().clear_error();
    return 128 + SIGPIPE;
  }
  return Code;
}
