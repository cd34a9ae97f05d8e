// Asio's awaitable is consumed by co_await and by co_spawn.
// RUN: %check-test coro-task-reused %s -- %std

#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/experimental/deferred.hpp>
#include <asio/post.hpp>
#include <asio/use_awaitable.hpp>
#include <utility>

asio::awaitable<int> query();

asio::awaitable<int> spawned_then_awaited(asio::any_io_executor executor) {
  asio::awaitable<int> op = query();
  asio::co_spawn(executor, std::move(op), asio::detached);
  int n = co_await std::move(op);
  // CHECK: :[[@LINE-1]]:11: warning: task 'op' is awaited after it was moved from; a task can be consumed only once [coro-task-reused]
  // CHECK: :[[@LINE-3]]:28: note: moved from here
  co_return n;
}

// Asio's deferred operations can be launched again: they are copyable.
asio::awaitable<void> retried(asio::any_io_executor executor) {
  auto op = asio::post(executor, asio::experimental::deferred);
  co_await std::move(op)(asio::use_awaitable);
  co_await std::move(op)(asio::use_awaitable);
}
