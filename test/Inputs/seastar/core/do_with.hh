// Stub shaped like seastar/core/do_with.hh: keeps its values alive until the
// future the function (the last argument) returns resolves.
#pragma once
#include <type_traits>
#include <seastar/core/future.hh>

namespace seastar {
template <typename T1, typename T2, typename... More>
inline auto do_with(T1 &&rv1, T2 &&rv2, More &&...more) noexcept {
  std::decay_t<T1> v1(std::forward<T1>(rv1));
  if constexpr (sizeof...(More) == 0) {
    return futurize_invoke(std::forward<T2>(rv2), v1);
  } else {
    std::decay_t<T2> v2(std::forward<T2>(rv2));
    return futurize_invoke((std::forward<More>(more), ...), v1, v2);
  }
}
} // namespace seastar
