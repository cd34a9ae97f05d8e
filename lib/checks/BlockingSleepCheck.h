//===--- BlockingSleepCheck.h - coro-blocking-sleep ------------------------===//

#ifndef COROLINT_LIB_BLOCKINGSLEEPCHECK_H
#define COROLINT_LIB_BLOCKINGSLEEPCHECK_H

#include "checks/BlockingCalls.h"

namespace corolint {

/// Finds thread sleeps inside coroutines, directly or through ordinary
/// functions they call. See docs/checks/coro-blocking-sleep.md.
class BlockingSleepCheck : public BlockingCheckBase {
public:
  BlockingSleepCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

private:
  void onBlockingCall(const BlockingPath &Path, const clang::FunctionDecl &Coroutine,
                      const clang::ASTContext &Ctx) override;

  const std::string SleepFunctions;
  /// The fix-it template of each framework, and of the others.
  llvm::DenseMap<const Framework *, std::string> Replacements;
  const std::string Replacement;
};

} // namespace corolint

#endif // COROLINT_LIB_BLOCKINGSLEEPCHECK_H
