// Stub shaped like seastar/core/coroutine.hh: seastar::future<T> is a
// coroutine type through a std::coroutine_traits specialisation whose
// promise never suspends initially (the coroutine runs eagerly), and an
// awaitable through a free operator co_await.
#pragma once
#include <coroutine>
#include <functional>
#include <seastar/core/future.hh>

namespace seastar {
namespace internal {
template <typename T = void> class coroutine_traits_base {
public:
  class promise_type final {
  public:
    promise_type() = default;
    promise_type(promise_type &&) = delete;
    template <typename U> void return_value(U &&value);
    void unhandled_exception() noexcept;
    seastar::future<T> get_return_object() noexcept;
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
  };
};
template <> class coroutine_traits_base<> {
public:
  class promise_type final {
  public:
    promise_type() = default;
    promise_type(promise_type &&) = delete;
    void return_void() noexcept;
    void unhandled_exception() noexcept;
    seastar::future<> get_return_object() noexcept;
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
  };
};

template <bool CheckPreempt, typename T> struct awaiter {
  seastar::future<T> _future;
  explicit awaiter(seastar::future<T> &&f) noexcept : _future(std::move(f)) {}
  bool await_ready() const noexcept;
  template <typename U> void await_suspend(std::coroutine_handle<U> h) noexcept;
  T await_resume() { return _future.get(); }
};
} // namespace internal

template <typename T> auto operator co_await(future<T> &&f) noexcept {
  return internal::awaiter<true, T>(std::move(f));
}

namespace coroutine {
// Wraps a lambda coroutine that is awaited in the same statement, so that
// its closure outlives the coroutine.
template <typename Func> class lambda {
  Func *_func;

public:
  explicit lambda(Func &&func) : _func(&func) {}
  template <typename... Args> decltype(auto) operator()(Args &&...args) const {
    return std::invoke(*_func, std::forward<Args>(args)...);
  }
};
} // namespace coroutine
} // namespace seastar

namespace std {
template <typename T, typename... Args>
class coroutine_traits<seastar::future<T>, Args...>
    : public seastar::internal::coroutine_traits_base<T> {};
} // namespace std
