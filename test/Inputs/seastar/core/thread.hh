// Stub shaped like seastar/core/thread.hh: a stackful thread on the reactor,
// in which future::get() waits without stalling the reactor.
#pragma once
#include <seastar/core/future.hh>

namespace seastar {
class thread_attributes {};
class thread {
public:
  thread() = default;
  template <typename Func> thread(Func func);
  template <typename Func> thread(thread_attributes attr, Func func);
  thread(thread &&x) noexcept = default;
  ~thread();
  future<> join();
  static void yield();
  static bool should_yield();
  static void maybe_yield();
  static bool running_in_thread();
};

// Runs func in a new seastar::thread, which owns it until it returns.
template <typename Func, typename... Args>
futurize_t<std::invoke_result_t<Func, Args...>>
async(thread_attributes attr, Func &&func, Args &&...args) noexcept {
  auto *kept = new std::decay_t<Func>(std::forward<Func>(func));
  return futurize_invoke(*kept, std::forward<Args>(args)...).finally([kept] {
    delete kept;
  });
}
template <typename Func, typename... Args>
futurize_t<std::invoke_result_t<Func, Args...>>
async(Func &&func, Args &&...args) noexcept {
  return async(thread_attributes{}, std::forward<Func>(func),
               std::forward<Args>(args)...);
}
} // namespace seastar
