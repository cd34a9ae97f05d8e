// A project that includes Asio's headers one by one: the cancel_after
// fix-it also includes the header that declares it (once per file), and
// the fixed file compiles. Code in a template instantiated with a token is
// reported but not edited: the token is the template's caller's.
// RUN: %check-test coro-missing-timeout %s --implicit-check-not="{{warning|error|note}}:" -- %std -I%inputs/asio-1.31

#include <asio/awaitable.hpp>
#include <asio/buffer.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/use_awaitable.hpp>
#include <asio/write.hpp>
#include <asio_1_31_version.hpp>
// CHECK-FIXES: #include <asio_1_31_version.hpp>
// CHECK-FIXES-NEXT: #include <asio/cancel_after.hpp>

using asio::ip::tcp;

asio::awaitable<void> echo_once(tcp::socket &socket) {
  char data[512];
  std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: network operation 'asio::basic_stream_socket::async_read_some' is awaited without a timeout
  // CHECK-FIXES: std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::cancel_after(std::chrono::seconds(30), asio::use_awaitable));
  co_await asio::async_write(socket, asio::buffer(data, n), asio::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: network operation 'asio::async_write' is awaited without a timeout
  // CHECK-FIXES: co_await asio::async_write(socket, asio::buffer(data, n), asio::cancel_after(std::chrono::seconds(30), asio::use_awaitable));
}

template <typename Token>
asio::awaitable<void> read_with(tcp::socket &socket, Token token) {
  char data[16];
  co_await socket.async_read_some(asio::buffer(data), token);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: network operation 'asio::basic_stream_socket::async_read_some' is awaited without a timeout
  // CHECK-FIXES: co_await socket.async_read_some(asio::buffer(data), token);
}

template asio::awaitable<void> read_with(tcp::socket &, asio::use_awaitable_t<>);
