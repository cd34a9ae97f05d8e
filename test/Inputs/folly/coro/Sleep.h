// Stub shaped like folly/coro/Sleep.h and folly/coro/Baton.h.
#pragma once
#include <chrono>
#include <folly/coro/Task.h>

namespace folly {
class Timekeeper;
namespace coro {
Task<void> sleep(std::chrono::nanoseconds d, Timekeeper *tk = nullptr);
class Baton {
public:
  explicit Baton(bool initiallySignalled = false) noexcept {}
  bool ready() const noexcept { return false; }
  void post() noexcept {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
} // namespace coro
} // namespace folly
