// Stub shaped like stdexec/execution.hpp: just, sync_wait and start_detached,
// which stdexec defines as customization point objects, not functions.
#pragma once
#include <optional>
#include <tuple>

namespace stdexec {
template <typename... Values> struct just_sender {
  std::tuple<Values...> values;
};
struct just_t {
  template <typename... Values>
  just_sender<Values...> operator()(Values... values) const {
    return {{values...}};
  }
};
inline constexpr just_t just{};
struct sync_wait_t {
  template <typename Sender>
  std::optional<int> operator()(Sender &&sender) const {
    return 0;
  }
};
inline constexpr sync_wait_t sync_wait{};
struct start_detached_t {
  template <typename Sender> void operator()(Sender &&sender) const {}
};
inline constexpr start_detached_t start_detached{};
} // namespace stdexec
