//===--- LockAcrossSuspendCheck.h - coro-lock-across-suspend ---------------===//

#ifndef COROLINT_LIB_LOCKACROSSSUSPENDCHECK_H
#define COROLINT_LIB_LOCKACROSSSUSPENDCHECK_H

#include "checks/CorolintCheck.h"

namespace corolint {

/// Finds locks held, and mutexes locked by hand, across a co_await or
/// co_yield. See docs/checks/coro-lock-across-suspend.md.
class LockAcrossSuspendCheck : public CorolintCheck {
public:
  LockAcrossSuspendCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  struct Scan;
  void checkBlock(const clang::CompoundStmt &Block);
  /// The first suspension in \p S reached while the lock is held, updating
  /// whether it is held.
  const clang::Stmt *firstSuspension(const clang::Stmt *S, Scan &State) const;
  bool isLock(clang::QualType T, const clang::ASTContext &Ctx);
  bool isMutex(clang::QualType T, const clang::ASTContext &Ctx);
  bool isCoroutineMutex(const clang::CXXRecordDecl &Mutex,
                        const clang::ASTContext &Ctx);

  const std::string LockTypes;
  const std::string MutexTypes;
  const std::string AsyncLockTypes;
  NameList Locks, Mutexes, AsyncLocks;
};

} // namespace corolint

#endif // COROLINT_LIB_LOCKACROSSSUSPENDCHECK_H
