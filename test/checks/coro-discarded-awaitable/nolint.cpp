// clang-tidy's suppression comments work in the driver and the plugin.
// RUN: %check-test coro-discarded-awaitable %s -- %std -I%inputs

#include <cppcoro/task.hpp>

cppcoro::task<> fetch();

cppcoro::task<> run() {
  fetch(); // NOLINT
  fetch(); // NOLINT(coro-discarded-awaitable)
  // NOLINTNEXTLINE(coro-*)
  fetch();
  // NOLINTBEGIN(coro-discarded-awaitable)
  fetch();
  auto lazy = fetch();
  // NOLINTEND(coro-discarded-awaitable)
  fetch(); // NOLINT(some-other-check)
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited
  co_return;
}
