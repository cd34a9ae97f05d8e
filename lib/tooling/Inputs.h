//===--- Inputs.h - which files a run lints, and which lines changed ------===//

#ifndef COROLINT_LIB_TOOLING_INPUTS_H
#define COROLINT_LIB_TOOLING_INPUTS_H

#include "tooling/Filters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace corolint {

/// Where the compile commands come from.
struct CommandSource {
  /// The arguments after `--`, for every file (when HasSeparator).
  std::vector<std::string> CompilerArgs;
  bool HasSeparator = false;
  /// -p: a build directory with compile_commands.json.
  std::string BuildPath;
};

/// The compile commands: those after `--`, the database in BuildPath, or
/// the one found above the first of \p Files.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompilations(const CommandSource &Source,
                 const std::vector<std::string> &Files);

/// Which of the files to lint.
struct FileSelection {
  std::vector<std::string> Include, Exclude; // Globs; `*` also matches `/`.
  std::string Shard;                         // "K/N", or empty.
};

/// \p Files, or every file of \p Database in path order, each readable,
/// filtered by \p Selection.
llvm::Expected<std::vector<std::string>>
selectFiles(const std::vector<std::string> &Files,
            const clang::tooling::CompilationDatabase &Database,
            const FileSelection &Selection);

/// The lines changed since git revision \p Revision, or in the unified diff
/// on stdin when \p Revision is "-", with absolute paths.
llvm::Expected<ChangedLines> readChangedLines(llvm::StringRef Revision);

} // namespace corolint

#endif // COROLINT_LIB_TOOLING_INPUTS_H
