// Stub shaped like libcoro's coro/scheduler.hpp and coro/thread_pool.hpp:
// spawn_detached hands the task to a self-deleting promise that ignores its
// exception; spawn_joinable returns a task to await.
#pragma once
#include <chrono>
#include <coro/task.hpp>

namespace coro {
class scheduler {
public:
  auto spawn_detached(coro::task<void> &&task) -> bool;
  auto spawn_joinable(coro::task<void> &&task) -> coro::task<void>;
  // coro-polling-loop: the scheduler's asynchronous sleeps.
  template <typename Rep, typename Period>
  [[nodiscard]] auto yield_for(std::chrono::duration<Rep, Period> amount)
      -> coro::task<void>;
  template <typename Rep, typename Period>
  [[nodiscard]] auto schedule_after(std::chrono::duration<Rep, Period> amount)
      -> coro::task<void>;
};
class thread_pool {
public:
  auto spawn_detached(coro::task<void> &&task) noexcept -> bool;
};
} // namespace coro
