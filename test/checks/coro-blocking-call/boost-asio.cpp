// Boost.Asio (Debian's Boost 1.74): the Asio names match Boost's too.
// RUN: %check-test coro-blocking-call %s -- %std

// Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.
#include <utility>
#include <boost/asio.hpp>

namespace net = boost::asio;

net::awaitable<void> relay(net::ip::tcp::socket &socket, net::io_context &context) {
  char data[32];
  std::size_t n = socket.read_some(net::buffer(data));
  // CHECK: :[[@LINE-1]]:19: warning: coroutine 'relay' does blocking I/O in 'boost::asio::basic_stream_socket::read_some', blocking its thread [coro-blocking-call]
  context.run();
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'relay' runs a nested event loop in 'boost::asio::io_context::run'
  co_await net::async_write(socket, net::buffer(data, n), net::use_awaitable);
}
