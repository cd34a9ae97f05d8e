//===--- MissingTimeoutCheck.h - coro-missing-timeout ----------------------===//

#ifndef COROLINT_LIB_MISSINGTIMEOUTCHECK_H
#define COROLINT_LIB_MISSINGTIMEOUTCHECK_H

#include "checks/CorolintCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace corolint {

/// Finds network operations awaited with no timeout guard. See
/// docs/checks/coro-missing-timeout.md.
class MissingTimeoutCheck : public CorolintCheck {
public:
  MissingTimeoutCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void registerPPCallbacks(const clang::SourceManager &SM, clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override {
    CorolintCheck::registerPPCallbacks(SM, PP, ModuleExpanderPP);
    this->PP = PP;
  }
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  /// An awaited network operation with no guard of its own, to be reported
  /// at the end of the translation unit unless every call of its coroutine
  /// turns out to be guarded.
  struct Candidate {
    const clang::CallExpr *Operation;
    const clang::FunctionDecl *Coroutine;
  };
  /// A call of a function defined or declared in the translation unit.
  struct CallSite {
    const clang::CallExpr *Call;
    const clang::FunctionDecl *Caller;
    /// Guarded where it is written: raced against a timeout, wrapped in or
    /// next to a timeout guard, or given a cancellation token.
    bool Guarded;
    /// The operand of a `co_await` itself (not spawned, stored or joined).
    bool Awaited;
  };
  /// What the callers of a function do about its timeouts.
  enum class Callers {
    Unguarded, ///< Some call of it is reached without a guard.
    Guarded,   ///< Every call of it is guarded, where written or above.
    OnTheWalk, ///< It is being walked already: a recursive call.
  };
  void findOperations(const clang::Stmt *S, bool Guarded,
                      const clang::FunctionDecl &Coroutine,
                      const clang::ASTContext &Ctx);
  bool hasGuardArgument(const clang::CallExpr &Operation, const clang::ASTContext &Ctx) const;
  bool callsGuard(const clang::Stmt *S);
  bool isToken(clang::QualType Type) const;
  bool passesToken(const clang::CallExpr &Call) const;
  void recordCallSites(const clang::Stmt *S, const clang::FunctionDecl &Caller,
                       bool Guarded, const clang::CallExpr *AwaitedCall);
  bool streamHasTimeout(const clang::ValueDecl *Stream,
                        const clang::FunctionDecl &Function,
                        clang::SourceLocation Before) const;
  bool callerSetsStreamTimeout(const Candidate &C, const CallSite &Site) const;
  Callers callersOf(const clang::FunctionDecl &Function, unsigned Depth,
                    const Candidate *C = nullptr);
  /// The first call of \p Function that no guard reaches (with \p C, nor
  /// the expiry of C's stream), if any.
  const CallSite *unguardedCallOf(const clang::FunctionDecl &Function,
                                  const Candidate *C = nullptr);
  bool hasWatchdog(const clang::CallExpr &Operation,
                   const clang::FunctionDecl &Coroutine) const;
  bool isWatchdog(const clang::FunctionDecl &FD, bool MustThrow) const;
  bool isTimeoutRace(const clang::CallExpr &Call) const;
  bool cancelsStream(const clang::CallExpr &Call, const clang::ValueDecl *Stream,
                     const clang::CXXRecordDecl *Class) const;
  void report(const Candidate &C);
  void noteUnguardedCallers(const Candidate &C);
  /// The value of object-like macro \p Macro, if it is a number.
  std::optional<unsigned> macroValue(llvm::StringRef Macro) const;
  /// Whether a "MACRO >= NUMBER" condition holds (an empty one does).
  bool versionAtLeast(llvm::StringRef Condition) const;

  const std::string NetworkOperations;
  const std::string TimeoutGuards;
  const std::string StreamTimeoutSetters;
  const std::string TimerWaitFunctions;
  const std::string CancelFunctions;
  const std::string CancellationTokenTypes;
  const unsigned FixItTimeoutSeconds;
  NameList Operations, Guards, Setters, TimerWaits, Cancels, Tokens;

  clang::Preprocessor *PP = nullptr;
  const clang::ASTContext *Context = nullptr;
  std::vector<Candidate> Candidates;
  /// The calls of each function (by canonical declaration) in the TU.
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<CallSite>> CallSites;
  /// callersOf's answers that did not depend on the walk in progress.
  llvm::DenseMap<const clang::FunctionDecl *, Callers> CallersKnown;
  /// The functions callersOf is walking up from, and whether an answer met
  /// one of them (or the depth limit) and so holds only for this walk.
  llvm::SmallPtrSet<const clang::FunctionDecl *, 8> Walking;
  bool MetTheWalk = false;
  llvm::DenseMap<const clang::Stmt *, bool> CallsGuardKnown;
};

} // namespace corolint

#endif // COROLINT_LIB_MISSINGTIMEOUTCHECK_H
