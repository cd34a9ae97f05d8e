// Sleeps that do not block a coroutine's thread, and asynchronous waits.
// RUN: %check-test 'coro-blocking-*' %s -- %std -I%inputs

#include <asio.hpp>
#include <chrono>
#include <future>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;
using asio::awaitable;

// Blocking code in ordinary functions that no coroutine calls.
void worker_main() {
  std::this_thread::sleep_for(1s);
  sleep(1);
}

// Coroutine calls a function that only posts the blocking work elsewhere.
void offload(asio::thread_pool &pool) {
  asio::post(pool, [] { std::this_thread::sleep_for(1s); });
}

struct Sleeper {
  void sleep_for(std::chrono::milliseconds) {} // Not std::this_thread's.
};

awaitable<void> well_behaved(asio::thread_pool &pool) {
  asio::steady_timer timer(co_await asio::this_coro::executor, 100ms);
  co_await timer.async_wait(asio::use_awaitable);
  offload(pool);
  // Work handed to other threads may block there.
  std::thread([] { std::this_thread::sleep_for(1s); }).detach();
  asio::post(pool, [] { sleep(1); });
  auto later = [] { std::this_thread::sleep_for(1s); };
  asio::post(pool, later);
  auto fut = std::async(std::launch::async, [] { usleep(10); return 1; });
  Sleeper s;
  s.sleep_for(10ms);
  co_return;
}

// Coroutines as callees are not descended into: they block where they run,
// and are reported there.
awaitable<void> lazy_sleeper();
