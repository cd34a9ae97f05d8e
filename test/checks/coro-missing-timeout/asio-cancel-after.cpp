// With Asio 1.31+ the fix-it wraps the completion token in cancel_after.
// (A test-only header adds 1.31's version macro and cancel_after to
// Debian's Asio 1.22.)
// RUN: %check-test coro-missing-timeout %s --implicit-check-not="{{warning|error|note}}:" -- %std -I%inputs/asio-1.31
// The timeout comes from an option.
// RUN: %strip-checks %s > %t.60.cpp
// RUN: not %corolint --checks='-*,coro-missing-timeout' --config="{CheckOptions: {coro-missing-timeout.FixItTimeoutSeconds: 60}}" --fix --unsafe-fixes %t.60.cpp -- %std -I%inputs/asio-1.31
// RUN: FileCheck %s -check-prefix=CHECK-SIXTY --input-file=%t.60.cpp
// RUN: %clangxx -fsyntax-only %std -DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1 -I%inputs/asio-1.31 %t.60.cpp

#include <asio_cancel_after.hpp>

using asio::ip::tcp;

asio::awaitable<std::size_t> read_request(tcp::socket &socket, char (&data)[512]) {
  std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: network operation 'asio::basic_stream_socket::async_read_some' is awaited without a timeout
  // CHECK-FIXES: std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::cancel_after(std::chrono::seconds(30), asio::use_awaitable));
  // CHECK-SIXTY: asio::cancel_after(std::chrono::seconds(60), asio::use_awaitable)
  co_await asio::async_write(socket, asio::buffer(data, n), asio::cancel_after(std::chrono::seconds(5), asio::use_awaitable));
  co_return n;
}
