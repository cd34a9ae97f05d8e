// After a swallowed cancellation, waiting for work the coroutine started
// already (threads, eager tasks it holds) is how it stops; starting a lazy
// task, or any other await, is going on.
// RUN: %check-test coro-swallowed-cancellation %s -- %std -I%inputs

#include <cppcoro/task.hpp>
#include <utility>
#include <vector>

// Started when made, like Cobalt's thread: awaiting it waits for the end.
struct worker_thread {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
};
worker_thread start_worker();
template <typename Range> cppcoro::task<void> join(Range &workers);

cppcoro::task<void> serve();
cppcoro::task<void> flush();

cppcoro::task<void> stops_after_joining() {
  std::vector<worker_thread> workers;
  workers.push_back(start_worker());
  worker_thread last = start_worker();
  try {
    co_await serve();
  } catch (...) {
  }
  co_await join(workers);
  co_await last;
}

cppcoro::task<void> goes_on_with_new_work() {
  cppcoro::task<void> pending = flush();
  try {
    co_await serve();
  } catch (...) {
    // CHECK: :[[@LINE-1]]:5: warning: catch (...) swallows cancellation: the coroutine keeps running after it was asked to stop [coro-swallowed-cancellation]
    // CHECK: :[[@LINE-3]]:5: note: cancellation is delivered here
  }
  // A lazy task starts only now.
  co_await std::move(pending);
}
