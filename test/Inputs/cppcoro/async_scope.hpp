// Stub shaped like cppcoro's async_scope.hpp: spawn starts an awaitable that
// the scope's join() waits for; the caller does not await it.
#pragma once
#include <cppcoro/task.hpp>

namespace cppcoro {
class async_scope {
public:
  async_scope() noexcept;
  ~async_scope();
  template <typename AWAITABLE> void spawn(AWAITABLE &&awaitable);
  // Awaitable that completes when all spawned work has finished.
  task<> join() noexcept;
};
} // namespace cppcoro
