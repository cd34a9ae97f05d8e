//===--- Fixes.h - apply fix-its without ever losing the user's code -------===//

#ifndef COROLINT_LIB_FIXES_H
#define COROLINT_LIB_FIXES_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include <string>
#include <vector>

namespace corolint {

/// Whether a check's fix-its keep the code's meaning (FixSafety.def).
enum class FixSafety { Safe, Unsafe };

struct FixClass {
  FixSafety Safety;
  /// Why it is unsafe (for safe ones, why it is not); never empty.
  llvm::StringRef Reason;
};

/// The classification of \p Check's fix-its; unlisted checks' (compiler
/// diagnostics') are unsafe.
FixClass fixClassOf(llvm::StringRef Check);

/// "safe" or "unsafe".
llvm::StringRef spelling(FixSafety Safety);

/// The fix-it that --fix (with \p Unsafe: --unsafe-fixes) applies for \p
/// Finding, or null: clang-tidy's getFixIt, less unsafe ones.
const llvm::StringMap<clang::tooling::Replacements> *
applicableFix(const clang::tidy::ClangTidyError &Finding, bool Unsafe);

/// Adds to every finding with an unsafe fix-it a note saying so and why,
/// for the outputs that have no field of their own for it (text,
/// --export-fixes); \p UnsafeAllowed: --unsafe-fixes was given.
void noteUnsafeFixes(std::vector<clang::tidy::ClangTidyError> &Findings,
                     bool UnsafeAllowed);

/// The fix-its of a run's findings, merged per file.
struct MergedFixes {
  llvm::StringMap<clang::tooling::Replacements> Files;
  /// How many fix-its went into each file.
  llvm::StringMap<unsigned> FixesInFile;
  /// Fix-its offered, merged or not (unsafe ones only with --unsafe-fixes).
  unsigned Suggested = 0;
  /// Unsafe fix-its left out (without --unsafe-fixes).
  unsigned UnsafeSkipped = 0;
};

/// Merges the fix-it of every finding, in order; a fix-it that collides
/// with one merged before is left out whole, never in part. Unsafe ones
/// only with \p Unsafe.
MergedFixes mergeFixes(llvm::ArrayRef<clang::tidy::ClangTidyError> Findings,
                       bool Unsafe);

struct FixSummary {
  unsigned Applied = 0;
  unsigned Suggested = 0;
  unsigned UnsafeSkipped = 0;
  /// One line per file left untouched, and why.
  std::vector<std::string> Problems;
};

/// Applies the fix-it of every finding. A file is written only if its
/// content still hashes to \p AnalysedHashes' value (it has not changed
/// since the checks read it) and it is writable; it is replaced atomically
/// (temporary file, fsync, rename), so it is either old or new, never torn.
/// Unsafe fix-its only with \p Unsafe (--unsafe-fixes).
FixSummary
applyFixes(llvm::ArrayRef<clang::tidy::ClangTidyError> Findings,
           const llvm::StringMap<uint64_t> &AnalysedHashes, bool Unsafe);

} // namespace corolint

#endif // COROLINT_LIB_FIXES_H
