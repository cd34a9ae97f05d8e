// Stub shaped like folly/coro/AsyncScope.h: add() starts the work on its
// executor; joinAsync() waits for all of it.
#pragma once
#include <folly/coro/Task.h>

namespace folly::coro {
class AsyncScope {
public:
  AsyncScope() noexcept;
  ~AsyncScope();
  template <typename Awaitable> void add(Awaitable &&awaitable);
  Task<void> joinAsync() noexcept;
};
} // namespace folly::coro
