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
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace corolint {

/// The directives that several files start with, under the same command
/// line, to be precompiled once (as clangd does with a file's preamble):
/// each of those files is then parsed from the end of those directives on,
/// with the precompiled header standing in for them. Decided before any
/// parse and never changed: threads read it without a lock.
struct PreamblePlan {
  /// What makes two files' preambles the same: their command line (less the
  /// file's own name), their directory and the block.
  std::string Identity;
  /// A file that starts with the block: its command line builds the PCH.
  std::string Representative;
  /// The directives, as a header next to the files (quoted includes resolve
  /// from there), present only in the in-memory file system.
  std::string HeaderPath;
  std::string HeaderText;
  /// Per file: how many of its bytes the header stands for (the directives,
  /// and the comments before and between them, which may differ).
  llvm::StringMap<unsigned> ReplacedBytes;
  /// Where the PCH is written (a temporary directory of the run), and the
  /// name under which every file's parse finds it.
  std::string PCHPath;
};

/// A preamble's PCH, built in this run or kept by the cache from an
/// earlier one.
struct PrecompiledBlock {
  /// The PCH's bytes, read once: every file then loads it from memory
  /// (threads mapping and unmapping the same file slow each other down).
  std::unique_ptr<llvm::MemoryBuffer> PCH;
  /// What the block read (for the cache and for --fix).
  FileResult Inputs;
};

/// One planned preamble during a run: one thread builds it (or the cache
/// provides it), the others wait for it or parse their files whole. What
/// it holds changes only through these members, each safe across threads.
class SharedPreamble {
public:
  explicit SharedPreamble(std::shared_ptr<const PreamblePlan> Plan)
      : Plan(std::move(Plan)) {}

  const PreamblePlan &plan() const { return *Plan; }

  /// True once the PCH can be used (built, or taken from the cache); then
  /// precompiled() may be read. Files parsed before that, or after a build
  /// that failed, are parsed whole.
  bool ready() const { return Ready.load(std::memory_order_acquire); }
  const PrecompiledBlock &precompiled() const { return Block; }
  bool fromCache() const { return FromCache; }

  /// Its name in the result cache; set before any build or parse.
  void setCacheKey(std::string Key) { CacheKey = std::move(Key); }
  const std::string &cacheKey() const { return CacheKey; }

  /// Uses the PCH an earlier run kept; before any build or parse.
  void useCached(PrecompiledBlock Kept);
  /// Ends the build with its result (none if it failed), and wakes the
  /// threads waiting for it.
  void finishBuild(std::optional<PrecompiledBlock> Built);

  /// While the PCH is built, a thread with nothing else to do parses one of
  /// its files whole. Not a second one: a whole parse costs about as much
  /// as the build, which is then nearly done, and the file would take a
  /// third of that with the PCH. Returns once this thread may parse a file
  /// of this preamble, with the PCH if it is then ready().
  void waitUnlessFirstWholeParse();

  /// One more file is planned to be parsed with it.
  void addUser() { ++Users; }
  /// A file planned to be parsed with it is done: the last frees the PCH's
  /// bytes, which a run with many preambles would otherwise hold all at
  /// once.
  void doneWith();

  /// Clang refused the kept PCH (see the runner): the other files are
  /// parsed whole. True for the one call that refused it first.
  bool refuse() { return !Refused.exchange(true); }
  bool refused() const { return Refused.load(std::memory_order_acquire); }

private:
  std::shared_ptr<const PreamblePlan> Plan;
  /// Written before Ready is set, read only after.
  PrecompiledBlock Block;
  std::atomic<bool> Ready{false};
  std::string CacheKey;
  bool FromCache = false;
  std::atomic<bool> Refused{false};
  std::atomic<unsigned> Users{0};

  std::mutex BuildLock;
  std::condition_variable BuildEnd;
  bool BuildEnded = false;
  llvm::SmallVector<std::thread::id, 4> ParsedWhole;
};

/// The shared preambles of \p Files: a map from each file that starts with
/// the same directives as at least \p MinimumFiles - 1 others to that
/// preamble's plan (the most directives it has in common with files not
/// planned yet). The PCHs are to be placed in \p Directory.
llvm::StringMap<std::shared_ptr<const PreamblePlan>>
planSharedPreambles(const clang::tooling::CompilationDatabase &Compilations,
                    const std::vector<std::string> &Files,
                    llvm::StringRef Directory, unsigned MinimumFiles = 2);

/// True for the in-memory header of a shared preamble: not a file of the
/// user's, never to be hashed or read from disk.
bool isSharedPreambleHeader(llvm::StringRef Path);

/// A directive of the block of directives and comments a file starts with.
struct LeadingDirective {
  /// As written, from `#` to the end of its last line.
  llvm::StringRef Text;
  /// Where the line after it begins.
  unsigned End;
  /// Whether what it means depends on the file's directory: a quoted
  /// include (or one a macro names) is looked for next to the includer.
  bool SearchesFromFile;
};

/// The directives \p Code starts with that a shared preamble may hold, up to
/// the first that it may not (a conditional, `#line`, `#include_next`) or
/// the first line of code: a preamble may end after any of them.
std::vector<LeadingDirective> leadingDirectives(llvm::StringRef Code);

} // namespace corolint

#endif // COROLINT_LIB_SHAREDPREAMBLES_H
