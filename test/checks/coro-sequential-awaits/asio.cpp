// With the real Asio headers: the hint names Asio's awaitable operators.
// RUN: %check-test coro-sequential-awaits %s -- %std

#include <asio.hpp>
#include <string>

using asio::awaitable;
using asio::use_awaitable;

awaitable<std::string> lookup(std::string host);

awaitable<void> resolve_both() {
  std::string primary = co_await lookup("a.example");
  // CHECK: :[[@LINE-1]]:25: warning: 2 independent awaits run one after another; they could run concurrently with 'asio::experimental::awaitable_operators' ('co_await (a && b)') [coro-sequential-awaits]
  std::string backup = co_await lookup("b.example");
  // CHECK: :[[@LINE-1]]:24: note: independent of the await above
}

// One socket: order matters.
awaitable<void> request(asio::ip::tcp::socket &socket, std::string &reply) {
  co_await asio::async_write(socket, asio::buffer(std::string("GET")), use_awaitable);
  co_await asio::async_read(socket, asio::buffer(reply), use_awaitable);
}
