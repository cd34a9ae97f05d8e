//===--- FrameworkDefaults.h - framework knowledge shared by checks --------===//
//
// Default values of check options that name framework functions and types.
// Checks read them through options, so a team can teach corolint its own
// framework; several checks share these lists.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_LIB_FRAMEWORKDEFAULTS_H
#define COROLINT_LIB_FRAMEWORKDEFAULTS_H

#include "llvm/ADT/StringRef.h"

namespace corolint {

/// Start a coroutine without the caller awaiting it; the last argument is a
/// completion token (`asio::detached`, `asio::use_awaitable`, a handler).
inline constexpr llvm::StringLiteral DefaultSpawnFunctions =
    "asio::co_spawn;boost::cobalt::spawn";

/// Completion tokens that drop the spawned work's result and exceptions.
inline constexpr llvm::StringLiteral DefaultDetachedTokenTypes =
    "asio::detached_t";

/// Run an awaitable to completion on the calling thread: the work is done
/// when the call returns (and the call blocks a coroutine's thread).
inline constexpr llvm::StringLiteral DefaultRunToCompletionFunctions =
    "cppcoro::sync_wait;folly::coro::blockingWait;stdexec::sync_wait;"
    "::coro::sync_wait;unifex::sync_wait;unifex::sync_wait_r;"
    "async_simple::coro::syncAwait";

/// Wait on the calling thread for another thread (or a task) to finish
/// something: called on what a coroutine returned, the coroutine has run to
/// completion when the call returns.
inline constexpr llvm::StringLiteral DefaultWaitingFunctions =
    "std::future::get;std::future::wait;std::future::wait_for;"
    "std::future::wait_until;std::shared_future::get;std::shared_future::wait;"
    "std::shared_future::wait_for;std::shared_future::wait_until;"
    "std::thread::join;std::jthread::join;"
    "std::condition_variable::wait;std::condition_variable::wait_for;"
    "std::condition_variable::wait_until;std::condition_variable_any::wait;"
    "std::condition_variable_any::wait_for;"
    "std::condition_variable_any::wait_until;"
    "std::counting_semaphore::acquire;std::latch::wait;"
    "std::barrier::arrive_and_wait;::pthread_join;"
    "folly::Future::get;folly::Future::wait;folly::SemiFuture::get";

/// Waits that, called on a coroutine's result in the same full expression,
/// also run it to completion, but are not reported as blocking: concurrencpp
/// code calls them on results known to be ready (after `co_await when_all`).
inline constexpr llvm::StringLiteral DefaultResultWaitFunctions =
    "concurrencpp::result::get;concurrencpp::result::wait;"
    "concurrencpp::shared_result::get;concurrencpp::shared_result::wait";

/// Run an event loop until its work is done: work spawned onto it before
/// the call has finished when the call returns.
inline constexpr llvm::StringLiteral DefaultEventLoopRunFunctions =
    "asio::io_context::run;asio::io_context::run_one;asio::io_context::run_for;"
    "asio::io_context::run_until;asio::io_context::run_one_for;"
    "asio::io_context::run_one_until";

} // namespace corolint

#endif // COROLINT_LIB_FRAMEWORKDEFAULTS_H
