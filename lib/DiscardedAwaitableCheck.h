//===--- DiscardedAwaitableCheck.h - coro-discarded-awaitable -------------===//

#ifndef COROLINT_LIB_DISCARDEDAWAITABLECHECK_H
#define COROLINT_LIB_DISCARDEDAWAITABLECHECK_H

#include "CoroutineInfo.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace corolint {

/// Finds tasks and awaitables that are created and then dropped: discarded
/// call results and locals that are never used. See
/// docs/checks/coro-discarded-awaitable.md.
class DiscardedAwaitableCheck : public clang::tidy::ClangTidyCheck {
public:
  DiscardedAwaitableCheck(llvm::StringRef Name,
                          clang::tidy::ClangTidyContext *Context);
  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override {
    return LO.CPlusPlus20;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override { Types.reset(); }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  struct Scope;
  void checkDiscarded(const clang::Expr &Statement, const Scope &S);
  void checkUnusedLocal(const clang::VarDecl &Var, const Scope &S);

  const std::string AwaitableTypes;
  const std::string IgnoredTypes;
  const bool AllowExplicitDiscard;
  CoroutineTypes Types;
};

} // namespace corolint

#endif // COROLINT_LIB_DISCARDEDAWAITABLECHECK_H
