// Polling loops with each framework's asynchronous sleep, and the
// framework's awaitable alternative in the note.
// RUN: %check-test coro-polling-loop %s -- %std -I%inputs

#include <atomic>
#include <chrono>
#include <coro/scheduler.hpp>
#include <coroutine>
#include <cppcoro/io_service.hpp>
#include <cppcoro/task.hpp>
#include <folly/coro/Sleep.h>
#include <vector>

using namespace std::chrono_literals;

std::atomic<int> pending{0};
std::atomic_flag done_flag;

folly::coro::Task<void> folly_wait() {
  while (pending.load() != 0)
    // CHECK: :[[@LINE-1]]:3: warning: loop polls 'pending' and sleeps between checks instead of awaiting an event [coro-polling-loop]
    co_await folly::coro::sleep(1ms);
  // CHECK: :[[@LINE-1]]:14: note: sleeps here between checks; await a 'folly::coro::Baton' the producer posts instead
}

coro::task<void> libcoro_wait(coro::scheduler &s) {
  while (!done_flag.test())
    // CHECK: :[[@LINE-1]]:3: warning: loop polls 'done_flag' and sleeps
    co_await s.yield_for(std::chrono::milliseconds{5});
  // CHECK: :[[@LINE-1]]:14: note: sleeps here between checks; await a 'coro::event' the producer sets instead
}

struct job {
  bool is_done() const;
  void run();
};

cppcoro::task<void> cppcoro_wait(cppcoro::io_service &io, job &j) {
  int waited = 0;
  while (!j.is_done()) {
    // CHECK: :[[@LINE-1]]:3: warning: loop polls 'job::is_done' and sleeps
    ++waited;
    co_await io.schedule_after(std::chrono::milliseconds(waited * 2));
    // CHECK: :[[@LINE-1]]:14: note: sleeps here between checks; await a 'cppcoro::async_manual_reset_event' the producer sets instead
  }
}

// Not reported: the loop awaits what it waits for.
folly::coro::Task<void> folly_baton(folly::coro::Baton &b) {
  while (!b.ready())
    co_await b;
}

// Not reported: a periodic job that drives the work it checks.
cppcoro::task<void> cppcoro_drive(cppcoro::io_service &io, job &j) {
  while (!j.is_done()) {
    j.run();
    co_await io.schedule_after(1ms);
  }
}

// Not reported: a generator-like round that yields to its consumer.
folly::coro::Task<void> folly_batches(std::vector<int> &items) {
  while (!items.empty()) {
    co_await folly::coro::sleep(1ms);
    co_await folly_wait();
  }
}

// Not reported: the sleep is in a lambda, the lambda is not the loop's.
folly::coro::Task<void> folly_lambda() {
  while (pending.load() != 0) {
    auto nap = []() -> folly::coro::Task<void> {
      co_await folly::coro::sleep(1ms);
    };
    co_await nap();
  }
}
