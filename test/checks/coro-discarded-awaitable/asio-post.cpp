// Asio calls a posted handler and drops what it returns: a lambda
// coroutine posted instead of spawned never runs. co_spawn is the way.
// RUN: %check-test coro-discarded-awaitable %s -- %std

#include <asio.hpp>

asio::awaitable<void> handle_request();
void log_request();

void schedule(asio::io_context &io, asio::strand<asio::io_context::executor_type> &strand) {
  asio::post(io, []() -> asio::awaitable<void> { co_await handle_request(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: task returned by the lambda is discarded: 'asio::post' calls it and drops what it returns; the coroutine will not run [coro-discarded-awaitable]
  // CHECK-MESSAGES: :[[@LINE-2]]:18: note: start the task inside the callable, or hand the callable to a function that awaits or spawns what it returns
  asio::dispatch(strand, handle_request);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: task returned by 'handle_request' is discarded: 'asio::dispatch' calls it

  // Not reported: spawned, or a handler that returns nothing.
  asio::co_spawn(io, []() -> asio::awaitable<void> { co_await handle_request(); },
                 asio::detached);
  asio::post(io, [] { log_request(); });
  asio::post(strand, log_request);
}
