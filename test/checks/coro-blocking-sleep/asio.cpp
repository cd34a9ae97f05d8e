// Sleeps in Asio coroutines, with fix-its to Asio's timer, against the real
// Asio headers.
// RUN: %check-test coro-blocking-sleep %s -- %std

#include <asio.hpp>
#include <chrono>
#include <thread>
#include <time.h>
#include <unistd.h>

using namespace std::chrono_literals;
using asio::awaitable;

void backoff(int attempt) { std::this_thread::sleep_for(attempt * 10ms); }
void retry_later(int attempt) { backoff(attempt + 1); }

awaitable<void> heartbeat(asio::ip::tcp::socket &socket) {
  std::this_thread::sleep_for(100ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'heartbeat' sleeps in 'std::this_thread::sleep_for', blocking its thread [coro-blocking-sleep]
  // CHECK-FIXES: co_await asio::steady_timer(co_await asio::this_coro::executor, 100ms).async_wait(asio::use_awaitable);
  std::this_thread::sleep_for(std::chrono::seconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'heartbeat' sleeps in 'std::this_thread::sleep_for'
  // CHECK-FIXES: co_await asio::steady_timer(co_await asio::this_coro::executor, std::chrono::seconds(1)).async_wait(asio::use_awaitable);
  sleep(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'heartbeat' sleeps in 'sleep'
  // CHECK-FIXES: co_await asio::steady_timer(co_await asio::this_coro::executor, std::chrono::seconds(2)).async_wait(asio::use_awaitable);
  usleep(500);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'heartbeat' sleeps in 'usleep'
  // CHECK-FIXES: co_await asio::steady_timer(co_await asio::this_coro::executor, std::chrono::microseconds(500)).async_wait(asio::use_awaitable);
  if (socket.is_open())
    std::this_thread::sleep_for(5ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: coroutine 'heartbeat' sleeps
  // CHECK-FIXES: co_await asio::steady_timer(co_await asio::this_coro::executor, 5ms).async_wait(asio::use_awaitable);

  // No fix-it where the replacement would not fit: the value is used, the
  // duration is fractional, the sleep is until a time point or takes a
  // timespec, or runs in a lambda called on the spot (no co_await there).
  if (usleep(10) != 0)
    co_return;
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: coroutine 'heartbeat' sleeps in 'usleep'
  // CHECK-FIXES: if (usleep(10) != 0)
  std::this_thread::sleep_for(std::chrono::duration<double>(0.5));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'heartbeat' sleeps
  // CHECK-FIXES: {{^}}  std::this_thread::sleep_for(std::chrono::duration<double>(0.5));
  std::this_thread::sleep_until(std::chrono::system_clock::now() + 1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'heartbeat' sleeps in 'std::this_thread::sleep_until'
  // CHECK-FIXES: {{^}}  std::this_thread::sleep_until(std::chrono::system_clock::now() + 1s);
  timespec ts{0, 1000};
  nanosleep(&ts, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'heartbeat' sleeps in 'nanosleep'
  [&] { std::this_thread::sleep_for(1ms); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: coroutine 'heartbeat' sleeps in 'std::this_thread::sleep_for'
  // CHECK-FIXES: [&] { std::this_thread::sleep_for(1ms); }();

  // Through ordinary functions: reported at the call, the path in notes.
  retry_later(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'heartbeat' sleeps in 'std::this_thread::sleep_for' through 'retry_later', blocking its thread
  // CHECK-MESSAGES: :15:33: note: 'retry_later' calls 'backoff' here
  // CHECK-MESSAGES: :14:29: note: 'backoff' calls 'std::this_thread::sleep_for' here
  // CHECK-FIXES: {{^}}  retry_later(1);
}

// 'co_await' is not allowed in a catch handler: no fix-it there.
awaitable<void> backoff_on_error(asio::ip::tcp::socket &socket) {
  try {
    co_await socket.async_wait(asio::socket_base::wait_read, asio::use_awaitable);
  } catch (const std::exception &) {
    std::this_thread::sleep_for(100ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: coroutine 'backoff_on_error' sleeps in 'std::this_thread::sleep_for', blocking its thread
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no fix-it: 'co_await' cannot be used in a catch handler
    // CHECK-FIXES: {{^}}    std::this_thread::sleep_for(100ms);
  }
}

auto lambda_coroutine = []() -> awaitable<void> {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lambda coroutine sleeps in 'std::this_thread::sleep_for'
  // CHECK-FIXES: co_await asio::steady_timer(co_await asio::this_coro::executor, 1ms).async_wait(asio::use_awaitable);
  co_return;
};
