// Seastar's future is eager and [[nodiscard]]: dropping one loses its result
// and its exceptions (and the work runs on, unsupervised). Naming it in a
// local silences [[nodiscard]]: `auto units = get_units(sem, 1);` looks like
// it holds the semaphore, but holds only a future of the units.
// RUN: %check-test coro-discarded-awaitable %s -- %std -I%inputs

#include <seastar/core/coroutine.hh>
#include <seastar/core/gate.hh>
#include <seastar/core/semaphore.hh>
#include <seastar/core/sleep.hh>
#include <vector>

using namespace std::chrono_literals;

seastar::future<int> fetch(int key);
seastar::future<> flush();

seastar::future<> classic(seastar::semaphore &sem) {
  auto units = seastar::get_units(sem, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'units' is never used; its result and exceptions are lost [coro-discarded-awaitable]
  co_await flush();
}

seastar::future<> drops(seastar::semaphore &sem) {
  fetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; its result and exceptions are lost [coro-discarded-awaitable]
  // CHECK-FIXES: co_await fetch(1);
  (void)flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'flush' is never awaited; its result and exceptions are lost [coro-discarded-awaitable]
  // CHECK-FIXES: co_await flush();
  seastar::sleep(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'sleep' is never awaited; its result and exceptions are lost [coro-discarded-awaitable]
  // CHECK-FIXES: co_await seastar::sleep(10ms);
  auto pending = fetch(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'pending' is never used; its result and exceptions are lost [coro-discarded-awaitable]
  co_return;
}

// An ordinary function returning a future returns pending work, not a value.
seastar::future<> forward() { return flush(); }
seastar::future<> drops_forwarded() {
  forward();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'forward' is never awaited; its result and exceptions are lost [coro-discarded-awaitable]
  // CHECK-FIXES: co_await forward();
  co_return;
}

// Outside a coroutine there is nothing to await with: discarded.
void plain(seastar::gate &g) {
  (void)seastar::with_gate(g, [] { return flush(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'with_gate' is discarded; its result and exceptions are lost [coro-discarded-awaitable]
}

// Look-alikes: the future is awaited later, returned, kept in a container
// that is awaited, chained with .then, or the units are awaited.
seastar::future<int> awaited_later() {
  auto first = fetch(1);
  auto second = fetch(2);
  co_return co_await std::move(first) + co_await std::move(second);
}

seastar::future<int> returned() {
  auto result = fetch(3);
  return result;
}

seastar::future<> kept_in_container() {
  std::vector<seastar::future<int>> all;
  auto one = fetch(4);
  all.push_back(std::move(one));
  for (auto &f : all)
    co_await std::move(f);
}

seastar::future<> chained() {
  auto f = fetch(5);
  co_await f.then([](int v) { return v + 1; });
}

seastar::future<> holds_units(seastar::semaphore &sem) {
  auto units = co_await seastar::get_units(sem, 1);
  co_await flush();
}
