// Network awaits with and without a timeout guard, against the real Asio
// 1.22 headers: no cancel_after there, so a note and no fix-it.
// RUN: %check-test coro-missing-timeout %s -- %std

#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <asio/experimental/deferred.hpp>
#include <asio/experimental/parallel_group.hpp>
#include <chrono>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;

awaitable<void> unguarded(tcp::socket &socket, tcp::resolver &resolver) {
  char data[64];
  std::string line;
  // Not a wait for a peer: the system resolver bounds it with its own
  // timeout and attempts, and Asio cannot cancel it per operation.
  auto endpoints = co_await resolver.async_resolve("example.org", "80", use_awaitable);
  co_await asio::async_connect(socket, endpoints, use_awaitable);
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'asio::async_connect' is awaited without a timeout; a peer that stops answering keeps this coroutine waiting forever [coro-missing-timeout]
  // CHECK: :[[@LINE-2]]:12: note: race it against a timer, 'co_await (operation || timer.async_wait(asio::use_awaitable))', or upgrade to Asio 1.31 or Boost 1.86 for 'asio::cancel_after'
  std::size_t n = co_await socket.async_read_some(asio::buffer(data), use_awaitable);
  // CHECK: :[[@LINE-1]]:28: warning: network operation 'asio::basic_stream_socket::async_read_some' is awaited
  co_await asio::async_read_until(socket, asio::dynamic_buffer(line), '\n', use_awaitable);
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'asio::async_read_until' is awaited
  auto [ec, written] = co_await asio::async_write(socket, asio::buffer(data, n), asio::experimental::as_tuple(use_awaitable));
  // CHECK: :[[@LINE-1]]:33: warning: network operation 'asio::async_write' is awaited
}

// Guard 1: raced against a timer in one co_await.
awaitable<void> raced(tcp::socket &socket) {
  char data[64];
  asio::steady_timer timer(socket.get_executor(), 5s);
  co_await (socket.async_read_some(asio::buffer(data), use_awaitable) || timer.async_wait(use_awaitable));
  auto result = co_await (timer.async_wait(use_awaitable) || asio::async_write(socket, asio::buffer(data), use_awaitable));
}

// Guard 1b: a parallel group that waits for the first of the operation and a
// timer; a cancellation slot bound to the operation.
awaitable<void> grouped(tcp::socket &socket, asio::steady_timer &timer, asio::cancellation_signal &signal) {
  char data[64];
  auto [order, ec1, n, ec2] = co_await asio::experimental::make_parallel_group(
      socket.async_read_some(asio::buffer(data), asio::experimental::deferred),
      timer.async_wait(asio::experimental::deferred))
      .async_wait(asio::experimental::wait_for_one(), use_awaitable);
  co_await socket.async_read_some(asio::buffer(data), asio::bind_cancellation_slot(signal.slot(), use_awaitable));
}

// Guard 2: a timer whose completion handler cancels the socket.
awaitable<void> deadline_handler(tcp::socket &socket, asio::steady_timer &deadline) {
  char data[64];
  deadline.expires_after(5s);
  deadline.async_wait([&](std::error_code ec) {
    if (!ec)
      socket.cancel();
  });
  co_await socket.async_read_some(asio::buffer(data), use_awaitable);
}

// Guard 3: a watchdog coroutine raced by the caller (Asio's
// timeout_watchdog example): the session's own awaits are covered.
awaitable<void> watchdog(std::chrono::steady_clock::time_point &deadline) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  auto now = std::chrono::steady_clock::now();
  while (deadline > now) {
    timer.expires_at(deadline);
    co_await timer.async_wait(use_awaitable);
    now = std::chrono::steady_clock::now();
  }
  throw asio::system_error(std::make_error_code(std::errc::timed_out));
}
awaitable<void> echo(tcp::socket &socket, std::chrono::steady_clock::time_point &deadline) {
  char data[1024];
  for (;;) {
    deadline = std::chrono::steady_clock::now() + 10s;
    std::size_t n = co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
  }
}
awaitable<void> handle_connection(tcp::socket socket) {
  std::chrono::steady_clock::time_point deadline{};
  co_await (echo(socket, deadline) || watchdog(deadline));
}

