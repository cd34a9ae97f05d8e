// Stub shaped like alibaba/async_simple's async_simple/coro/Lazy.h: a lazy
// task deriving from a base that holds the handle, awaited through the
// base's operator co_await, with a nested promise_type.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

namespace async_simple {
class Executor;
namespace coro {
template <typename T = void> class Lazy;
namespace detail {
template <typename T> struct LazyPromise {
  Lazy<T> get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { exception = std::current_exception(); }
  template <typename U> void return_value(U &&v) { value = std::forward<U>(v); }
  T value{};
  std::exception_ptr exception;
};
template <> struct LazyPromise<void> {
  Lazy<void> get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { exception = std::current_exception(); }
  void return_void() noexcept {}
  std::exception_ptr exception;
};
template <typename T> struct LazyAwaiter {
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept { return handle; }
  T await_resume() { return T(); }
  std::coroutine_handle<> handle;
};
template <typename T> class LazyBase {
public:
  using promise_type = LazyPromise<T>;
  explicit LazyBase(std::coroutine_handle<promise_type> h) noexcept : coro(h) {}
  LazyBase(LazyBase &&other) noexcept : coro(std::exchange(other.coro, {})) {}
  ~LazyBase() {
    if (coro)
      coro.destroy();
  }
  LazyAwaiter<T> operator co_await() && noexcept { return {coro}; }
  // Starts the task; the callback receives its result.
  template <typename F> void start(F &&callback) {
    coro.resume();
    callback(0);
  }
  std::coroutine_handle<promise_type> coro;
};
} // namespace detail

template <typename T = void> class RescheduleLazy;

template <typename T> class [[nodiscard]] Lazy : public detail::LazyBase<T> {
public:
  using detail::LazyBase<T>::LazyBase;
  // Binds an executor that will resume the task.
  RescheduleLazy<T> via(Executor *ex) && {
    return RescheduleLazy<T>(std::exchange(this->coro, {}));
  }
};

// A Lazy bound to an executor; detach() starts it with a callback that
// rethrows the task's exception.
template <typename T> class [[nodiscard]] RescheduleLazy : public detail::LazyBase<T> {
public:
  void detach() {
    this->start([](auto &&) {});
  }

private:
  friend class Lazy<T>;
  using detail::LazyBase<T>::LazyBase;
};

template <typename T> Lazy<T> detail::LazyPromise<T>::get_return_object() noexcept {
  return Lazy<T>(std::coroutine_handle<LazyPromise<T>>::from_promise(*this));
}
inline Lazy<void> detail::LazyPromise<void>::get_return_object() noexcept {
  return Lazy<void>(std::coroutine_handle<LazyPromise<void>>::from_promise(*this));
}
} // namespace coro
} // namespace async_simple
