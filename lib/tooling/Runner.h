//===--- Runner.h - run the checks over many files, in parallel ------------===//

#ifndef COROLINT_LIB_RUNNER_H
#define COROLINT_LIB_RUNNER_H

#include "tooling/FileResult.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <functional>
#include <memory>
#include <vector>

namespace corolint {

using OptionsFactory =
    std::function<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>()>;

struct RunOptions {
  unsigned Jobs = 1;
  /// Take fix-its from notes too (clang-tidy's ApplyAnyFix).
  bool ApplyAnyFix = false;
  /// Parse only the declarations of functions in system headers: no check
  /// looks into their bodies, and skipping them halves the parse.
  bool SkipSystemBodies = true;
  /// Parse only the declarations of functions in the user's headers whose
  /// bodies name nothing the checks look for (QuietBodies). Off by default:
  /// findings can differ (docs/performance.md).
  bool SkipQuietBodies = false;
  /// Where results are kept across runs (see ResultCache); empty: nowhere.
  std::string CacheDir;
  /// Precompile the include block that several files start with, once.
  bool SharePreambles = true;
};

struct RunResult {
  /// Every finding, sorted, without duplicates or overlapping fix-its.
  std::vector<clang::tidy::ClangTidyError> Findings;
  /// A hash (contentHash) of each user file (not system header) as the checks
  /// saw it, by absolute path: --fix compares it before writing.
  llvm::StringMap<uint64_t> ContentHashes;
  /// Files whose results came from the cache.
  unsigned CacheHits = 0;
  /// Precompiled preambles built, taken from the cache, and files parsed
  /// with one.
  unsigned PreamblesBuilt = 0;
  unsigned PreamblesReused = 0;
  unsigned FilesWithPreamble = 0;
  /// With SkipQuietBodies: files analysed again with every body, since a
  /// body skipped mattered.
  unsigned FilesParsedAgain = 0;
};

/// Runs the enabled checks on \p Files with \p Options.Jobs threads, each
/// file with a clang-tidy context of its own (from \p MakeOptions).
/// \p Progress is called after each file.
RunResult runChecks(
    const OptionsFactory &MakeOptions,
    const clang::tooling::CompilationDatabase &Compilations,
    const std::vector<std::string> &Files, const RunOptions &Options,
    const std::function<void(size_t Done, size_t Total, llvm::StringRef File)>
        &Progress);

class SharedPreamble;

/// Runs the checks on one file, reading files through \p FS, with the
/// precompiled \p Preamble if it has one.
FileResult lintFile(clang::tidy::ClangTidyContext &Context,
                    const clang::tooling::CompilationDatabase &Compilations,
                    const std::string &File,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                    const RunOptions &Options,
                    const SharedPreamble *Preamble = nullptr);

} // namespace corolint

#endif // COROLINT_LIB_RUNNER_H
