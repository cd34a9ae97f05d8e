// Boost.Asio coroutines (Debian's Boost 1.74): the fix-it spells boost::asio.
// The driver defines BOOST_ASIO_HAS_CO_AWAIT/_STD_COROUTINE itself.
// RUN: %check-test coro-blocking-sleep %s -- %std

// Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.
#include <utility>
#include <boost/asio.hpp>
#include <chrono>
#include <thread>
#include <unistd.h>

boost::asio::awaitable<void> poll_loop() {
  std::this_thread::sleep_for(std::chrono::milliseconds(250));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'poll_loop' sleeps in 'std::this_thread::sleep_for', blocking its thread [coro-blocking-sleep]
  // CHECK-FIXES: co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, std::chrono::milliseconds(250)).async_wait(boost::asio::use_awaitable);
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'poll_loop' sleeps in 'sleep', blocking its thread [coro-blocking-sleep]
  // CHECK-FIXES: co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, std::chrono::seconds(1)).async_wait(boost::asio::use_awaitable);
  usleep(500);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'poll_loop' sleeps in 'usleep', blocking its thread [coro-blocking-sleep]
  // CHECK-FIXES: co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, std::chrono::microseconds(500)).async_wait(boost::asio::use_awaitable);
  co_return;
}
