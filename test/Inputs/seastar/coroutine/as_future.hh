// Stub shaped like seastar/coroutine/as_future.hh: await a future and get it
// back resolved, failed or not, instead of its value.
#pragma once
#include <seastar/core/coroutine.hh>

namespace seastar::coroutine {
template <typename T = void>
class [[nodiscard]] as_future_awaiter {
  seastar::future<T> _future;

public:
  explicit as_future_awaiter(seastar::future<T> &&f) noexcept;
  bool await_ready() const noexcept;
  template <typename U> void await_suspend(std::coroutine_handle<U> h) noexcept;
  seastar::future<T> await_resume();
};
template <typename T>
inline auto as_future(seastar::future<T> &&f) noexcept {
  return as_future_awaiter<T>(std::move(f));
}
} // namespace seastar::coroutine
