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
  void checkCallableArgument(const clang::Expr &CallOrConstruct,
                             const Scope &S);
  /// Where a callee drops what a callable argument returns.
  struct DropSite {
    /// The call in a body in sight that discards it, or that passes the
    /// callable to \c By; invalid when the callee itself is \c By.
    clang::SourceLocation Where;
    /// A function the table lists as dropping it (ResultDroppingFunctions).
    const clang::FunctionDecl *By = nullptr;
  };
  /// Whether \p Callee drops what the callable bound to \p Param returns:
  /// the table says so, or its body discards a call of it, or passes it on
  /// to a function that does.
  std::optional<DropSite> resultDroppedBy(const clang::FunctionDecl &Callee,
                                          const clang::ParmVarDecl *Param,
                                          unsigned Depth) const;

  const bool AllowExplicitDiscard;
  /// Macros whose statement is meant to throw (`EXPECT_THROW`).
  const NameList ExpectThrow;
  const NameList ResultDropping;
  const NameList Invoking;
};

} // namespace corolint

#endif // COROLINT_LIB_DISCARDEDAWAITABLECHECK_H
