// Stub shaped like seastar/core/with_timeout.hh: fails the returned future
// with the factory's exception (timed_out_error) when the deadline passes.
#pragma once
#include <chrono>
#include <seastar/core/future.hh>
#include <seastar/core/timed_out_error.hh>
#include <seastar/core/timer.hh>

namespace seastar {
template <typename ExceptionFactory = default_timeout_exception_factory,
          typename Clock, typename Duration, typename T>
future<T> with_timeout(std::chrono::time_point<Clock, Duration> timeout,
                       future<T> f);
} // namespace seastar
