//===--- CorolintModule.cpp - the list of corolint checks -----------------===//

#include "checks/BlockingCallCheck.h"
#include "checks/BlockingSleepCheck.h"
#include "checks/ContextPerRequestCheck.h"
#include "checks/DanglingReferenceCheck.h"
#include "checks/DetachedTaskCheck.h"
#include "checks/DiscardedAwaitableCheck.h"
#include "checks/LockAcrossSuspendCheck.h"
#include "checks/MissingTimeoutCheck.h"
#include "checks/PollingLoopCheck.h"
#include "checks/PromiseSwallowsExceptionCheck.h"
#include "checks/SequentialAwaitsCheck.h"
#include "checks/SwallowedCancellationCheck.h"
#include "checks/TaskReusedCheck.h"
#include "checks/ThreadAffinityCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "llvm/Config/llvm-config.h"
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace corolint {
namespace {

class CorolintModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<BlockingCallCheck>("coro-blocking-call");
    Factories.registerCheck<BlockingSleepCheck>("coro-blocking-sleep");
    Factories.registerCheck<ContextPerRequestCheck>("coro-context-per-request");
    Factories.registerCheck<DanglingReferenceCheck>("coro-dangling-reference");
    Factories.registerCheck<DetachedTaskCheck>("coro-detached-task");
    Factories.registerCheck<DiscardedAwaitableCheck>("coro-discarded-awaitable");
    Factories.registerCheck<LockAcrossSuspendCheck>("coro-lock-across-suspend");
    Factories.registerCheck<MissingTimeoutCheck>("coro-missing-timeout");
    Factories.registerCheck<PollingLoopCheck>("coro-polling-loop");
    Factories.registerCheck<PromiseSwallowsExceptionCheck>(
        "coro-promise-swallows-exception");
    Factories.registerCheck<SequentialAwaitsCheck>("coro-sequential-awaits");
    Factories.registerCheck<SwallowedCancellationCheck>(
        "coro-swallowed-cancellation");
    Factories.registerCheck<TaskReusedCheck>("coro-task-reused");
    Factories.registerCheck<ThreadAffinityCheck>("coro-thread-affinity");
  }
};

} // namespace

// Static registration objects in a static library are dropped unless the
// final binary references this translation unit: the driver and the plugin
// both reference this anchor.
static clang::tidy::ClangTidyModuleRegistry::Add<CorolintModule>
    Registration("corolint-module", "Checks for C++20 coroutine misuse.");

volatile int CorolintModuleAnchorSource = 0;

} // namespace corolint
