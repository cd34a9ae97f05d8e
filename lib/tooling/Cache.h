//===--- Cache.h - findings kept across runs, per translation unit ---------===//

#ifndef COROLINT_LIB_CACHE_H
#define COROLINT_LIB_CACHE_H

#include "tooling/FileResult.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <string>
#include <vector>

namespace corolint {

struct PrecompiledBlock;

/// A directory of FileResults, one file each (and of the precompiled
/// preambles that produced them, see PrecompiledBlock), named by a hash of the
/// corolint and LLVM versions, the source file, its command line and its
/// configuration. An entry is used only while every input still has the
/// content it had (ccache's "direct mode"): any change to a header, a flag
/// or an option re-analyses exactly the translation units it affects.
class ResultCache {
public:
  explicit ResultCache(std::string Directory) : Directory(std::move(Directory)) {}

  static std::string key(llvm::StringRef File,
                         llvm::ArrayRef<std::string> CommandLine,
                         llvm::StringRef Configuration);

  /// The stored result for \p Key if all its inputs are unchanged.
  std::optional<FileResult> lookup(llvm::StringRef Key) const;

  /// Stores \p Result atomically (concurrent runs may share a directory).
  /// Results that cannot be stored faithfully are skipped.
  void store(llvm::StringRef Key, const FileResult &Result) const;

  /// Fills in \p Kept (the PCH of a shared preamble and what it read) from
  /// the entry \p Key if every file it read is unchanged; false otherwise.
  bool lookupPreamble(llvm::StringRef Key, PrecompiledBlock &Kept) const;

  /// Stores the PCH and the inputs of a built preamble under \p Key.
  void storePreamble(llvm::StringRef Key, const PrecompiledBlock &Built) const;

  /// Forgets the preamble stored under \p Key.
  void dropPreamble(llvm::StringRef Key) const;

  /// Removes what runs killed while writing left behind (temporary files
  /// older than an hour: younger ones may be another run's, in progress).
  void removeStaleTemporaries() const;

private:
  std::string pathOf(llvm::StringRef Key,
                     llvm::StringRef Extension = ".json") const;
  std::string Directory;
};

} // namespace corolint

#endif // COROLINT_LIB_CACHE_H
