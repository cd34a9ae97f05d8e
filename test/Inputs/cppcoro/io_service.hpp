// Stub shaped like cppcoro/io_service.hpp: an event loop whose
// schedule_after resumes the awaiting coroutine after a delay.
#pragma once
#include <chrono>
#include <coroutine>

namespace cppcoro {
class io_service {
public:
  class timed_schedule_operation {
  public:
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() {}
  };
  io_service();
  explicit io_service(unsigned concurrencyHint);
  template <typename Rep, typename Ratio>
  [[nodiscard]] timed_schedule_operation
  schedule_after(const std::chrono::duration<Rep, Ratio> &delay);
  void process_events();
};
} // namespace cppcoro
