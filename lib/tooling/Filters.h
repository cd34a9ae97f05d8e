//===--- Filters.h - which findings a CI run reports ----------------------===//

#ifndef COROLINT_LIB_FILTERS_H
#define COROLINT_LIB_FILTERS_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <set>
#include <string>
#include <vector>

namespace corolint {

/// How a baseline names files.
enum class BaselinePaths {
  /// Relative to the file's repository (the nearest directory above it with
  /// a .git), so that a baseline applies in every clone; absolute outside
  /// any repository.
  InRepository,
  /// Absolute, as baselines were first written (still read).
  Absolute,
};

/// A finding's identity for baselines: check, file, message and the text of
/// its line (trimmed), plus which occurrence of that it is, so that it
/// survives unrelated lines moving above it.
std::vector<std::string>
baselineKeys(llvm::ArrayRef<clang::tidy::ClangTidyError> Findings,
             BaselinePaths Paths = BaselinePaths::InRepository);

/// Writes the findings' identities to \p Path (one per line).
llvm::Error writeBaseline(llvm::ArrayRef<clang::tidy::ClangTidyError> Findings,
                          llvm::StringRef Path);

/// Drops the findings recorded in the baseline at \p Path, whichever way it
/// names files.
llvm::Error applyBaseline(std::vector<clang::tidy::ClangTidyError> &Findings,
                          llvm::StringRef Path);

/// Changed lines per absolute file path, from a unified diff (`git diff -U0`)
/// whose paths are relative to \p Root.
using ChangedLines = llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>>;
ChangedLines parseUnifiedDiff(llvm::StringRef Diff, llvm::StringRef Root);
/// The same, each path made absolute by \p Resolve.
ChangedLines parseUnifiedDiff(
    llvm::StringRef Diff,
    llvm::function_ref<std::string(llvm::StringRef Relative)> Resolve);

/// Keeps the findings on changed lines.
void keepChanged(std::vector<clang::tidy::ClangTidyError> &Findings,
                 const ChangedLines &Changed);

/// Keeps only the first compiler error of each file: one broken file is one
/// report, not hundreds.
void firstErrorPerFile(std::vector<clang::tidy::ClangTidyError> &Findings);

/// The 1-based line of \p Offset in \p File.
unsigned lineOf(llvm::StringRef File, unsigned Offset);

} // namespace corolint

#endif // COROLINT_LIB_FILTERS_H
