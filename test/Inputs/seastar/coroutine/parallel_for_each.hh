// Stub shaped like seastar/coroutine/parallel_for_each.hh: an awaitable that
// runs func on every element, concurrently, and keeps func until all finish.
#pragma once
#include <iterator>
#include <ranges>
#include <seastar/core/coroutine.hh>

namespace seastar::coroutine {
template <typename Func>
class [[nodiscard("must co_await an parallel_for_each() object")]] parallel_for_each final {
  Func _func;

public:
  // Calls func on every element now; the awaitable, which lives in the
  // awaiting coroutine's frame, keeps func until every call's future resolves.
  template <typename Iterator, typename Sentinel, typename Func1>
  explicit parallel_for_each(Iterator begin, Sentinel end, Func1 &&func) noexcept
      : _func(std::forward<Func1>(func)) {
    for (; begin != end; ++begin)
      pending(futurize_invoke(_func, *begin));
  }
  template <std::ranges::range Range, typename Func1>
  explicit parallel_for_each(Range &&range, Func1 &&func) noexcept
      : parallel_for_each(std::ranges::begin(range), std::ranges::end(range),
                          std::forward<Func1>(func)) {}
  bool await_ready() const noexcept { return true; }
  template <typename T> void await_suspend(std::coroutine_handle<T> h) noexcept {}
  void await_resume() const {}

private:
  void pending(future<> &&f) noexcept {}
};
template <typename Iterator, typename Sentinel, typename Func>
parallel_for_each(Iterator begin, Sentinel end, Func &&func)
    -> parallel_for_each<Func>;
template <std::ranges::range Range, typename Func>
parallel_for_each(Range &&range, Func &&func) -> parallel_for_each<Func>;
} // namespace seastar::coroutine
