// Stub shaped like folly/coro/Task.h and folly/coro/BlockingWait.h, and
// folly/futures/Future.h: the signatures corolint's tables name.
#pragma once
#include <chrono>
#include <coroutine>
#include <cstddef>
#include <exception>
#include <stdexcept>

namespace folly {
namespace futures::detail {
template <typename T> class FutureBase {
public:
  bool isReady() const;
};
} // namespace futures::detail
template <typename T> class SemiFuture : public futures::detail::FutureBase<T> {
public:
  T get() &&;
};
template <typename T> class Future : public futures::detail::FutureBase<T> {
public:
  T get() &&;
  Future<T> &wait() &;
};

// folly/ExceptionWrapper.h and folly/Try.h: an outcome that holds either a
// value or the exception.
class exception_wrapper {
public:
  const char *what() const;

private:
  std::exception_ptr ptr_;
};
template <typename T> class Try {
public:
  bool hasException() const noexcept { return failed_; }
  exception_wrapper &exception();
  // Rethrows the exception it holds.
  T &value() {
    if (failed_)
      throw std::logic_error("Try holds an exception");
    return value_;
  }

private:
  bool failed_ = false;
  T value_{};
  exception_wrapper e_;
};
template <> class Try<void> {
public:
  bool hasException() const noexcept { return failed_; }
  exception_wrapper &exception();
  void value() {
    if (failed_)
      throw std::logic_error("Try holds an exception");
  }

private:
  bool failed_ = false;
  exception_wrapper e_;
};

namespace coro {
template <typename T = void> class Task {
public:
  struct promise_type {
    Task get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept { error = std::current_exception(); }
    std::exception_ptr error;
    void return_value(T) {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() { return T{}; }
};
template <> struct Task<void>::promise_type {
  Task get_return_object() noexcept { return {}; }
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { error = std::current_exception(); }
  std::exception_ptr error;
  void return_void() {}
};
template <> inline void Task<void>::await_resume() {}

class Executor {};

// folly/io/coro/Transport.h and folly/coro/Timeout.h
class Transport {
public:
  Task<std::size_t> read(void *buffer, std::size_t size,
                         std::chrono::milliseconds timeout = std::chrono::milliseconds(0));
  Task<void> write(const void *buffer, std::size_t size,
                   std::chrono::milliseconds timeout = std::chrono::milliseconds(0));
};
template <typename SemiAwaitable>
Task<int> timeout(SemiAwaitable awaitable, std::chrono::milliseconds duration);
template <typename T> class TaskWithExecutor {
public:
  SemiFuture<T> start() &&;
  // The overload that hands the outcome to a callback.
  template <typename F> void start(F &&tryCallback) && {}
};
template <typename T> TaskWithExecutor<T> co_withExecutor(Executor *ex, Task<T> task);
// folly/coro/Invoke.h: calls the callable and returns its task.
template <typename F> auto co_invoke(F f) -> decltype(f()) { return f(); }
// folly/coro/Result.h: awaiting gives the outcome, exception included.
template <typename T> Task<Try<T>> co_awaitTry(Task<T> task);

template <typename Awaitable> auto blockingWait(Awaitable &&awaitable) {
  return 0;
}
} // namespace coro
} // namespace folly
