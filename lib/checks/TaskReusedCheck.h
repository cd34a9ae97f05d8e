//===--- TaskReusedCheck.h - coro-task-reused -------------------*- C++ -*-===//

#ifndef COROLINT_LIB_TASKREUSEDCHECK_H
#define COROLINT_LIB_TASKREUSEDCHECK_H

#include "checks/CorolintCheck.h"

namespace corolint {

/// Finds a task or awaitable that can be consumed once used again: awaited
/// twice, awaited after it was moved from (into a spawn, a `when_all`), or
/// awaited in every iteration of a loop although it was made once before
/// it. See docs/checks/coro-task-reused.md.
class TaskReusedCheck : public CorolintCheck {
public:
  using CorolintCheck::CorolintCheck;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// True if a value of type \p T is used up by one `co_await` or move: a
  /// task or awaitable that cannot be copied (copyable ones, such as
  /// `shared_task` or `shared_future`, are made for several consumers).
  bool isSingleUse(clang::QualType T, const clang::ASTContext &Ctx);
};

} // namespace corolint

#endif // COROLINT_LIB_TASKREUSEDCHECK_H
