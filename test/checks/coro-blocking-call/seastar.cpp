// future::get() waits only in a seastar::thread, whose stack can be parked.
// In a coroutine it stalls the reactor (Seastar asserts when the future is not
// ready): the coroutine must co_await the future instead.
// RUN: %check-test coro-blocking-call %s -- %std -I%inputs

#include <seastar/core/coroutine.hh>
#include <seastar/core/sleep.hh>
#include <seastar/core/thread.hh>
#include <seastar/coroutine/as_future.hh>
#include <cstdio>
#include <unistd.h>

seastar::future<int> fetch(int key);
seastar::future<int> ready_value() { co_return 64; }
seastar::future<> idle();

int fetch_now(int key) { return fetch(key).get(); }

seastar::future<int> stalls() {
  int a = fetch(1).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: coroutine 'stalls' waits for another thread in 'seastar::future::get', blocking its thread [coro-blocking-call]
  auto pending = fetch(2);
  pending.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'stalls' waits for another thread in 'seastar::future::wait', blocking its thread [coro-blocking-call]
  int b = fetch_now(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: coroutine 'stalls' waits for another thread in 'seastar::future::get' through 'fetch_now', blocking its thread [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-10]]:33: note: 'fetch_now' calls 'seastar::future::get' here
  co_return a + b + pending.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: coroutine 'stalls' waits for another thread in 'seastar::future::get', blocking its thread [coro-blocking-call]
}

// Look-alikes: get() in a seastar::thread (seastar::async's function is no
// coroutine), on a future that is available (asked here or in a lambda the
// coroutine awaits), on the resolved future that coroutine::as_future gives
// back, on the result of a coroutine that completes within the call; the
// await of a lambda coroutine called on the spot (its awaiter's get() is the
// await's own).
seastar::future<int> waits_properly() {
  int a = co_await seastar::async([] { return fetch(1).get() + fetch_now(2); });
  auto ready = fetch(3);
  if (ready.available())
    a += ready.get();
  auto outcome = co_await seastar::coroutine::as_future(fetch(4));
  if (outcome.failed())
    co_return 0;
  a += ready_value().get();
  auto background = fetch(6);
  co_await [&]() -> seastar::future<> {
    while (!background.available())
      co_await idle();
  }();
  co_return a + outcome.get() + co_await fetch(5) + background.get();
}

// A helper that waits only once it has seen the future ready, as Seastar's
// repeat() does (`if (!f.available()) return later; f.get();`), reached
// through another helper: the wait returns at once. Its look-alike asks
// about one future and waits on another.
seastar::future<int> later_value();

seastar::future<int> drain(seastar::future<int> f) {
  if (!f.available() || f.failed())
    return later_value();
  return seastar::make_ready_future<int>(f.get());
}
seastar::future<int> consume(int key) { return drain(fetch(key)); }

seastar::future<int> drain_other(seastar::future<int> f,
                                 seastar::future<int> g) {
  if (!f.available())
    return later_value();
  return seastar::make_ready_future<int>(g.get());
}
seastar::future<int> consume_other(int key) {
  return drain_other(fetch(key), fetch(key + 1));
}

seastar::future<int> reads_through_helpers() {
  int a = co_await consume(1);
  int b = co_await consume_other(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: coroutine 'reads_through_helpers' waits for another thread in 'seastar::future::get' through 'consume_other', blocking its thread [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-7]]:10: note: 'consume_other' calls 'drain_other' here
  // CHECK-MESSAGES: :[[@LINE-11]]:42: note: 'drain_other' calls 'seastar::future::get' here
  co_return a + b;
}

// Blocking syscalls and file I/O stall the reactor too: Seastar's own file
// and socket APIs are futures. In a seastar::thread, or in a function the
// coroutine hands to a thread of its own, they block only that thread.
seastar::future<int> reads_files(int fd) {
  char buffer[64];
  ::read(fd, buffer, sizeof buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'reads_files' does blocking I/O in 'read', blocking its thread [coro-blocking-call]
  FILE *config = fopen("/etc/app.conf", "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: coroutine 'reads_files' does blocking I/O in 'fopen', blocking its thread [coro-blocking-call]
  int n = co_await seastar::async([&] {
    return static_cast<int>(::read(fd, buffer, sizeof buffer));
  });
  co_return n + (config != nullptr);
}
