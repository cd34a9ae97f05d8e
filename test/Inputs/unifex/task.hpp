// Stub shaped like libunifex's unifex/task.hpp: a lazy task whose type is a
// nested type behind an alias, with a nested promise_type.
#pragma once
#include <coroutine>
#include <exception>

namespace unifex {
namespace _task {
template <typename T> struct _task {
  struct type;
};
template <typename T> struct _promise {
  typename _task<T>::type get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { exception = std::current_exception(); }
  template <typename U> void return_value(U &&v) { value = static_cast<U &&>(v); }
  T value{};
  std::exception_ptr exception;
};
template <> struct _promise<void> {
  _task<void>::type get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { exception = std::current_exception(); }
  void return_void() noexcept {}
  std::exception_ptr exception;
};
template <typename T> struct _task<T>::type {
  using promise_type = _promise<T>;
  explicit type(std::coroutine_handle<promise_type> h) noexcept : coro(h) {}
  type(type &&other) noexcept : coro(other.coro) { other.coro = {}; }
  ~type() {
    if (coro)
      coro.destroy();
  }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept { return coro; }
  T await_resume() { return T(); }
  std::coroutine_handle<promise_type> coro;
};
template <typename T>
typename _task<T>::type _promise<T>::get_return_object() noexcept {
  return typename _task<T>::type{
      std::coroutine_handle<_promise<T>>::from_promise(*this)};
}
inline _task<void>::type _promise<void>::get_return_object() noexcept {
  return _task<void>::type{std::coroutine_handle<_promise<void>>::from_promise(*this)};
}
} // namespace _task

template <typename T = void> using task = typename _task::_task<T>::type;

// Awaiting get_stop_token() reads the coroutine's own stop token.
struct inplace_stop_token {};
namespace _get_stop_token {
struct _awaitable {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  inplace_stop_token await_resume() const noexcept { return {}; }
};
struct _fn {
  _awaitable operator()() const noexcept { return {}; }
};
} // namespace _get_stop_token
inline constexpr _get_stop_token::_fn get_stop_token{};
} // namespace unifex
