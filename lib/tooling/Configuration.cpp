//===--- Configuration.cpp - reading and checking the configuration -------===//

#include "tooling/Configuration.h"
#include "model/Frameworks.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

using namespace clang::tidy;

namespace corolint {

std::optional<ClangTidyOptions>
parseConfiguration(llvm::MemoryBufferRef Config, std::string &Problem,
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

std::string brokenConfigurationAbove(const std::string &Path) {
  static llvm::StringSet<> Checked;
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
    if (!parseConfiguration((*Buffer)->getMemBufferRef(), Problem, Located))
      return ("invalid configuration in " + File + (Located ? ":" : ": ") +
              Problem)
          .str();
  }
  return "";
}

/// The regular expressions of a configuration, by field name.
static std::vector<
    std::pair<llvm::StringRef, const std::optional<std::string> *>>
regexFields(const ClangTidyOptions &Options) {
  return {{"HeaderFilterRegex", &Options.HeaderFilterRegex},
          {"ExcludeHeaderFilterRegex", &Options.ExcludeHeaderFilterRegex}};
}

static std::string invalidRegexIn(llvm::StringRef Field,
                                  const std::optional<std::string> &Value) {
  std::string Error;
  if (!Value || llvm::Regex(*Value).isValid(Error))
    return "";
  return (Field + " '" + *Value + "': " + Error).str();
}

std::string invalidRegex(const ClangTidyOptions &Options) {
  for (const auto &[Field, Value] : regexFields(Options))
    if (std::string Problem = invalidRegexIn(Field, *Value); !Problem.empty())
      return Problem;
  return "";
}

std::string invalidRegexAbove(ClangTidyOptionsProvider &Provider,
                              const std::string &Path) {
  std::vector<ClangTidyOptionsProvider::OptionsSource> Sources =
      Provider.getRawOptions(Path);
  for (size_t Field = 0; Field < 2; ++Field) {
    // Later sources override earlier ones: the last that sets it decides.
    for (auto It = Sources.rbegin(); It != Sources.rend(); ++It) {
      auto Fields = regexFields(It->first);
      const auto &[Name, Value] = Fields[Field];
      if (!*Value)
        continue;
      // Only files: the command line's expressions are checked as given.
      if (llvm::sys::fs::exists(It->second))
        if (std::string Problem = invalidRegexIn(Name, *Value);
            !Problem.empty())
          return "invalid configuration in " + It->second + ": " + Problem;
      break;
    }
  }
  return "";
}

/// Every registered check's name.
static const llvm::StringSet<> &registeredChecks() {
  static const llvm::StringSet<> Registered = [] {
    ClangTidyCheckFactories Factories;
    for (const auto &Module : ClangTidyModuleRegistry::entries())
      Module.instantiate()->addCheckFactories(Factories);
    llvm::StringSet<> Names;
    for (const auto &Factory : Factories)
      Names.insert(Factory.getKey());
    return Names;
  }();
  return Registered;
}

/// Every option of corolint's checks under \p Effective, as `check.Option`:
/// what the checks store back (--dump-config) when all of them are enabled.
/// The configuration matters: a framework it adds has options of its own
/// (`coro-blocking-sleep.AcmeReplacement`).
static llvm::StringSet<> knownCheckOptions(const ClangTidyOptions &Effective) {
  ClangTidyOptions All = Effective;
  All.Checks = "-*,coro-*";
  llvm::StringSet<> Names;
  {
    for (const auto &Option :
         getCheckOptions(All,
                         /*AllowEnablingAnalyzerAlphaCheckers=*/false
#if LLVM_VERSION_MAJOR >= 22
                         ,
                         /*ExperimentalCustomChecks=*/false
#endif
                         ))
      Names.insert(Option.getKey());
  }
  return Names;
}

/// "; did you mean 'X'?" for the name in \p Candidates closest to \p Name,
/// if one is close enough to be a typo of it; else "".
static std::string didYouMean(llvm::StringRef Name,
                              const llvm::StringSet<> &Candidates) {
  unsigned Allowed = std::max<unsigned>(2, Name.size() / 4);
  unsigned Best = Allowed + 1;
  llvm::StringRef Closest;
  for (const auto &Candidate : Candidates) {
    unsigned Distance = Name.edit_distance(Candidate.getKey(),
                                           /*AllowReplacements=*/true, Allowed);
    if (Distance < Best || (Distance == Best && Candidate.getKey() < Closest)) {
      Best = Distance;
      Closest = Candidate.getKey();
    }
  }
  if (Best > Allowed)
    return "";
  return ("; did you mean '" + Closest + "'?").str();
}

/// The check names without wildcards in the comma-separated \p Globs.
static std::vector<llvm::StringRef> checkNames(llvm::StringRef Globs) {
  std::vector<llvm::StringRef> Names;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Glob : Parts) {
    Glob = Glob.trim();
    Glob.consume_front("-");
    if (!Glob.empty() && !Glob.contains('*'))
      Names.push_back(Glob);
  }
  return Names;
}

