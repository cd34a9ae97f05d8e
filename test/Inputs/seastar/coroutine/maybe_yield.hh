// Stub shaped like seastar/coroutine/maybe_yield.hh.
#pragma once
#include <seastar/core/coroutine.hh>

namespace seastar::coroutine {
namespace internal {
struct maybe_yield_awaiter final {
  bool await_ready() const;
  template <typename T> void await_suspend(std::coroutine_handle<T> h) noexcept;
  void await_resume() {}
};
} // namespace internal
class [[nodiscard("must co_await an maybe_yield() object")]] maybe_yield {
public:
  auto operator co_await() { return internal::maybe_yield_awaiter(); }
};
} // namespace seastar::coroutine
