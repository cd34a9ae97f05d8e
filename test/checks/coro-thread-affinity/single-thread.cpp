// Coroutine types whose coroutines always resume on the thread that started
// them (the framework table's SingleThreadCoroutineTypes: Cobalt's, Seastar's
// future): thread-local state stays valid across their suspensions.
// RUN: %check-test coro-thread-affinity %s -- %std -I%inputs

#include <boost/cobalt/spawn.hpp>

thread_local int depth;

boost::cobalt::task<void> step();

boost::cobalt::task<void> nested() {
  ++depth;
  co_await step();
  --depth;
}

// A look-alike of another namespace is not one of them.
namespace pool {
template <typename T = void> using task = boost::cobalt::task<T>;
struct job {
  struct promise_type {
    job get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
} // namespace pool

pool::job on_a_pool() {
  ++depth;
  co_await step();
  --depth;
  // CHECK: :[[@LINE-1]]:5: warning: thread-local 'depth' is used before and after a suspension point
  // CHECK: :[[@LINE-3]]:3: note: suspension point is here
  // CHECK: :[[@LINE-5]]:5: note: used before it here
}
