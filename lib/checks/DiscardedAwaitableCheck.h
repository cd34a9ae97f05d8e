//===--- DiscardedAwaitableCheck.h - coro-discarded-awaitable -------------===//

#ifndef COROLINT_LIB_DISCARDEDAWAITABLECHECK_H
#define COROLINT_LIB_DISCARDEDAWAITABLECHECK_H

#include "checks/CorolintCheck.h"

namespace corolint {

/// Finds tasks and awaitables that are created and then dropped: discarded
/// call results and locals that are never used. See
/// docs/checks/coro-discarded-awaitable.md.
class DiscardedAwaitableCheck : public CorolintCheck {
public:
  DiscardedAwaitableCheck(llvm::StringRef Name,
                          clang::tidy::ClangTidyContext *Context);
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  struct Scope;
  void checkDiscarded(const clang::Expr &Statement, const Scope &S);
  void checkUnusedLocal(const clang::VarDecl &Var, const Scope &S);
  void checkVoidCallableConversion(const clang::CXXConstructExpr &Construct,
                                   const Scope &S);

  const bool AllowExplicitDiscard;
  /// Macros whose statement is meant to throw (`EXPECT_THROW`).
  const NameList ExpectThrow;
};

} // namespace corolint

#endif // COROLINT_LIB_DISCARDEDAWAITABLECHECK_H
