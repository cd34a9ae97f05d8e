// With Boost 1.86+ the fix-it wraps the completion token in
// boost::asio::cancel_after. (A test-only header adds 1.86's version macro
// and cancel_after to Debian's Boost 1.74, whose operations name the token
// parameter `handler`.)
// RUN: %check-test coro-missing-timeout %s --implicit-check-not="{{warning|error|note}}:" -- %std -I%inputs/boost-1.86

#include <boost_cancel_after.hpp>

namespace net = boost::asio;
using net::ip::tcp;

net::awaitable<std::size_t> read_request(tcp::socket &socket, char (&data)[512]) {
  std::size_t n = co_await socket.async_read_some(net::buffer(data), net::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: network operation 'boost::asio::basic_stream_socket::async_read_some' is awaited without a timeout
  // CHECK-FIXES: std::size_t n = co_await socket.async_read_some(net::buffer(data), boost::asio::cancel_after(std::chrono::seconds(30), net::use_awaitable));
  co_await net::async_write(socket, net::buffer(data, n), net::cancel_after(std::chrono::seconds(5), net::use_awaitable));
  co_return n;
}
