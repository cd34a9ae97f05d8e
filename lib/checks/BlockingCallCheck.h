//===--- BlockingCallCheck.h - coro-blocking-call --------------------------===//

#ifndef COROLINT_LIB_BLOCKINGCALLCHECK_H
#define COROLINT_LIB_BLOCKINGCALLCHECK_H

#include "checks/BlockingCalls.h"

namespace corolint {

/// Finds waits, nested event loops and blocking I/O inside coroutines,
/// directly or through ordinary functions they call. See
/// docs/checks/coro-blocking-call.md.
class BlockingCallCheck : public BlockingCheckBase {
public:
  BlockingCallCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  const std::string WaitingFunctions;
  const std::string EventLoopFunctions;
  const std::string BlockingIOFunctions;
  const std::string LockFunctions;
  const bool CheckMutexLock;
  const std::string ExtraBlockingFunctions;
  const std::string NonBlockingMarkers;
  const std::string ReadinessChecks;
  const std::string NonBlockingFlags;
};

} // namespace corolint

#endif // COROLINT_LIB_BLOCKINGCALLCHECK_H
