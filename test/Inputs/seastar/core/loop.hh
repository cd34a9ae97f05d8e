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
// Calls the caller's mapper for each element; the reductions run in
// continuations of the futures the mapper returned.
template <typename Iterator, typename Sentinel, typename Mapper,
          typename Initial, typename Reduce>
future<Initial> map_reduce(Iterator begin, Sentinel end, Mapper &&mapper,
                           Initial initial, Reduce reduce) {
  future<Initial> result = make_ready_future<Initial>(initial);
  for (; begin != end; ++begin)
    result = futurize_invoke(mapper, *begin).then([reduce](auto value) mutable {
      return reduce(Initial{}, value);
    });
  return result;
}
template <typename Range, typename Mapper, typename Initial, typename Reduce>
future<Initial> map_reduce(Range &&range, Mapper &&mapper, Initial initial,
                           Reduce reduce) {
  return map_reduce(std::begin(range), std::end(range),
                    std::forward<Mapper>(mapper), std::move(initial),
                    std::move(reduce));
}
template <typename Range, typename Func>
future<> max_concurrent_for_each(Range &&range, size_t max_concurrent,
                                 Func &&func) noexcept;
} // namespace seastar
