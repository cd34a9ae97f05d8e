// A task dropped by the function a callable is handed to: it calls the
// callable and drops what it returns (a thread's function, std::for_each's,
// a project's "run this later" helper), so the task is never awaited.
// Decided from the callee's body where it is in sight (also through a
// wrapper that passes the callable on), from the table where it is not.
// RUN: %check-test coro-discarded-awaitable %s -- %std -I%inputs

#include <algorithm>
#include <coro/task.hpp>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

coro::task<void> flush();
coro::task<void> store(int value);
void log_value(int value);

std::vector<coro::task<void>> pending;

template <class F> void run_later(F f) {
  // ... queued, then:
  f();
}

template <class F> void run_ignoring(F &&f) { (void)std::invoke(f); }

template <class F> void defer(F &&f) { run_later(std::forward<F>(f)); }

template <class F> coro::task<void> call_and_wait(F f) { co_await f(); }

template <class F> void keep(F f) { pending.push_back(f()); }

void opaque(coro::task<void> (*f)());

void positives(std::vector<int> &values) {
  run_later([]() -> coro::task<void> { co_await flush(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: task returned by the lambda is discarded: 'run_later' calls it and drops what it returns; the coroutine will not run [coro-discarded-awaitable]
  // CHECK-MESSAGES: :24:3: note: the result is dropped here
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: start the task inside the callable, or hand the callable to a function that awaits or spawns what it returns
  run_later(flush);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: task returned by 'flush' is discarded: 'run_later' calls it and drops what it returns
  // CHECK-MESSAGES: :24:3: note: the result is dropped here
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: start the task inside the callable
  run_ignoring([] { return flush(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: task returned by the lambda is discarded: 'run_ignoring' calls it
  // CHECK-MESSAGES: :27:53: note: the result is dropped here
  // CHECK-MESSAGES: :[[@LINE-3]]:16: note: start the task inside the callable
  defer([]() -> coro::task<void> { co_await flush(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: task returned by the lambda is discarded: 'defer' calls it
  // CHECK-MESSAGES: :24:3: note: the result is dropped here
  // CHECK-MESSAGES: :[[@LINE-3]]:9: note: start the task inside the callable

  // Not in sight: the table's.
  std::thread worker([]() -> coro::task<void> { co_await flush(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: task returned by the lambda is discarded: 'std::thread' calls it and drops what it returns; the coroutine will not run
  // CHECK-MESSAGES: :[[@LINE-2]]:22: note: start the task inside the callable
  worker.join();
  std::for_each(values.begin(), values.end(), store);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: task returned by 'store' is discarded: 'std::for_each' calls it
  // CHECK-MESSAGES: :[[@LINE-2]]:47: note: start the task inside the callable
}

void negatives(std::vector<int> &values, std::once_flag &once) {
  // Callables that return no task; callees that await or keep the task;
  // a callee out of sight that the table does not list.
  run_later([] { log_value(1); });
  std::for_each(values.begin(), values.end(), log_value);
  std::thread worker([] { log_value(2); });
  worker.join();
  std::call_once(once, [] { log_value(3); });
  auto waited = call_and_wait([]() -> coro::task<void> { co_await flush(); });
  keep([]() -> coro::task<void> { co_await flush(); });
  opaque(flush);
  (void)waited;
}
