//===--- ContentHash.h - one hash for "has this file changed?" ------------===//

#ifndef COROLINT_LIB_CONTENTHASH_H
#define COROLINT_LIB_CONTENTHASH_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>

namespace corolint {

/// The hash of a file's bytes that the runner records, the cache compares
/// (an entry is used only while every input hashes the same) and --fix
/// checks before writing. They must all agree, hence one function.
uint64_t contentHash(llvm::StringRef Content);

} // namespace corolint

#endif // COROLINT_LIB_CONTENTHASH_H
