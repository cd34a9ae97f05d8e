//===--- FileResult.h - what the checks found in one translation unit -----===//

#ifndef COROLINT_LIB_FILERESULT_H
#define COROLINT_LIB_FILERESULT_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringMap.h"
#include <cstdint>
#include <vector>

namespace corolint {

/// What one translation unit produced. The runner makes it, the cache keeps
/// it and --fix trusts its hashes: a header of its own, so that none of them
/// needs the others to name it.
struct FileResult {
  std::vector<clang::tidy::ClangTidyError> Findings;
  /// Hashes (contentHash) of the user's files as the checks saw them, for
  /// --fix.
  llvm::StringMap<uint64_t> UserFiles;
  /// Every file the preprocessor read, headers included, with its hash:
  /// the preprocessed translation unit is a function of these and the
  /// command line.
  llvm::StringMap<uint64_t> Inputs;
  /// Parsed with a shared preamble (not stored in the cache).
  bool UsedPreamble = false;
  /// A body skipped as quiet mattered to the checks: the findings are to be
  /// thrown away and the file analysed again with every body (not stored).
  bool NeedsWholeParse = false;
  /// Analysed again so (not stored).
  bool ParsedAgain = false;
};

} // namespace corolint

#endif // COROLINT_LIB_FILERESULT_H
