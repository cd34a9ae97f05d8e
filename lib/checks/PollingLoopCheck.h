//===--- PollingLoopCheck.h - coro-polling-loop -----------------*- C++ -*-===//
//
// Finds loops in coroutines that poll a condition nothing can await (an
// atomic flag, an empty queue, a future not yet ready, `done()`) and sleep
// between checks; see docs/checks/coro-polling-loop.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_LIB_CHECKS_POLLINGLOOPCHECK_H
#define COROLINT_LIB_CHECKS_POLLINGLOOPCHECK_H

#include "checks/CorolintCheck.h"

namespace corolint {

/// Finds polling loops with an asynchronous sleep between checks. See
/// docs/checks/coro-polling-loop.md.
class PollingLoopCheck : public CorolintCheck {
public:
  PollingLoopCheck(llvm::StringRef Name,
                   clang::tidy::ClangTidyContext *Context);
  // registerMatchers: CorolintCheck's, every function definition outside
  // system headers, bound to "function".
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  struct Round;
  void checkLoop(const clang::Stmt &Loop, const clang::Stmt *Condition,
                 const clang::Stmt *Body, const clang::Stmt *Increment);
  /// Walks one round of a loop: what it awaits, which calls it makes.
  void scan(const clang::Stmt *S, Round &R, bool InCondition,
            bool InNestedLoop) const;
  bool isPollingCall(const clang::CallExpr &Call) const;
  bool isSleep(const clang::CallExpr &Call) const;

  const std::string AsyncSleepFunctions;
  const std::string TimerWaitFunctions;
  const std::string PollingChecks;
  const std::string PollableTypes;
  NameList Sleeps, TimerWaits, Polls, Pollable;
};

} // namespace corolint

#endif // COROLINT_LIB_CHECKS_POLLINGLOOPCHECK_H
