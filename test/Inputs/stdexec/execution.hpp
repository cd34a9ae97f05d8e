// Stub shaped like stdexec/execution.hpp: just and sync_wait.
#pragma once
#include <optional>
#include <tuple>

namespace stdexec {
template <typename... Values> struct just_sender {
  std::tuple<Values...> values;
};
template <typename... Values> just_sender<Values...> just(Values... values) {
  return {{values...}};
}
template <typename Sender>
std::optional<int> sync_wait(Sender &&sender) {
  return 0;
}
template <typename Sender> void start_detached(Sender &&sender) {}
} // namespace stdexec
