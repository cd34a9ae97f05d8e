// Stub shaped like seastar/core/sleep.hh: sleeps that suspend the fiber, not
// the reactor thread.
#pragma once
#include <chrono>
#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>
#include <seastar/core/timer.hh>

namespace seastar {
template <typename Clock = steady_clock_type, typename Rep, typename Period>
future<> sleep(std::chrono::duration<Rep, Period> dur);

class sleep_aborted : public abort_requested_exception {
public:
  const char *what() const noexcept override { return "Sleep is aborted"; }
};

template <typename Clock = steady_clock_type>
future<> sleep_abortable(typename Clock::duration dur);
template <typename Clock = steady_clock_type>
future<> sleep_abortable(typename Clock::duration dur, abort_source &as);
} // namespace seastar
