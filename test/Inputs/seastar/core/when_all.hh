// Stub shaped like seastar/core/when_all.hh.
#pragma once
#include <tuple>
#include <vector>
#include <seastar/core/future.hh>

namespace seastar {
template <typename... FutOrFuncs>
auto when_all(FutOrFuncs &&...fut_or_funcs) noexcept
    -> future<std::tuple<std::remove_cvref_t<FutOrFuncs>...>>;
template <typename FutureIterator>
future<std::vector<typename std::iterator_traits<FutureIterator>::value_type>>
when_all(FutureIterator begin, FutureIterator end) noexcept;
template <typename... FutOrFuncs>
auto when_all_succeed(FutOrFuncs &&...fut_or_funcs) noexcept
    -> future<std::tuple<>>;
template <typename T>
future<std::vector<T>> when_all_succeed(std::vector<future<T>> &&futures) noexcept;
} // namespace seastar
