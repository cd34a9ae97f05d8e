//===--- SharedPreambles.h - parse a common include block once -------------===//

#ifndef COROLINT_LIB_SHAREDPREAMBLES_H
#define COROLINT_LIB_SHAREDPREAMBLES_H

#include "tooling/FileResult.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace corolint {

/// The include block that several files start with, byte for byte, under the
/// same command line, precompiled once (as clangd does with a file's
/// preamble): each of those files is then parsed from the end of that block
/// on, with the precompiled header standing in for it.
struct SharedPreamble {
  /// What makes two files' preambles the same: their command line (less the
  /// file's own name), their directory and the block.
  std::string Identity;
  /// A file that starts with the block: its command line builds the PCH.
  std::string Representative;
  /// The block, as a header next to the files (quoted includes resolve from
  /// there), present only in the in-memory file system.
  std::string HeaderPath;
  std::string HeaderText;
  std::string PCHPath;
  /// The PCH's bytes, read once: every file then loads it from memory
  /// (threads mapping and unmapping the same file slow each other down).
  std::unique_ptr<llvm::MemoryBuffer> PCH;
  /// Set once the PCH is built (after Inputs). Files parsed before that,
  /// or after a build that failed, are parsed whole.
  std::atomic<bool> Built{false};
  /// What the block read (for the cache and for --fix).
  FileResult Inputs;
  /// Its name in the result cache, if there is one; and whether the PCH
  /// came from there.
  std::string CacheKey;
  bool FromCache = false;
  /// Set when Clang refused the kept PCH: the other files are parsed whole.
  std::atomic<bool> Refused{false};

  /// While the PCH is built, a thread with nothing else to do parses one of
  /// its files whole. Not a second one: a whole parse costs about as much
  /// as the build, which is then nearly done, and the file would take a
  /// third of that with the PCH. Returns once this thread may parse a file
  /// of this preamble, with the PCH if Built is then set.
  void waitUnlessFirstWholeParse();
  /// Ends the build, built or not, and wakes the threads waiting for it.
  void endBuild();

private:
  std::mutex BuildLock;
  std::condition_variable BuildEnd;
  bool BuildEnded = false;
  llvm::SmallVector<std::thread::id, 4> ParsedWhole;
};

/// The shared preambles of \p Files: a map from each file that has a preamble
/// in common with at least \p MinimumFiles - 1 others to that preamble (not
/// built yet). The PCHs are to be placed in \p Directory.
llvm::StringMap<std::shared_ptr<SharedPreamble>>
planSharedPreambles(const clang::tooling::CompilationDatabase &Compilations,
                    const std::vector<std::string> &Files,
                    llvm::StringRef Directory, unsigned MinimumFiles = 2);

/// True for the in-memory header of a shared preamble: not a file of the
/// user's, never to be hashed or read from disk.
bool isSharedPreambleHeader(llvm::StringRef Path);

/// The number of bytes at the start of \p Code that a shared preamble
/// replaces: up to the end of the last directive of its leading block of
/// directives and comments. Zero if that block has conditional directives.
unsigned sharablePreambleSize(llvm::StringRef Code);

} // namespace corolint

#endif // COROLINT_LIB_SHAREDPREAMBLES_H
