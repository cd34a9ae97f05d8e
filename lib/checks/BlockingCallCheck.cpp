//===--- BlockingCallCheck.cpp - coro-blocking-call ------------------------===//

#include "checks/BlockingCallCheck.h"

namespace corolint {

BlockingCallCheck::BlockingCallCheck(llvm::StringRef Name,
                                     clang::tidy::ClangTidyContext *Context)
    : BlockingCheckBase(Name, Context),
      WaitingFunctions(listOption(Role::WaitingFunctions)),
      EventLoopFunctions(listOption("EventLoopFunctions",
                                    {Role::RunToCompletionFunctions,
                                     Role::EventLoopRunFunctions})),
      BlockingIOFunctions(listOption(Role::BlockingIOFunctions)),
      LockFunctions(listOption(Role::LockFunctions)),
      CheckMutexLock(Options.get("CheckMutexLock", false)),
      ExtraBlockingFunctions(textOption("ExtraBlockingFunctions", "")),
      NonBlockingMarkers(textOption("NonBlockingMarkers",
                                    "EAGAIN;EWOULDBLOCK;EINPROGRESS")),
      ReadinessChecks(listOption(Role::ReadinessChecks)),
      NonBlockingFlags(listOption(Role::NonBlockingFlags)) {
  Table.add(BlockingKind::Waiting, WaitingFunctions);
  Table.add(BlockingKind::EventLoop, EventLoopFunctions);
  Table.add(BlockingKind::IO, BlockingIOFunctions);
  if (CheckMutexLock)
    Table.add(BlockingKind::Lock, LockFunctions);
  Table.add(BlockingKind::Listed, ExtraBlockingFunctions);
  Table.setNonBlockingMarkers(NonBlockingMarkers);
  Table.setReadinessChecks(ReadinessChecks);
  Table.setNonBlockingFlags(NonBlockingFlags);
}

void BlockingCallCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  BlockingCheckBase::storeOptions(Opts);
  Options.store(Opts, "CheckMutexLock", CheckMutexLock);
}

} // namespace corolint
