//===--- BlockingSleepCheck.h - coro-blocking-sleep ------------------------===//

#ifndef COROLINT_LIB_BLOCKINGSLEEPCHECK_H
#define COROLINT_LIB_BLOCKINGSLEEPCHECK_H

#include "BlockingCalls.h"

namespace corolint {

/// Finds thread sleeps inside coroutines, directly or through ordinary
/// functions they call. See docs/checks/coro-blocking-sleep.md.
class BlockingSleepCheck : public BlockingCheckBase {
public:
  BlockingSleepCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  void onBlockingCall(const BlockingPath &Path, const clang::FunctionDecl &Coroutine,
                      const clang::ASTContext &Ctx) override;

  const std::string SleepFunctions;
  const std::string AsioReplacement;
  const std::string BoostAsioReplacement;
  const std::string Replacement;
};

} // namespace corolint

#endif // COROLINT_LIB_BLOCKINGSLEEPCHECK_H
