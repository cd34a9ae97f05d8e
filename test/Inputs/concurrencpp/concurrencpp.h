// Stub shaped like David-Haim/concurrencpp: result<T> is an eager coroutine
// return type whose promise comes from a std::coroutine_traits
// specialisation; get() and wait() block until the coroutine has finished.
#pragma once
#include <coroutine>
#include <exception>

namespace concurrencpp {
template <class type> class result {
public:
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  type await_resume() { return type(); }
  void wait() const {}
  type get() { return type(); }
  // Awaiting it gives back the result, ready.
  struct resolve_awaitable {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    result await_resume() { return {}; }
  };
  resolve_awaitable resolve() { return {}; }
};
template <class type> struct result_promise {
  result<type> get_return_object() { return {}; }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  template <class U> void return_value(U &&) {}
  void unhandled_exception() noexcept { exception = std::current_exception(); }
  std::exception_ptr exception;
};
template <> struct result_promise<void> {
  result<void> get_return_object() { return {}; }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() noexcept { exception = std::current_exception(); }
  std::exception_ptr exception;
};
struct resume_on_background {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() const noexcept {}
};
} // namespace concurrencpp

template <class type, class... arguments>
struct std::coroutine_traits<concurrencpp::result<type>, arguments...> {
  using promise_type = concurrencpp::result_promise<type>;
};
