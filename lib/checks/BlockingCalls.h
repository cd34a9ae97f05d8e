//===--- BlockingCalls.h - what blocks a coroutine's thread ----------------===//
//
// The one implementation behind coro-blocking-sleep and coro-blocking-call:
// a table of blocking functions (from check options) and a search of each
// coroutine body, through the ordinary functions it calls, for calls to them.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_LIB_BLOCKINGCALLS_H
#define COROLINT_LIB_BLOCKINGCALLS_H

#include "checks/CorolintCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>

namespace corolint {

/// Why a call blocks; each kind is one option list.
enum class BlockingKind { Sleep, Waiting, EventLoop, IO, Lock, Listed };

/// Functions that block the calling thread. Entries are qualified names
/// (`std::future::get` matches `get` called on a `std::future`, wherever it
/// is declared); `f(x)` only matches calls of f whose first argument names x,
/// as in `std::getline(std::cin)`.
class BlockingFunctions {
public:
  void add(BlockingKind Kind, llvm::StringRef SemicolonSeparated);
  void allow(llvm::StringRef SemicolonSeparated) { Allowed = NameList(SemicolonSeparated); }
  /// Macros (such as EAGAIN) whose use in a function shows that its I/O is
  /// on non-blocking descriptors.
  void setNonBlockingMarkers(llvm::StringRef SemicolonSeparated) {
    NonBlockingMarkers = NameList(SemicolonSeparated);
  }
  /// Calls (such as `isReady`) after which waiting on the same object
  /// returns at once.
  void setReadinessChecks(llvm::StringRef SemicolonSeparated) {
    ReadinessChecks = NameList(SemicolonSeparated);
  }
  std::optional<BlockingKind> classify(const clang::CallExpr &Call) const;
  /// True if the table lists or allows what \p Call calls (with any
  /// argument): whether it blocks is the table's answer, not its body's.
  bool decides(const clang::CallExpr &Call) const;
  bool isReadinessCheck(const clang::CallExpr &Call) const {
    return calleeIsListed(Call, ReadinessChecks);
  }
  bool isNonBlockingMarker(llvm::StringRef MacroName) const {
    return NonBlockingMarkers.matches(MacroName);
  }
  /// Macros and declarations (`SOCK_NONBLOCK`, an option enumerator) that
  /// create a descriptor non-blocking.
  void setNonBlockingFlags(llvm::StringRef SemicolonSeparated) {
    NonBlockingFlags = NameList(SemicolonSeparated);
  }
  const NameList &nonBlockingFlags() const { return NonBlockingFlags; }

private:
  struct Entry {
    BlockingKind Kind;
    NameList Function;
    NameList FirstArgument; // Empty: any call.
    bool NeedsArgument;
  };
  std::vector<Entry> Entries;
  NameList Allowed;
  NameList NonBlockingMarkers;
  NameList ReadinessChecks;
  NameList NonBlockingFlags;
};

/// A blocking call reached from a coroutine: Calls.front() is in the
/// coroutine, each next call is in the function the previous one calls,
/// Calls.back() calls the blocking function.
struct BlockingPath {
  llvm::SmallVector<const clang::CallExpr *, 4> Calls;
  BlockingKind Kind;
  /// Calls.front() is a whole statement whose value is discarded.
  bool IsStatement = false;
};

/// The shared half of the blocking checks: matching, the search, the message.
class BlockingCheckBase : public CorolintCheck {
public:
  BlockingCheckBase(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override {
    CorolintCheck::onStartOfTranslationUnit();
    Memo.clear();
    NonBlockingIO.clear();
  }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

protected:
  /// Reports \p Path found in \p Coroutine; the default is the warning with
  /// notes along the path, and \p Fixes.
  void report(const BlockingPath &Path, const clang::FunctionDecl &Coroutine,
              llvm::ArrayRef<clang::FixItHint> Fixes = {});
  virtual void onBlockingCall(const BlockingPath &Path,
                              const clang::FunctionDecl &Coroutine,
                              const clang::ASTContext &Ctx) {
    report(Path, Coroutine);
  }

  BlockingFunctions Table;
  const std::string AllowedFunctions;
  const unsigned MaxCallDepth;

private:
  std::optional<BlockingKind> blockingKind(const clang::CallExpr &Call,
                                           const clang::FunctionDecl &Caller,
                                           const clang::ASTContext &Ctx);
  bool usesNonBlockingIO(const clang::FunctionDecl &FD,
                         const clang::ASTContext &Ctx);
  bool createdNonBlocking(const clang::CallExpr &IO,
                          const clang::ASTContext &Ctx) const;
  std::optional<BlockingPath> blockingPathIn(const clang::FunctionDecl &FD,
                                             unsigned Depth,
                                             const clang::ASTContext &Ctx);
  bool readinessEstablished(const clang::CallExpr &Wait,
                            const clang::FunctionDecl &Caller,
                            const clang::SourceManager &SM) const;
  bool shouldDescendInto(const clang::CallExpr &Call,
                         const clang::FunctionDecl &Caller,
                         const clang::SourceManager &SM) const;

  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>,
                 std::optional<BlockingPath>>
      Memo;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
  llvm::DenseMap<const clang::FunctionDecl *, bool> NonBlockingIO;
};

} // namespace corolint

#endif // COROLINT_LIB_BLOCKINGCALLS_H
