// Stub shaped like seastar/core/sharded.hh: one Service per shard; the
// invoke_on_all and map_reduce functions run a function on every shard.
#pragma once
#include <functional>
#include <type_traits>
#include <vector>
#include <seastar/core/future.hh>

namespace seastar {
using shard_id = unsigned;
struct smp_submit_to_options {};
template <typename Service> class sharded {
public:
  sharded() noexcept {}
  sharded(const sharded &) = delete;
  ~sharded();
  template <typename... Args> future<> start(Args &&...args) noexcept;
  future<> stop() noexcept;
  future<> invoke_on_all(std::function<future<>(Service &)> func) noexcept;
  // Each shard's message holds a copy of func until the future it
  // returned resolves.
  template <typename Func, typename... Args>
  future<> invoke_on_all(Func func, Args... args) noexcept {
    auto *kept = new Func(std::move(func));
    return futurize_invoke(*kept, local(), args...).finally([kept] { delete kept; });
  }
  template <typename Func, typename... Args>
  auto invoke_on(shard_id id, Func &&func, Args &&...args) noexcept
      -> futurize_t<std::invoke_result_t<Func, Service &, Args...>> {
    auto *kept = new std::decay_t<Func>(std::forward<Func>(func));
    return futurize_invoke(*kept, local(), std::forward<Args>(args)...)
        .finally([kept] { delete kept; });
  }
  template <typename Mapper, typename Initial, typename Reduce>
  future<Initial> map_reduce0(Mapper map, Initial initial, Reduce reduce) {
    auto *kept = new Mapper(std::move(map));
    return futurize_invoke(*kept, local())
        .then([initial, reduce](auto value) mutable { return reduce(initial, value); })
        .finally([kept] { delete kept; });
  }
  Service &local() noexcept;
};
} // namespace seastar
