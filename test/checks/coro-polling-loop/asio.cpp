// With the real Asio headers: loops that poll a flag, a queue or a future
// and sleep on a timer between checks; look-alikes that retry an operation,
// do periodic work, or await what they wait for.
// RUN: %check-test coro-polling-loop %s -- %std

#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <atomic>
#include <chrono>
#include <deque>
#include <future>
#include <string>

using namespace std::chrono_literals;

struct worker {
  std::atomic<bool> stopped{false};
  std::deque<std::string> queue;
  asio::steady_timer timer;
  asio::ip::tcp::socket socket;

  asio::awaitable<void> wait_until_stopped() {
    while (!stopped.load()) {
      // CHECK: :[[@LINE-1]]:5: warning: loop polls 'stopped' and sleeps between checks instead of awaiting an event [coro-polling-loop]
      timer.expires_after(10ms);
      co_await timer.async_wait(asio::use_awaitable);
      // CHECK: :[[@LINE-1]]:16: note: sleeps here between checks; await an 'asio::experimental::channel' the producer sends on, or a timer it cancels
    }
  }

  // The implicit conversion of an atomic reads it too; the timer is made
  // in the round, and the executor queried.
  asio::awaitable<void> wait_flag() {
    for (;;) {
      // CHECK: :[[@LINE-1]]:5: warning: loop polls 'stopped' and sleeps
      if (stopped)
        break;
      asio::steady_timer t(co_await asio::this_coro::executor, 5ms);
      co_await t.async_wait(asio::use_awaitable);
      // CHECK: :[[@LINE-1]]:16: note: sleeps here between checks
    }
  }

  asio::awaitable<std::string> next_line() {
    while (queue.empty()) {
      // CHECK: :[[@LINE-1]]:5: warning: loop polls 'std::deque::empty' and sleeps between checks
      timer.expires_after(std::chrono::milliseconds(1));
      co_await timer.async_wait(asio::use_awaitable);
      // CHECK: :[[@LINE-1]]:16: note: sleeps here between checks
    }
    std::string line = std::move(queue.front());
    queue.pop_front();
    co_return line;
  }

  // A future of another thread, polled: what runs when it is ready, on the
  // way out of the loop, is not part of a round.
  asio::awaitable<int> result_of(std::future<int> &f) {
    do {
      // CHECK: :[[@LINE-1]]:5: warning: loop polls 'std::future::wait_for' and sleeps
      if (f.wait_for(0s) == std::future_status::ready)
        co_return f.get();
      timer.expires_after(1ms);
      co_await timer.async_wait(asio::use_awaitable);
      // CHECK: :[[@LINE-1]]:16: note: sleeps here between checks
    } while (true);
  }

  // Not reported: a retry loop, which awaits the operation itself as well
  // as sleeping (a backoff).
  asio::awaitable<void> send_with_retry(const std::string &data) {
    for (int attempt = 0; !stopped.load() && attempt < 5; ++attempt) {
      auto [ec, n] = co_await asio::async_write(
          socket, asio::buffer(data), asio::experimental::as_tuple(asio::use_awaitable));
      if (!ec)
        break;
      timer.expires_after(100ms);
      co_await timer.async_wait(asio::use_awaitable);
    }
  }

  // Not reported: a periodic job, which does work each round.
  void flush();
  asio::awaitable<void> flusher() {
    while (!stopped.load()) {
      flush();
      timer.expires_after(1s);
      co_await timer.async_wait(asio::use_awaitable);
    }
  }

  // Not reported: a loop that checks nothing it polls (a fixed pause).
  asio::awaitable<void> ticks(int n) {
    for (int i = 0; i < n; ++i) {
      timer.expires_after(1s);
      co_await timer.async_wait(asio::use_awaitable);
    }
  }

  // Not reported: a loop that awaits what it waits for, a channel-like
  // read, with no sleep.
  asio::awaitable<void> reader() {
    char data[64];
    while (!stopped.load())
      co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
  }

  // Not reported: the polling loop is in a plain function, which blocks
  // (coro-blocking-sleep's business), not a coroutine.
  void plain() {
    while (queue.empty())
      timer.wait();
  }
};
