// Stub shaped like seastar/core/timer.hh and seastar/core/lowres_clock.hh.
#pragma once
#include <chrono>
#include <functional>
#include <optional>

namespace seastar {
using steady_clock_type = std::chrono::steady_clock;
class lowres_clock {
public:
  using rep = int64_t;
  using period = std::ratio<1, 1000>;
  using duration = std::chrono::duration<rep, period>;
  using time_point = std::chrono::time_point<lowres_clock, duration>;
  static time_point now() noexcept;
};
template <typename Func> using noncopyable_function = std::function<Func>;

template <typename Clock = steady_clock_type> class timer {
public:
  using clock = Clock;
  using duration = typename Clock::duration;
  using time_point = typename Clock::time_point;
  timer() noexcept {}
  timer(timer &&t) noexcept;
  explicit timer(noncopyable_function<void()> &&callback) noexcept;
  ~timer();
  void set_callback(noncopyable_function<void()> &&callback) noexcept;
  void arm(time_point until, std::optional<duration> period = {}) noexcept;
  void arm(duration delta) noexcept;
  void rearm(time_point until, std::optional<duration> period = {}) noexcept;
  void arm_periodic(duration delta) noexcept;
  bool armed() const noexcept;
  bool cancel() noexcept;
};
} // namespace seastar
