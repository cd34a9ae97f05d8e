// Stub shaped like libunifex's unifex/spawn_detached.hpp and
// v2/async_scope.hpp: spawn_detached nests the work in a scope that can be
// joined (an error terminates the program).
#pragma once

namespace unifex {
namespace v2 {
struct async_scope {
  struct join_sender {};
  join_sender join() noexcept { return {}; }
};
} // namespace v2
namespace _spawn_detached {
struct _spawn_detached_fn {
  template <typename Sender, typename Scope>
  void operator()(Sender &&sender, Scope &scope) const {}
};
} // namespace _spawn_detached
inline constexpr _spawn_detached::_spawn_detached_fn spawn_detached{};
} // namespace unifex
