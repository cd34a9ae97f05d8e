// A wait on an object the coroutine has just asked whether it is ready
// returns at once: a test's `EXPECT_TRUE(f.isReady()); f.get();`, an
// awaiter resumed by hand in the branch where `await_ready()` said yes.
// Look-alikes: a readiness check of another object, or after the wait.
// RUN: %check-test coro-blocking-call %s -- %std -I%inputs

#include <folly/coro/Task.h>
#include <thread>
#include <utility>

#define EXPECT_TRUE(condition) if (!(condition)) report_failure()
void report_failure();

folly::coro::Task<int> checked(folly::SemiFuture<int> ready) {
  EXPECT_TRUE(ready.isReady());
  int a = std::move(ready).get();
  co_return a;
}

folly::coro::Task<int> checked_other(folly::SemiFuture<int> one,
                                     folly::SemiFuture<int> other) {
  EXPECT_TRUE(one.isReady());
  int a = std::move(other).get();
  // CHECK: :[[@LINE-1]]:11: warning: coroutine 'checked_other' waits for another thread in 'folly::SemiFuture::get', blocking its thread [coro-blocking-call]
  co_return a;
}

folly::coro::Task<int> checked_after(folly::SemiFuture<int> late) {
  int a = std::move(late).get();
  // CHECK: :[[@LINE-1]]:11: warning: coroutine 'checked_after' waits for another thread in 'folly::SemiFuture::get', blocking its thread [coro-blocking-call]
  EXPECT_TRUE(late.isReady());
  co_return a;
}

// An awaiter whose await_resume joins the thread that resumes the
// coroutine; when the thread is done already, await_ready says so.
struct thread_awaiter {
  std::thread worker;
  bool await_ready() const noexcept { return !worker.joinable(); }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {
    if (worker.joinable())
      worker.join();
  }
};

folly::coro::Task<void> resumes_by_hand(thread_awaiter &aw) {
  if (aw.await_ready())
    aw.await_resume();
  else
    co_await aw;
}

folly::coro::Task<void> resumes_unasked(thread_awaiter &aw) {
  aw.await_resume();
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'resumes_unasked' waits for another thread in 'std::thread::join' through 'thread_awaiter::await_resume', blocking its thread [coro-blocking-call]
  co_return;
}
