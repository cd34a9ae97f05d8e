// cppcoro sockets without a cancellation token, libcoro's infinite default
// timeout, folly transports without a timeout, and their guarded forms.
// RUN: %check-test coro-missing-timeout %s -- %std -I%inputs

#include <boost/cobalt/io/stream_socket.hpp>
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
  char buffer[64];
  co_await client.read_some(buffer);
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'coro::net::tcp::client::read_some' is awaited without a timeout
  co_await client.write_all(buffer);
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'coro::net::tcp::client::write_all' is awaited without a timeout
  co_await client.read_some(buffer, 2s);
  co_await client.write_all(buffer, 2s);
}

// Boost.Cobalt's own sockets wait forever unless raced or cancelled.
boost::cobalt::task<void> cobalt_style(boost::cobalt::io::stream_socket &socket) {
  char data[64];
  std::size_t n = co_await socket.read_some({data, sizeof data});
  // CHECK: :[[@LINE-1]]:28: warning: network operation 'boost::cobalt::io::stream_socket::read_some' is awaited without a timeout
  co_await boost::cobalt::io::write(socket, {data, n});
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'boost::cobalt::io::write' is awaited without a timeout
}

folly::coro::Task<void> folly_style(folly::coro::Transport &transport) {
  char buffer[64];
  co_await transport.read(buffer, sizeof buffer);
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'folly::coro::Transport::read' is awaited without a timeout
  co_await transport.read(buffer, sizeof buffer, 2s);
  co_await folly::coro::timeout(transport.write(buffer, sizeof buffer), 2s);
}
