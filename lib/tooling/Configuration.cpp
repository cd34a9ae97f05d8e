//===--- Configuration.cpp - reading and checking the configuration -------===//

#include "tooling/Configuration.h"
#include "model/Frameworks.h"
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
static std::vector<std::pair<llvm::StringRef, const std::optional<std::string> *>>
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
        if (std::string Problem = invalidRegexIn(Name, *Value); !Problem.empty())
          return "invalid configuration in " + It->second + ": " + Problem;
      break;
    }
  }
  return "";
}

std::vector<std::string> unknownChecks(llvm::StringRef Globs) {
  ClangTidyCheckFactories Factories;
  for (const auto &Module : ClangTidyModuleRegistry::entries())
    Module.instantiate()->addCheckFactories(Factories);
  llvm::StringSet<> Registered;
  for (const auto &Factory : Factories)
    Registered.insert(Factory.getKey());
  std::vector<std::string> Unknown;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Glob : Parts) {
    Glob = Glob.trim();
    Glob.consume_front("-");
    if (!Glob.empty() && !Glob.contains('*') && !Registered.contains(Glob))
      Unknown.push_back(Glob.str());
  }
  return Unknown;
}

std::vector<std::string>
frameworkOptionProblems(const ClangTidyOptions &Options) {
  std::vector<std::string> Problems;
  FrameworkTable::configured(Options.CheckOptions, Problems);
  return Problems;
}

} // namespace corolint
