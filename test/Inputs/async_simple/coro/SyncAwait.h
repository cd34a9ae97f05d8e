// Stub shaped like alibaba/async_simple's async_simple/coro/SyncAwait.h:
// blocks the calling thread until the task has finished.
#pragma once
#include "async_simple/coro/Lazy.h"

namespace async_simple {
namespace coro {
template <typename LazyType> inline auto syncAwait(LazyType &&lazy) {
  return 0;
}
template <typename LazyType> inline auto syncAwait(LazyType &&lazy, Executor *ex) {
  return syncAwait(std::forward<LazyType>(lazy));
}
} // namespace coro
} // namespace async_simple
