//===--- ContentHash.cpp --------------------------------------------------===//

#include "tooling/ContentHash.h"
#include "llvm/Support/xxhash.h"

namespace corolint {

// xxh3: fast enough to hash every header of every translation unit on each
// run, and 64 bits are plenty to tell one version of a file from another.
uint64_t contentHash(llvm::StringRef Content) {
  return llvm::xxh3_64bits(Content);
}

} // namespace corolint
