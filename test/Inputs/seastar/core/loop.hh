// Stub shaped like seastar/core/loop.hh.
#pragma once
#include <iterator>
#include <seastar/core/future.hh>

namespace seastar {
template <typename AsyncAction> future<> repeat(AsyncAction &&action) noexcept;
template <typename StopCondition, typename AsyncAction>
future<> do_until(StopCondition stop_cond, AsyncAction action) noexcept;
template <typename AsyncAction> future<> keep_doing(AsyncAction action) noexcept;
template <typename Range, typename AsyncAction>
future<> do_for_each(Range &c, AsyncAction action) noexcept;
// Calls func (the caller's object) on every element now.
template <typename Iterator, typename Sentinel, typename Func>
future<> parallel_for_each(Iterator begin, Sentinel end, Func &&func) noexcept {
  future<> all = make_ready_future<>();
  for (; begin != end; ++begin)
    all = futurize_invoke(func, *begin);
  return all;
}
template <typename Range, typename Func>
future<> parallel_for_each(Range &&range, Func &&func) noexcept {
  return parallel_for_each(std::begin(range), std::end(range),
                           std::forward<Func>(func));
}
template <typename Range, typename Func>
future<> max_concurrent_for_each(Range &&range, size_t max_concurrent,
                                 Func &&func) noexcept;
} // namespace seastar
