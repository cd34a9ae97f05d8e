//===--- Driver.cpp - the corolint command --------------------------------===//
//
// A thin main: options in, clang-tidy's runner with corolint's checks, exit
// code out. 0: no findings, 1: findings, 2: usage or internal error.
//
//===----------------------------------------------------------------------===//

#include "tooling/CompileCommands.h"
#include "tooling/Filters.h"
#include "tooling/Fixes.h"
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
#include "llvm/Support/Threading.h"
#include "llvm/Support/TimeProfiler.h"
#include "llvm/Support/raw_ostream.h"
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
cl::opt<bool> Fix("fix", cl::desc("Apply the suggested fixes in place."),
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
enum class Format { Text, Json, GitHub, Sarif };
cl::opt<Format> OutputFormat(
    "format", cl::desc("Output format:"), cl::init(Format::Text),
    cl::values(clEnumValN(Format::Text, "text", "clang-style diagnostics"),
               clEnumValN(Format::Json, "json", "a JSON array, one object per finding"),
               clEnumValN(Format::GitHub, "github",
                          "GitHub Actions workflow annotations"),
               clEnumValN(Format::Sarif, "sarif", "SARIF 2.1.0")),
    cl::cat(Category));
cl::opt<unsigned> Jobs("j",
                       cl::desc("Number of files linted in parallel (default: "
                                "all cores)."),
                       cl::init(0), cl::Prefix, cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("No progress lines on stderr."),
                    cl::cat(Category));
cl::opt<bool> Verbose("verbose",
                      cl::desc("Say on stderr what was reused: cached "
                               "results, shared preambles."),
                      cl::cat(Category));
enum class Color { Auto, Always, Never };
// Spelled --color on the command line; LLVM itself registers "color".
cl::opt<Color> UseColor(
    "corolint-color", cl::desc("Colors in text output (--color=...):"),
    cl::init(Color::Auto),
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

/// The compile commands to use: after `--`, those arguments for every file;
/// otherwise the database in -p or above the first file.
std::unique_ptr<tooling::CompilationDatabase>
loadCompilations(llvm::ArrayRef<const char *> CompilerArgs, bool HasSeparator,
                 std::string &Error) {
  if (HasSeparator) {
    std::vector<std::string> Args(CompilerArgs.begin(), CompilerArgs.end());
    return std::make_unique<tooling::FixedCompilationDatabase>(".", Args);
  }
  if (!BuildPath.empty()) {
    if (!llvm::sys::fs::is_directory(BuildPath)) {
      Error = "build directory '" + BuildPath + "' does not exist";
      return nullptr;
    }
    std::string Reason;
    auto DB = tooling::CompilationDatabase::autoDetectFromDirectory(BuildPath,
                                                                   Reason);
    if (!DB)
      Error = "cannot read the compilation database in '" + BuildPath +
              "': " + Reason;
    return DB;
  }
  if (Files.empty()) {
    Error = "no input files; give source files, or -p <build-dir>";
    return nullptr;
  }
  std::string Reason;
  auto DB = tooling::CompilationDatabase::autoDetectFromSource(Files.front(),
                                                              Reason);
  if (!DB)
    Error = "no compilation database found for '" + Files.front() +
            "'; use -p <build-dir> or give compiler arguments after '--'";
  return DB;
}

/// Parses configuration in .clang-tidy form. On failure \p Problem says why:
/// "line:column: message" when the YAML parser located it (\p Located), or
/// clang-tidy's own reason.
std::optional<ClangTidyOptions> parseConfig(llvm::MemoryBufferRef Config,
                                            std::string &Problem,
                                            bool &Located) {
  Problem.clear();
  auto Parsed = parseConfigurationWithDiags(
      Config, [&](const llvm::SMDiagnostic &D) {
        if (Problem.empty())
          Problem = (llvm::Twine(D.getLineNo()) + ":" +
                     llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                        .str();
      });
  Located = !Problem.empty();
  if (Parsed)
    return *Parsed;
  if (!Located)
    Problem = Parsed.getError().message();
  return std::nullopt;
}

/// The first problem in the .clang-tidy files that apply to \p Path, or
/// empty. clang-tidy would report a broken one for every file and go on
/// without it; corolint stops with one line.
std::string brokenConfigAbove(const std::string &Path, bool ConfigGiven) {
  static llvm::StringSet<> Checked;
  if (ConfigGiven)
    return "";
  llvm::SmallString<256> Dir(Path);
  llvm::sys::fs::make_absolute(Dir);
  if (!llvm::sys::fs::is_directory(Dir))
    llvm::sys::path::remove_filename(Dir);
  for (; !Dir.empty(); Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> File(Dir);
    llvm::sys::path::append(File, ".clang-tidy");
    if (!Checked.insert(File).second)
      break;
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer)
      continue;
    std::string Problem;
    bool Located = false;
    if (!parseConfig((*Buffer)->getMemBufferRef(), Problem, Located))
      return ("invalid configuration in " + File + (Located ? ":" : ": ") +
              Problem)
          .str();
  }
  return "";
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

int main(int argc, const char **argv) {
  llvm::InitLLVM Init(argc, argv);
  (void)corolint::CorolintModuleAnchorSource;

  // Split at `--`: what follows is a compile command for every file.
  int Separator = argc;
  for (int I = 1; I < argc; ++I)
    if (llvm::StringRef(argv[I]) == "--") {
      Separator = I;
      break;
    }
  bool HasSeparator = Separator < argc;
  llvm::ArrayRef<const char *> CompilerArgs(
      argv + std::min(Separator + 1, argc), argv + argc);

  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "corolint 0.1.0 (LLVM " << LLVM_VERSION_STRING << ")\n";
  });
  // --color=... is ours; LLVM's own boolean --color option is hidden.
  std::vector<std::string> Renamed;
  Renamed.reserve(Separator); // No reallocation: the c_str()s stay valid.
  std::vector<const char *> Args(argv, argv + Separator);
  for (const char *&Arg : Args) {
    llvm::StringRef A(Arg);
    if (A.consume_front("--color=") || A.consume_front("-color=")) {
      Renamed.push_back(("--corolint-color=" + A).str());
      Arg = Renamed.back().c_str();
    }
  }
  std::string ParseErrors;
  if (!parseOptions(Args, ParseErrors)) {
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
    return fail(Message + "; see 'corolint --help'");
  }

  ClangTidyGlobalOptions GlobalOptions;
  ClangTidyOptions DefaultOptions = ClangTidyOptions::getDefaults();
  // coro-sequential-awaits is a performance hint, enabled on request.
  DefaultOptions.Checks = "-*,coro-*,-coro-sequential-awaits";
  // Coroutines in the project's own headers matter as much as in its
  // sources; clang-tidy 22 made this its default too.
  DefaultOptions.HeaderFilterRegex = ".*";
  ClangTidyOptions OverrideOptions;
  // The driver runs corolint's checks; Clang's static analyzer is not ours.
  OverrideOptions.Checks =
      (Checks.empty() ? std::string() : Checks + ",") + "-clang-analyzer-*";
  if (!HeaderFilter.empty())
    OverrideOptions.HeaderFilterRegex = HeaderFilter;

  if (!WarningsAsErrors.empty())
    OverrideOptions.WarningsAsErrors = WarningsAsErrors;
  if (UseColor != Color::Auto)
    OverrideOptions.UseColor = UseColor == Color::Always;

  if (!Explain.empty()) {
    std::optional<llvm::StringRef> Doc = corolint::checkDocumentation(Explain);
    if (!Doc)
      return fail("unknown check '" + Explain + "'; see --list-checks");
    llvm::outs() << *Doc;
    return ExitClean;
  }

  std::string ConfigText = Config;
  std::string ConfigName = "--config";
  if (!ConfigFile.empty()) {
    if (!Config.empty())
      return fail("use either --config or --config-file, not both");
    auto Buffer = llvm::MemoryBuffer::getFile(ConfigFile);
    if (!Buffer)
      return fail("cannot read '" + ConfigFile + "': " +
                  Buffer.getError().message());
    ConfigText = (*Buffer)->getBuffer().str();
    ConfigName = ConfigFile;
  }
  std::optional<ClangTidyOptions> Configured;
  if (!ConfigText.empty()) {
    std::string Problem;
    bool Located = false;
    Configured = parseConfig(llvm::MemoryBufferRef(ConfigText, ConfigName),
                             Problem, Located);
    if (!Configured)
      return fail("invalid configuration in " + ConfigName + ": " + Problem);
  }
  // Each worker thread needs a provider of its own.
  auto MakeOptions = [&]() -> std::unique_ptr<ClangTidyOptionsProvider> {
    auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
        llvm::vfs::createPhysicalFileSystem());
    if (Configured)
      return std::make_unique<ConfigOptionsProvider>(
          GlobalOptions, DefaultOptions, *Configured, OverrideOptions, FS);
    return std::make_unique<FileOptionsProvider>(GlobalOptions, DefaultOptions,
                                                 OverrideOptions, FS);
  };
  std::unique_ptr<ClangTidyOptionsProvider> OptionsProvider = MakeOptions();
  auto BaseFS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());

  llvm::SmallString<256> ConfigPath(Files.empty() ? "" : Files.front());
  if (ConfigPath.empty() || llvm::sys::fs::make_absolute(ConfigPath))
    llvm::sys::fs::current_path(ConfigPath);
  if (std::string Problem =
          brokenConfigAbove(ConfigPath.str().str(), Configured.has_value());
      !Problem.empty())
    return fail(Problem);
  std::vector<std::string> EnabledChecks =
      getCheckNames(OptionsProvider->getOptions(ConfigPath),
                    /*AllowEnablingAnalyzerAlphaCheckers=*/false
#if LLVM_VERSION_MAJOR >= 22
                    ,
                    /*ExperimentalCustomChecks=*/false
#endif
      );
  if (DumpConfig) {
    ClangTidyOptions Effective = OptionsProvider->getOptions(ConfigPath);
    Effective.CheckOptions = getCheckOptions(Effective,
                                             /*AllowEnablingAnalyzerAlphaCheckers=*/false
#if LLVM_VERSION_MAJOR >= 22
                                             ,
                                             /*ExperimentalCustomChecks=*/false
#endif
    );
    llvm::outs() << configurationAsText(Effective) << "\n";
    return ExitClean;
  }
  if (ListChecks) {
    llvm::outs() << "Enabled checks:\n";
    for (const std::string &Name : EnabledChecks)
      llvm::outs() << "    " << Name << "\n";
    return ExitClean;
  }
  if (ParseOnly)
    OverrideOptions.Checks = "-*";
  else if (EnabledChecks.empty())
    return fail("no checks enabled; see --checks and the Checks of "
                ".clang-tidy files");
  // Like clang-tidy: a check named in --checks that does not exist is
  // probably a typo.
  {
    llvm::SmallVector<llvm::StringRef, 8> Globs;
    llvm::StringRef(Checks).split(Globs, ',', -1, false);
    for (llvm::StringRef Glob : Globs) {
      Glob = Glob.trim();
      Glob.consume_front("-");
      if (Glob.empty() || Glob.contains('*') ||
          corolint::checkDocumentation(Glob))
        continue;
      llvm::errs() << "corolint: warning: unknown check '" << Glob << "'\n";
    }
  }

  std::string Error;
  std::unique_ptr<tooling::CompilationDatabase> Base =
      loadCompilations(CompilerArgs, HasSeparator, Error);
  if (!Base)
    return fail(Error);
  std::vector<std::string> Sources(Files.begin(), Files.end());
  if (Sources.empty()) {
    // The database's own order is not stable: lint, and report progress, in
    // path order.
    Sources = Base->getAllFiles();
    llvm::sort(Sources);
  }
  if (Sources.empty())
    return fail("no input files; the compilation database lists none");
  for (const std::string &Source : Sources) {
    if (!llvm::sys::fs::exists(Source))
      return fail("no such file: '" + Source + "'");
    if (!llvm::sys::fs::is_regular_file(Source))
      return fail("'" + Source + "' is not a regular file");
    auto Readable = llvm::sys::fs::openNativeFileForRead(Source);
    if (!Readable)
      return fail("cannot read '" + Source +
                  "': " + llvm::toString(Readable.takeError()));
    llvm::sys::fs::closeFile(*Readable);
  }
  if (!Include.empty() || !Exclude.empty()) {
    auto Compile = [&](const cl::list<std::string> &Globs,
                       std::vector<llvm::GlobPattern> &Out) -> std::string {
      for (const std::string &Glob : Globs) {
        auto Pattern = llvm::GlobPattern::create(Glob);
        if (!Pattern)
          return "invalid glob '" + Glob + "': " + llvm::toString(Pattern.takeError());
        Out.push_back(std::move(*Pattern));
      }
      return "";
    };
    std::vector<llvm::GlobPattern> Includes, Excludes;
    std::string Problem = Compile(Include, Includes);
    if (Problem.empty())
      Problem = Compile(Exclude, Excludes);
    if (!Problem.empty())
      return fail(Problem);
    auto Matches = [](const std::vector<llvm::GlobPattern> &Patterns,
                      llvm::StringRef Path) {
      return llvm::any_of(Patterns, [&](const llvm::GlobPattern &P) {
        return P.match(Path);
      });
    };
    std::vector<std::string> Kept;
    for (const std::string &Source : Sources)
      if ((Includes.empty() || Matches(Includes, Source)) &&
          !Matches(Excludes, Source))
        Kept.push_back(Source);
    Sources = std::move(Kept);
    if (Sources.empty())
      return fail("no input files left after --include/--exclude");
  }
  if (!Shard.empty()) {
    unsigned K = 0, N = 0;
    auto [KText, NText] = llvm::StringRef(Shard).split('/');
    if (KText.getAsInteger(10, K) || NText.getAsInteger(10, N) || N == 0 ||
        K == 0 || K > N)
      return fail("--shard takes K/N with 1 <= K <= N, not '" + Shard + "'");
    std::vector<std::string> Mine;
    for (size_t I = 0; I < Sources.size(); ++I)
      if (I % N == K - 1)
        Mine.push_back(Sources[I]);
    Sources = std::move(Mine);
  }

  for (const std::string &Source : Sources)
    if (std::string Problem = brokenConfigAbove(Source, Configured.has_value());
        !Problem.empty())
      return fail(Problem);

  // The changed lines, read before the long run so that errors come first.
  std::optional<corolint::ChangedLines> Changed;
  if (!Diff.empty()) {
    std::string Text;
    llvm::SmallString<256> Root;
    if (Diff == "-") {
      auto Input = llvm::MemoryBuffer::getSTDIN();
      if (!Input)
        return fail("cannot read the diff from stdin");
      Text = (*Input)->getBuffer().str();
      llvm::sys::fs::current_path(Root);
    } else {
      auto Git = llvm::sys::findProgramByName("git");
      if (!Git)
        return fail("--diff needs git on the PATH");
      auto Run = [&](llvm::ArrayRef<llvm::StringRef> Args,
                     std::string &Out) -> bool {
        llvm::SmallString<128> OutFile;
        if (llvm::sys::fs::createTemporaryFile("corolint-git", "txt", OutFile))
          return false;
        std::optional<llvm::StringRef> Redirects[] = {std::nullopt,
                                                      llvm::StringRef(OutFile),
                                                      llvm::StringRef("")};
        int Status = llvm::sys::ExecuteAndWait(*Git, Args, std::nullopt,
                                               Redirects);
        auto Buffer = llvm::MemoryBuffer::getFile(OutFile);
        llvm::sys::fs::remove(OutFile);
        if (Status != 0 || !Buffer)
          return false;
        Out = (*Buffer)->getBuffer().str();
        return true;
      };
      std::string Top;
      if (!Run({"git", "rev-parse", "--show-toplevel"}, Top))
        return fail("--diff: not inside a git work tree");
      Root = llvm::StringRef(Top).trim();
      if (!Run({"git", "-C", Root, "diff", "-U0", "--no-color", "--no-ext-diff",
                Diff},
               Text))
        return fail("--diff: 'git diff " + Diff + "' failed");
    }
    Changed = corolint::parseUnifiedDiff(Text, Root);
  }

  auto Compilations =
      std::make_unique<tooling::ArgumentsAdjustingCompilations>(
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

  if (Fix && OutputFormat != Format::Text)
    return fail("--fix reports in text; use --export-fixes with other formats");

  corolint::RunOptions Run;
  Run.Jobs = Jobs ? Jobs : llvm::hardware_concurrency().compute_thread_count();
  Run.ApplyAnyFix = Fix || !ExportFixes.empty();
  Run.SkipSystemBodies = SkipSystemBodies;
  Run.CacheDir = CacheDir;
  Run.SharePreambles = SharePreambles;
  bool ShowProgress = !Quiet && Sources.size() > 1 &&
                      llvm::sys::Process::StandardErrIsDisplayed();
  if (!TimeTrace.empty())
    llvm::timeTraceProfilerInitialize(/*TimeTraceGranularity=*/0, "corolint");
  corolint::RunResult Result = corolint::runChecks(
      MakeOptions, *Compilations, Sources, Run,
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
  std::vector<ClangTidyError> &Findings = Result.Findings;
  if (Verbose) {
    auto Count = [](unsigned N, llvm::StringRef Noun) {
      return std::to_string(N) + " " + Noun.str() + (N == 1 ? "" : "s");
    };
    if (!CacheDir.empty())
      llvm::errs() << "corolint: reused the cached findings of "
                   << Result.CacheHits << " of "
                   << Count(Sources.size(), "file") << "\n";
    llvm::errs() << "corolint: parsed " << Count(Result.FilesWithPreamble, "file")
                 << " with "
                 << Count(Result.PreamblesBuilt + Result.PreamblesReused,
                          "shared precompiled preamble");
    if (!CacheDir.empty())
      llvm::errs() << " (" << Result.PreamblesReused << " from the cache)";
    llvm::errs() << "\n";
  }

  corolint::firstErrorPerFile(Findings);
  if (!WriteBaseline.empty())
    if (llvm::Error E = corolint::writeBaseline(Findings, WriteBaseline))
      return fail(llvm::toString(std::move(E)));
  if (!Baseline.empty())
    if (llvm::Error E = corolint::applyBaseline(Findings, Baseline))
      return fail(llvm::toString(std::move(E)));
  if (Changed)
    corolint::keepChanged(Findings, *Changed);

  switch (OutputFormat) {
  case Format::Text: {
    ClangTidyContext Context(MakeOptions());
    unsigned WarningsAsErrorsCount = 0;
    handleErrors(Findings, Context, FB_NoFix, WarningsAsErrorsCount, BaseFS);
    break;
  }
  case Format::Json:
    corolint::writeJson(Findings, llvm::outs());
    break;
  case Format::GitHub:
    corolint::writeGitHub(Findings, llvm::outs());
    break;
  case Format::Sarif:
    corolint::writeSarif(Findings, EnabledChecks, "0.1.0", llvm::outs());
    break;
  }

  bool FixFailed = false;
  if (Fix) {
    if (!TestingBeforeFix.empty())
      llvm::sys::ExecuteAndWait("/bin/sh", {"/bin/sh", "-c", TestingBeforeFix});
    corolint::FixSummary Summary =
        corolint::applyFixes(Findings, Result.ContentHashes);
    for (const std::string &Problem : Summary.Problems)
      fail(Problem);
    FixFailed = !Summary.Problems.empty();
    if (Summary.Suggested)
      llvm::errs() << "corolint: applied " << Summary.Applied << " of "
                   << Summary.Suggested << " suggested fixes\n";
  }

  if (!ExportFixes.empty()) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(ExportFixes, EC, llvm::sys::fs::OF_None);
    if (EC)
      return fail("cannot write '" + ExportFixes + "': " + EC.message());
    exportReplacements(Sources.front(), Findings, OS);
  }
  if (FixFailed)
    return ExitError;
  return Findings.empty() ? ExitClean : ExitFindings;
}
