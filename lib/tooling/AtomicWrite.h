//===--- AtomicWrite.h - replace a file whole or not at all ---------------===//

#ifndef COROLINT_LIB_ATOMICWRITE_H
#define COROLINT_LIB_ATOMICWRITE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include <string>

namespace corolint {

/// Writes \p Content to \p Path whole or not at all, through a temporary file
/// made from \p TemporaryModel (in the same directory) and a rename;
/// \p Durable also flushes it to disk first. Returns why it failed, or "".
/// Used by --fix (the user's sources: durable) and by the cache (entries
/// that concurrent runs share: a lost one is only a miss).
std::string writeAtomically(llvm::StringRef Path, llvm::StringRef Content,
                            const llvm::Twine &TemporaryModel,
                            llvm::sys::fs::perms Mode, bool Durable);

/// Why \p Path cannot be written (created, or replaced if it exists), or
/// "": asked before a long run whose results are to go there.
std::string whyUnwritable(llvm::StringRef Path);

} // namespace corolint

#endif // COROLINT_LIB_ATOMICWRITE_H
