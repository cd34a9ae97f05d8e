// Stub shaped like seastar/coroutine/all.hh: awaits several futures, or the
// futures several callables return, concurrently.
#pragma once
#include <tuple>
#include <seastar/core/coroutine.hh>

namespace seastar::coroutine {
namespace internal {
template <typename Future> struct value_of;
template <typename T> struct value_of<future<T>> { using type = T; };
template <> struct value_of<future<>> { using type = std::tuple<>; };
} // namespace internal

template <typename... Futures>
  requires(sizeof...(Futures) > 0)
class [[nodiscard("must co_await an all() object")]] all {
  std::tuple<Futures...> _futures;

public:
  // Calls every callable now, in the full expression that awaits the result.
  template <typename... Func>
  explicit all(Func &&...funcs) : _futures(futurize_invoke(funcs)...) {}
  bool await_ready() const noexcept { return false; }
  template <typename T> void await_suspend(std::coroutine_handle<T> h) noexcept {}
  std::tuple<typename internal::value_of<Futures>::type...> await_resume();
};
template <typename FirstFunc, typename... MoreFuncs>
explicit all(FirstFunc &&, MoreFuncs &&...)
    -> all<std::invoke_result_t<FirstFunc>, std::invoke_result_t<MoreFuncs>...>;
} // namespace seastar::coroutine
