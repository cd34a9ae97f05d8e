// A thread sleep in a Seastar coroutine stalls the whole shard's reactor:
// every other fiber on it waits too. The fix-it is seastar::sleep, which
// suspends only this coroutine.
// RUN: %check-test coro-blocking-sleep %s -- %std -I%inputs

#include <chrono>
#include <seastar/core/coroutine.hh>
#include <seastar/core/sleep.hh>
#include <seastar/core/thread.hh>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

seastar::future<> flush();

seastar::future<> retry_loop() {
  for (int attempt = 0; attempt < 3; ++attempt) {
    co_await flush();
    std::this_thread::sleep_for(100ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: coroutine 'retry_loop' sleeps in 'std::this_thread::sleep_for', blocking its thread [coro-blocking-sleep]
    // CHECK-FIXES: co_await seastar::sleep(100ms);
  }
  usleep(500);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'retry_loop' sleeps in 'usleep', blocking its thread [coro-blocking-sleep]
  // CHECK-FIXES: co_await seastar::sleep(std::chrono::microseconds(500));
}

// Look-alikes: Seastar's own sleeps suspend the coroutine; a sleep in a
// seastar::thread's function blocks that thread's stack only, and the
// function is no coroutine.
seastar::future<> sleeps_asynchronously(seastar::abort_source &as) {
  co_await seastar::sleep(10ms);
  co_await seastar::sleep_abortable(10ms, as);
  co_await seastar::async([] { std::this_thread::sleep_for(1ms); });
}
