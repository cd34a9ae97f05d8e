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

// Not reported: a plain bool (nothing says another thread sets it), a
// range for, and a question asked only in a nested loop (a known limit:
// the outer loop below polls through a count the inner loop makes).
struct poller {
  bool stop = false;
  folly::coro::Task<void> plain_flag() {
    while (!stop)
      co_await folly::coro::sleep(1ms);
  }
  folly::coro::Task<void> each(std::vector<job> &jobs) {
    for (job &j : jobs) {
      if (j.is_done())
        continue;
      co_await folly::coro::sleep(1ms);
    }
  }
  folly::coro::Task<void> nested(std::vector<job> &jobs) {
    for (int round = 0, left = 1; round < 3 && left > 0; ++round) {
      left = 0;
      for (job &j : jobs)
        if (!j.is_done())
          ++left;
      co_await folly::coro::sleep(1ms);
    }
  }
};
