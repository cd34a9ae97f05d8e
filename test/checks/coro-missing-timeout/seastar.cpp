// Seastar: connecting and HTTP requests wait for a peer. seastar::with_timeout
// bounds the future it wraps; an abort source passed to the operation (one a
// timer aborts, seastar::abort_on_expiry's) bounds the operation.
// RUN: %check-test coro-missing-timeout %s -- %std -I%inputs

#include <seastar/core/abort_on_expiry.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/seastar.hh>
#include <seastar/core/with_timeout.hh>
#include <seastar/http/client.hh>

using namespace std::chrono_literals;

seastar::future<> dial(seastar::socket_address addr) {
  auto conn = co_await seastar::connect(addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: network operation 'seastar::connect' is awaited without a timeout; a peer that stops answering keeps this coroutine waiting forever [coro-missing-timeout]
  // CHECK-MESSAGES: :[[@LINE-2]]:24: note: wrap it in 'seastar::with_timeout(deadline, ...)', or pass it an abort source that a timer aborts ('seastar::abort_on_expiry')
  seastar::socket sock = seastar::make_socket();
  auto other = co_await sock.connect(addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: network operation 'seastar::socket::connect' is awaited without a timeout
  // CHECK-MESSAGES: :[[@LINE-2]]:25: note: wrap it in 'seastar::with_timeout
}

seastar::future<> request(seastar::http::client &client) {
  auto req = seastar::http::request::make("GET", "example.com", "/");
  co_await client.make_request(std::move(req), [](const seastar::http::reply &, seastar::input_stream<char> &&) {
    return seastar::make_ready_future<>();
  });
  // CHECK-MESSAGES: :[[@LINE-3]]:12: warning: network operation 'seastar::http::client::make_request' is awaited without a timeout
  // CHECK-MESSAGES: :[[@LINE-4]]:12: note: wrap it in
}

// Look-alikes: bounded by with_timeout, or by an abort source.
seastar::future<> bounded(seastar::socket_address addr,
                          seastar::http::client &client,
                          seastar::abort_source &stop) {
  auto conn = co_await seastar::with_timeout(
      seastar::lowres_clock::now() + 5s, seastar::connect(addr));
  seastar::abort_on_expiry<> deadline(seastar::lowres_clock::now() + 5s);
  auto req = seastar::http::request::make("GET", "example.com", "/");
  co_await client.make_request(
      std::move(req),
      [](const seastar::http::reply &, seastar::input_stream<char> &&) {
        return seastar::make_ready_future<>();
      },
      std::nullopt, &deadline.abort_source());
  auto again = seastar::http::request::make("GET", "example.com", "/");
  co_await client.make_request(
      std::move(again),
      [](const seastar::http::reply &, seastar::input_stream<char> &&) {
        return seastar::make_ready_future<>();
      },
      std::nullopt, &stop);
}
