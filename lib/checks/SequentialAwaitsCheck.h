//===--- SequentialAwaitsCheck.h - coro-sequential-awaits ------------------===//

#ifndef COROLINT_LIB_SEQUENTIALAWAITSCHECK_H
#define COROLINT_LIB_SEQUENTIALAWAITSCHECK_H

#include "checks/CorolintCheck.h"

namespace corolint {

/// Suggests running consecutive independent awaits concurrently. A
/// performance hint, off by default. See docs/checks/coro-sequential-awaits.md.
class SequentialAwaitsCheck : public CorolintCheck {
public:
  SequentialAwaitsCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void walk(const clang::Stmt *S, bool InLoop, const clang::FunctionDecl &Coroutine);
  void checkBlock(const clang::CompoundStmt &Block, const clang::FunctionDecl &Coroutine);

  const std::string OrderingFunctions;
  NameList Ordering;
};

} // namespace corolint

#endif // COROLINT_LIB_SEQUENTIALAWAITSCHECK_H
