// cppcoro sockets without a cancellation token, libcoro's infinite default
// timeout, folly transports without a timeout, and their guarded forms.
// RUN: %check-test coro-missing-timeout %s -- %std -I%inputs

#include <coro/net/tcp/client.hpp>
#include <cppcoro/net/socket.hpp>
#include <folly/coro/Task.h>

using namespace std::chrono_literals;

cppcoro::task<> cppcoro_style(cppcoro::net::socket &socket, cppcoro::cancellation_token ct) {
  char buffer[64];
  co_await socket.recv(buffer, sizeof buffer);
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'cppcoro::net::socket::recv' is awaited without a timeout
  co_await socket.recv(buffer, sizeof buffer, ct);
}

coro::task<> libcoro_style(coro::net::tcp::client &client) {
  co_await client.connect();
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'coro::net::tcp::client::connect' is awaited without a timeout
  co_await client.poll(coro::poll_op::read);
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'coro::net::tcp::client::poll' is awaited without a timeout
  co_await client.connect(5s);
  co_await client.poll(coro::poll_op::read, 500ms);
}

folly::coro::Task<void> folly_style(folly::coro::Transport &transport) {
  char buffer[64];
  co_await transport.read(buffer, sizeof buffer);
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'folly::coro::Transport::read' is awaited without a timeout
  co_await transport.read(buffer, sizeof buffer, 2s);
  co_await folly::coro::timeout(transport.write(buffer, sizeof buffer), 2s);
}
