// A made-up value coroutine type shaped like folly's result/Expected
// coroutines: the promise suspends neither initially nor finally, and the
// only awaiter it accepts (`or_unwind`) takes a handle of its own promise
// kind, which it destroys to stop early. A call runs the coroutine to
// completion and returns a value. Also a fire-and-forget type with the same
// initial and final suspension that awaits anything (like Cobalt's
// `detached`): that one may suspend and outlive the call.
#pragma once
#include <coroutine>
#include <exception>
#include <optional>

namespace valuecoro {
template <typename T> struct value_promise;

template <typename T> struct value {
  using promise_type = value_promise<T>;
  std::optional<T> held;
  bool ok() const { return held.has_value(); }
};

template <typename T> struct value_promise {
  value<T> *out = nullptr;
  value<T> get_return_object() { return {}; }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  void return_value(T v) {}
  void unhandled_exception() { throw; }
};

template <typename T> struct or_unwind {
  value<T> v;
  bool await_ready() const noexcept { return v.ok(); }
  template <typename U>
  void await_suspend(std::coroutine_handle<value_promise<U>> h) noexcept {
    h.destroy();
  }
  T await_resume() { return *v.held; }
};

template <typename U> using value_handle = std::coroutine_handle<value_promise<U>>;
template <typename P> using any_handle = std::coroutine_handle<P>;

// The same awaiter naming its handle through an alias template.
template <typename T> struct or_unwind_aliased {
  value<T> v;
  bool await_ready() const noexcept { return v.ok(); }
  template <typename U> void await_suspend(value_handle<U> h) noexcept {
    h.destroy();
  }
  T await_resume() { return *v.held; }
};

// An alias that takes any promise: a scheduler could resume the coroutine.
struct later_aliased {
  bool await_ready() const noexcept { return false; }
  template <typename P> void await_suspend(any_handle<P> h) noexcept;
  void await_resume() noexcept {}
};

struct fire_and_forget {
  struct promise_type {
    fire_and_forget get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
};

// Resumes the coroutine later, on some scheduler.
struct later {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) noexcept;
  void await_resume() noexcept {}
};
} // namespace valuecoro
