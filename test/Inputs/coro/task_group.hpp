// Stub shaped like libcoro's coro/task_group.hpp: start() runs a task on the
// group's executor; awaiting the group waits for every task it started.
#pragma once
#include <coro/task.hpp>
#include <coroutine>
#include <memory>

namespace coro {
template <typename executor_type> class task_group {
public:
  explicit task_group(std::shared_ptr<executor_type> executor);
  task_group(const task_group &) = delete;
  ~task_group();
  bool start(task<void> &&task);
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<> awaiting) noexcept;
  void await_resume() noexcept {}
};
} // namespace coro
