//===--- Fixes.h - apply fix-its without ever losing the user's code -------===//

#ifndef COROLINT_LIB_FIXES_H
#define COROLINT_LIB_FIXES_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include <string>
#include <vector>

namespace corolint {

/// The fix-its of a run's findings, merged per file.
struct MergedFixes {
  llvm::StringMap<clang::tooling::Replacements> Files;
  /// How many fix-its went into each file.
  llvm::StringMap<unsigned> FixesInFile;
  /// Fix-its offered, merged or not.
  unsigned Suggested = 0;
};

/// Merges the fix-it of every finding, in order; a fix-it that collides
/// with one merged before is left out whole, never in part.
MergedFixes mergeFixes(llvm::ArrayRef<clang::tidy::ClangTidyError> Findings);

struct FixSummary {
  unsigned Applied = 0;
  unsigned Suggested = 0;
  /// One line per file left untouched, and why.
  std::vector<std::string> Problems;
};

/// Applies the fix-it of every finding. A file is written only if its
/// content still hashes to \p AnalysedHashes' value (it has not changed
/// since the checks read it) and it is writable; it is replaced atomically
/// (temporary file, fsync, rename), so it is either old or new, never torn.
FixSummary
applyFixes(llvm::ArrayRef<clang::tidy::ClangTidyError> Findings,
           const llvm::StringMap<uint64_t> &AnalysedHashes);

} // namespace corolint

#endif // COROLINT_LIB_FIXES_H
