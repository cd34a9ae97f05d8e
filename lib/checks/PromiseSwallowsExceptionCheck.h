//===--- PromiseSwallowsExceptionCheck.h - coro-promise-swallows-exception -===//

#ifndef COROLINT_LIB_PROMISESWALLOWSEXCEPTIONCHECK_H
#define COROLINT_LIB_PROMISESWALLOWSEXCEPTIONCHECK_H

#include "checks/CorolintCheck.h"
#include "llvm/ADT/DenseMap.h"

namespace corolint {

/// Finds promise types whose unhandled_exception() drops the exception. See
/// docs/checks/coro-promise-swallows-exception.md.
class PromiseSwallowsExceptionCheck : public CorolintCheck {
public:
  PromiseSwallowsExceptionCheck(llvm::StringRef Name,
                                clang::tidy::ClangTidyContext *Context);
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// True if \p Handler (an `unhandled_exception`, or a function it
  /// delegates to) keeps, rethrows or acts on the exception.
  bool keepsException(const clang::FunctionDecl &Handler,
                      const clang::ASTContext &Ctx, unsigned Depth);

private:
  const std::string KeepingFunctions;
  NameList Keeping;
  /// Promises whose unhandled_exception() drops exceptions, in order found.
  std::vector<const clang::CXXMethodDecl *> Swallowing;
  /// A coroutine of the translation unit per promise class (pattern).
  llvm::DenseMap<const clang::CXXRecordDecl *, const clang::FunctionDecl *> UsedBy;
};

} // namespace corolint

#endif // COROLINT_LIB_PROMISESWALLOWSEXCEPTIONCHECK_H
