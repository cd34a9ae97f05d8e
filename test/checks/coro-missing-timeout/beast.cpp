// Beast (Debian's Boost 1.74): stream expiry set earlier guards the
// operations on that stream; expires_never is an explicit decision.
// RUN: %check-test coro-missing-timeout %s -- %std

// Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.
#include <utility>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

net::awaitable<void> serve(beast::tcp_stream stream) {
  beast::flat_buffer buffer;
  http::request<http::string_body> request;
  co_await http::async_read(stream, buffer, request, net::use_awaitable);
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'boost::beast::http::async_read' is awaited without a timeout
  // CHECK: :[[@LINE-2]]:12: note: race it against a timer, 'co_await (operation || timer.async_wait(boost::asio::use_awaitable))', or upgrade to Asio 1.31 or Boost 1.86 for 'boost::asio::cancel_after'

  stream.expires_after(std::chrono::seconds(30));
  co_await http::async_read(stream, buffer, request, net::use_awaitable);
  http::response<http::string_body> response{http::status::ok, request.version()};
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(30));
  co_await http::async_write(stream, response, net::use_awaitable);
}

// The expiry set on a stream carries over to a stream made from it, and to
// the coroutines it is passed to when every caller sets it.
net::awaitable<void> read_one(beast::tcp_stream &stream, beast::flat_buffer &buffer) {
  http::request<http::string_body> request;
  co_await http::async_read(stream, buffer, request, net::use_awaitable);
}
net::awaitable<void> read_unguarded(beast::tcp_stream &stream, beast::flat_buffer &buffer) {
  http::request<http::string_body> request;
  co_await http::async_read(stream, buffer, request, net::use_awaitable);
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'boost::beast::http::async_read' is awaited without a timeout
}
net::awaitable<void> session(beast::tcp_stream stream) {
  beast::flat_buffer buffer;
  stream.expires_after(std::chrono::seconds(30));
  co_await read_one(stream, buffer);
  beast::tcp_stream moved{std::move(stream)};
  co_await read_one(moved, buffer);
}
net::awaitable<void> careless(beast::tcp_stream stream) {
  beast::flat_buffer buffer;
  co_await read_unguarded(stream, buffer);
  stream.expires_after(std::chrono::seconds(30));
  co_await read_unguarded(stream, buffer);
}

net::awaitable<void> stream_forever(beast::tcp_stream stream) {
  stream.expires_never();
  beast::flat_buffer buffer;
  http::request<http::string_body> request;
  co_await http::async_read(stream, buffer, request, net::use_awaitable);
}
