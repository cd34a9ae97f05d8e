// Timeouts through wrappers in folly, cppcoro and Seastar: a helper
// coroutine is guarded when every call of it is wrapped in the framework's
// timeout or run with a cancellation token; a token handed to the helper
// itself bounds only what the helper passes it to.
// RUN: %check-test coro-missing-timeout %s --implicit-check-not="{{warning|error|note}}:" -- %std -I%inputs

#include <cppcoro/net/socket.hpp>
#include <folly/coro/Task.h>
#include <folly/coro/WithCancellation.h>
#include <seastar/core/coroutine.hh>
#include <seastar/core/seastar.hh>
#include <seastar/core/with_timeout.hh>

using namespace std::chrono_literals;

// folly: reported through an unguarded chain; not when the caller wraps
// the helper in folly::coro::timeout.
folly::coro::Task<std::size_t> read_block(folly::coro::Transport &transport, char *buffer) {
  co_return co_await transport.read(buffer, 64);
  // CHECK: :[[@LINE-1]]:22: warning: network operation 'folly::coro::Transport::read' is awaited without a timeout; a peer that stops answering keeps this coroutine waiting forever [coro-missing-timeout]
}
folly::coro::Task<void> copy_blocks(folly::coro::Transport &transport) {
  char buffer[64];
  for (;;)
    co_await read_block(transport, buffer);
  // CHECK: :[[@LINE-1]]:14: note: 'read_block' is awaited here by 'copy_blocks' without a timeout
}
int main_loop(folly::coro::Transport &transport) {
  folly::coro::blockingWait(copy_blocks(transport));
  // CHECK: :[[@LINE-1]]:29: note: 'copy_blocks' is called here by 'main_loop' without a timeout
  return 0;
}

folly::coro::Task<void> write_block(folly::coro::Transport &transport, const char *buffer) {
  co_await transport.write(buffer, 64);
}
folly::coro::Task<void> send_blocks(folly::coro::Transport &transport) {
  char buffer[64] = {};
  co_await folly::coro::timeout(write_block(transport, buffer), 2s);
}

// folly: not reported when the caller runs the helper with a token that
// the framework hands the transport's operations.
folly::coro::Task<std::size_t> read_reply(folly::coro::Transport &transport, char *buffer) {
  co_return co_await transport.read(buffer, 64);
}
folly::coro::Task<void> ask(folly::coro::Transport &transport, const folly::CancellationSource &stop) {
  char buffer[64];
  co_await folly::coro::co_withCancellation(stop.getToken(), read_reply(transport, buffer));
}

// cppcoro: a token handed to the helper bounds the connect it is passed
// to, not the receive without it; a token the helper ignores bounds
// nothing.
cppcoro::task<> exchange(cppcoro::net::socket &socket, const cppcoro::net::ip_endpoint &peer,
                         cppcoro::cancellation_token ct) {
  co_await socket.connect(peer, ct);
  char buffer[64];
  co_await socket.recv(buffer, sizeof buffer);
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'cppcoro::net::socket::recv' is awaited without a timeout
}
cppcoro::task<> client(cppcoro::net::socket &socket, const cppcoro::net::ip_endpoint &peer,
                       cppcoro::cancellation_token ct) {
  co_await exchange(socket, peer, ct);
  // CHECK: :[[@LINE-1]]:12: note: 'exchange' is awaited here by 'client' without a timeout
}

cppcoro::task<> receive(cppcoro::net::socket &socket, cppcoro::cancellation_token) {
  char buffer[64];
  co_await socket.recv(buffer, sizeof buffer);
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'cppcoro::net::socket::recv' is awaited without a timeout
}
cppcoro::task<> listen(cppcoro::net::socket &socket, cppcoro::cancellation_token ct) {
  co_await receive(socket, ct);
  // CHECK: :[[@LINE-1]]:12: note: 'receive' is awaited here by 'listen' without a timeout
}

// Seastar: with_timeout around the caller's call bounds the helper; the
// framework's advice note comes first, then the callers.
seastar::future<> dial(seastar::socket_address addr) {
  auto conn = co_await seastar::connect(addr);
  // CHECK: :[[@LINE-1]]:24: warning: network operation 'seastar::connect' is awaited without a timeout
  // CHECK: :[[@LINE-2]]:24: note: wrap it in 'seastar::with_timeout(deadline, ...)'
}
seastar::future<> dial_bounded(seastar::socket_address addr) {
  co_await seastar::with_timeout(seastar::lowres_clock::now() + 5s, dial(addr));
}
seastar::future<> dial_twice(seastar::socket_address addr) {
  co_await dial(addr);
  // CHECK: :[[@LINE-1]]:12: note: 'dial' is awaited here by 'dial_twice' without a timeout
  co_await dial(addr);
}
