//===--- MissingTimeoutCheck.h - coro-missing-timeout ----------------------===//

#ifndef COROLINT_LIB_MISSINGTIMEOUTCHECK_H
#define COROLINT_LIB_MISSINGTIMEOUTCHECK_H

#include "checks/CorolintCheck.h"
#include "llvm/ADT/DenseSet.h"

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
  /// at the end of the translation unit unless its coroutine turns out to be
  /// raced against something else by its caller.
  struct Candidate {
    const clang::CallExpr *Operation;
    const clang::FunctionDecl *Coroutine;
  };
  void findOperations(const clang::Stmt *S, bool Guarded,
                      const clang::FunctionDecl &Coroutine,
                      const clang::ASTContext &Ctx);
  bool hasGuardArgument(const clang::CallExpr &Operation, const clang::ASTContext &Ctx) const;
  bool streamHasTimeout(const clang::ValueDecl *Stream,
                        const clang::FunctionDecl &Function,
                        clang::SourceLocation Before) const;
  bool callersSetTimeout(const Candidate &C) const;
  bool hasWatchdog(const clang::CallExpr &Operation,
                   const clang::FunctionDecl &Coroutine) const;
  bool isWatchdog(const clang::FunctionDecl &FD, bool MustThrow) const;
  bool isTimeoutRace(const clang::CallExpr &Call) const;
  bool cancelsStream(const clang::CallExpr &Call, const clang::ValueDecl *Stream,
                     const clang::CXXRecordDecl *Class) const;
  void report(const Candidate &C);
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
  /// Coroutines whose calls are raced against a timeout.
  llvm::DenseSet<const clang::FunctionDecl *> Raced;
  struct CallSite {
    const clang::CallExpr *Call;
    const clang::FunctionDecl *Caller;
  };
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<CallSite>> CallSites;
};

} // namespace corolint

#endif // COROLINT_LIB_MISSINGTIMEOUTCHECK_H