std::vector<std::string> unknownChecks(llvm::StringRef Globs) {
  std::vector<std::string> Unknown;
  for (llvm::StringRef Name : checkNames(Globs))
    if (!registeredChecks().contains(Name))
      Unknown.push_back(("unknown check '" + Name + "'" +
                         didYouMean(Name, registeredChecks()))
                            .str());
  return Unknown;
}

std::vector<std::string> unknownNames(const ClangTidyOptions &Options,
                                      llvm::StringRef Source,
                                      const ClangTidyOptions &Effective) {
  llvm::StringSet<> Known = knownCheckOptions(Effective);
  std::vector<std::string> Problems;
  if (Options.Checks)
    for (llvm::StringRef Name : checkNames(*Options.Checks))
      if (Name.starts_with("coro-") && !registeredChecks().contains(Name))
        Problems.push_back(("unknown check '" + Name + "' in " + Source +
                            didYouMean(Name, registeredChecks()))
                               .str());
  std::vector<llvm::StringRef> Keys;
  for (const auto &Option : Options.CheckOptions)
    Keys.push_back(Option.getKey());
  llvm::sort(Keys); // CheckOptions is a hash map: say them in a stable order.
  for (llvm::StringRef Key : Keys) {
    auto [Check, Name] = Key.split('.');
    if (!Check.starts_with("coro-") || Name.empty() || Known.contains(Key))
      continue;
    // A misspelt check in the option's name: the closest option overall.
    Problems.push_back(
        ("unknown option '" + Key + "' in " + Source + didYouMean(Key, Known))
            .str());
  }
  return Problems;
}

std::vector<std::string> unknownNamesAbove(ClangTidyOptionsProvider &Provider,
                                           const std::string &Path) {
  static llvm::StringSet<> Verified;
  std::vector<std::string> Problems;
  std::optional<ClangTidyOptions> Effective;
  for (const auto &[Options, Source] : Provider.getRawOptions(Path)) {
    // Only files: corolint's defaults and the command line are not typed
    // into a file (--config is verified as given).
    if (!llvm::sys::fs::exists(Source) || !Verified.insert(Source).second)
      continue;
    if (!Effective)
      Effective = Provider.getOptions(Path);
    std::vector<std::string> More = unknownNames(Options, Source, *Effective);
    Problems.insert(Problems.end(), More.begin(), More.end());
  }
  return Problems;
}

ConfigurationReview
reviewConfigurationAbove(ClangTidyOptionsProvider &Provider,
                         const std::string &Path) {
  ConfigurationReview Review;
  Review.Error = brokenConfigurationAbove(Path);
  if (Review.Error.empty())
    Review.Error = invalidRegexAbove(Provider, Path);
  if (Review.Error.empty())
    Review.Warnings = unknownNamesAbove(Provider, Path);
  return Review;
}

std::vector<std::string>
frameworkOptionProblems(const ClangTidyOptions &Options) {
  std::vector<std::string> Problems;
  FrameworkTable::configured(Options.CheckOptions, Problems);
  return Problems;
}

} // namespace corolint
