// Stub shaped like folly/coro/WithCancellation.h: runs an awaitable with a
// cancellation token that the operations inside it see.
#pragma once
#include <folly/CancellationToken.h>
#include <utility>

namespace folly::coro {
template <typename Awaitable>
Awaitable &&co_withCancellation(const folly::CancellationToken &cancelToken,
                                Awaitable &&awaitable) noexcept {
  return static_cast<Awaitable &&>(awaitable);
}
} // namespace folly::coro