// Newer Asio examples join with && instead: the watchdog's throw cancels
// the session. A plain timer wait joined with && cancels nothing.
awaitable<void> echo_joined(tcp::socket &socket, std::chrono::steady_clock::time_point &deadline) {
  char data[64];
  for (;;)
    co_await socket.async_read_some(asio::buffer(data), use_awaitable);
}
awaitable<void> handle_joined(tcp::socket socket) {
  std::chrono::steady_clock::time_point deadline{};
  co_await (echo_joined(socket, deadline) && watchdog(deadline));
}
awaitable<void> joined_with_timer(tcp::socket &socket, asio::steady_timer &timer) {
  char data[64];
  co_await (socket.async_read_some(asio::buffer(data), use_awaitable) && timer.async_wait(use_awaitable));
  // CHECK: :[[@LINE-1]]:13: warning: network operation 'asio::basic_stream_socket::async_read_some' is awaited without a timeout
}

// Guard 4: a watchdog coroutine handed the socket, spawned alongside.
awaitable<void> close_after(tcp::socket &socket, std::chrono::seconds limit) {
  asio::steady_timer timer(socket.get_executor(), limit);
  co_await timer.async_wait(use_awaitable);
  socket.close();
}
awaitable<void> session_with_watchdog(tcp::socket socket) {
  asio::co_spawn(socket.get_executor(), close_after(socket, 30s), asio::detached);
  char data[64];
  co_await socket.async_read_some(asio::buffer(data), use_awaitable);
}

// Guard 5: a watchdog coroutine in the same class (Asio's chat server):
// it awaits a timer, then closes the socket through stop().
class chat_session {
public:
  awaitable<void> reader() {
    std::string line;
    for (;;)
      co_await asio::async_read_until(socket_, asio::dynamic_buffer(line), '\n', use_awaitable);
  }
  awaitable<void> idle_watchdog() {
    co_await timer_.async_wait(use_awaitable);
    stop();
  }
  void stop() { socket_.close(); }

private:
  tcp::socket socket_;
  asio::steady_timer timer_;
};

// Look-alike: a writer that waits on a timer used as a signal and loops
// forever is no watchdog, so racing against it is no timeout.
class signalled_session {
public:
  awaitable<void> run() { co_await (reader() || writer()); }
  awaitable<void> reader() {
    char data[64];
    for (;;)
      co_await socket_.async_read_some(asio::buffer(data), use_awaitable);
    // CHECK: :[[@LINE-1]]:16: warning: network operation 'asio::basic_stream_socket::async_read_some' is awaited without a timeout
  }
  awaitable<void> writer() {
    for (;;) {
      std::error_code ec;
      co_await signal_.async_wait(asio::redirect_error(use_awaitable, ec));
    }
  }

private:
  tcp::socket socket_;
  asio::steady_timer signal_;
};

// Look-alikes: a writer woken by a timer set to never expire, and a
// heartbeat loop; both close the socket only when they fail, in a catch
// handler: that is no watchdog for the reader.
class woken_session {
public:
  awaitable<void> reader() {
    std::string line;
    try {
      for (;;)
        co_await asio::async_read_until(socket_, asio::dynamic_buffer(line), '\n', use_awaitable);
      // CHECK: :[[@LINE-1]]:18: warning: network operation 'asio::async_read_until' is awaited without a timeout
    } catch (const std::exception &) {
      stop();
    }
  }
  awaitable<void> writer() {
    try {
      while (socket_.is_open()) {
        std::error_code ec;
        co_await wake_up_.async_wait(asio::redirect_error(use_awaitable, ec));
        co_await asio::async_write(socket_, asio::buffer(pending_), use_awaitable);
        // CHECK: :[[@LINE-1]]:18: warning: network operation 'asio::async_write' is awaited without a timeout
      }
    } catch (const std::exception &) {
      stop();
    }
  }
  awaitable<void> heartbeats() {
    asio::steady_timer timer{socket_.get_executor()};
    try {
      for (;;) {
        timer.expires_after(1s);
        co_await timer.async_wait(use_awaitable);
        co_await asio::async_write(socket_, asio::buffer("<heartbeat>\n", 12), use_awaitable);
        // CHECK: :[[@LINE-1]]:18: warning: network operation 'asio::async_write' is awaited without a timeout
      }
    } catch (const std::exception &) {
      stop();
    }
  }
  void stop() { socket_.close(); }

private:
  tcp::socket socket_;
  asio::steady_timer wake_up_;
  std::string pending_;
};

// Not reported: accepting (servers wait for clients by design), operations
// that are not awaited, timer waits.
awaitable<void> not_network(tcp::acceptor &acceptor, asio::steady_timer &timer) {
  tcp::socket socket = co_await acceptor.async_accept(use_awaitable);
  char data[8];
  socket.async_read_some(asio::buffer(data), [](std::error_code, std::size_t) {});
  co_await timer.async_wait(use_awaitable);
}
