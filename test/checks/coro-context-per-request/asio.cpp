// With the real Asio headers: TLS contexts, event loops and connections
// made anew for every request, in a loop of the coroutine or in a session
// coroutine that an accept loop starts per connection; look-alikes made
// once, or inherent to each connection.
// RUN: %check-test coro-context-per-request %s -- %std

#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/ssl.hpp>
#include <memory>
#include <string>
#include <vector>

using asio::ip::tcp;

asio::awaitable<void> fetch_all(std::vector<std::string> paths,
                                tcp::resolver::results_type endpoints) {
  auto ex = co_await asio::this_coro::executor;
  for (const std::string &path : paths) {
    asio::ssl::context tls(asio::ssl::context::tls_client);
    // CHECK: :[[@LINE-1]]:24: warning: 'asio::ssl::context' is made anew for every request; make it once and reuse it [coro-context-per-request]
    // CHECK: :[[@LINE-3]]:3: note: made on every iteration of this loop
    tcp::socket socket(ex);
    // CHECK: :[[@LINE-1]]:17: warning: 'socket' connects to the same endpoint for every request; keep the connection open and reuse it
    co_await asio::async_connect(socket, endpoints, asio::use_awaitable);
    // CHECK: :[[@LINE-1]]:42: note: connected here to 'endpoints', which is the same on every iteration
    // CHECK: :[[@LINE-8]]:3: note: made on every iteration of this loop
    co_await asio::async_write(socket, asio::buffer(path), asio::use_awaitable);
  }
}

asio::awaitable<void> poll_forever(tcp::endpoint server) {
  for (;;) {
    auto loop = std::make_shared<asio::io_context>();
    // CHECK: :[[@LINE-1]]:17: warning: 'asio::io_context' is made anew for every request
    // CHECK: :[[@LINE-3]]:3: note: made on every iteration of this loop
    tcp::socket socket(co_await asio::this_coro::executor);
    // CHECK: :[[@LINE-1]]:17: warning: 'socket' connects to the same endpoint
    co_await socket.async_connect(server, asio::use_awaitable);
    // CHECK: :[[@LINE-1]]:35: note: connected here to 'server'
    // CHECK: :[[@LINE-8]]:3: note: made on every iteration of this loop
  }
}

// The session a connection gets: its TLS context is made per connection,
// because the accept loop below starts a session on every iteration.
asio::awaitable<void> session(tcp::socket socket) {
  asio::ssl::context tls(asio::ssl::context::tls_server);
  // CHECK: :[[@LINE-1]]:22: warning: 'asio::ssl::context' is made anew for every request
  asio::ssl::stream<tcp::socket &> stream(socket, tls);
  co_await stream.async_handshake(asio::ssl::stream_base::server,
                                  asio::use_awaitable);
}

asio::awaitable<void> listener(tcp::acceptor &acceptor) {
  for (;;) {
    // CHECK: :[[@LINE-1]]:3: note: coroutine 'session' is started on every iteration of this loop
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(acceptor.get_executor(), session(std::move(socket)),
                   asio::detached);
  }
}

// Not reported: a context made once in a coroutine started once, and a
// TLS stream per connection built from that shared context.
asio::awaitable<void> secure_session(tcp::socket socket,
                                     asio::ssl::context &tls) {
  asio::ssl::stream<tcp::socket> stream(std::move(socket), tls);
  co_await stream.async_handshake(asio::ssl::stream_base::server,
                                  asio::use_awaitable);
}

asio::awaitable<void> secure_listener(tcp::acceptor acceptor) {
  asio::ssl::context tls(asio::ssl::context::tls_server);
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(acceptor.get_executor(),
                   secure_session(std::move(socket), tls), asio::detached);
  }
}

int main() {
  asio::io_context io;
  tcp::acceptor acceptor(io);
  asio::co_spawn(io, secure_listener(std::move(acceptor)), asio::detached);
  io.run();
}

// Not reported: a connection per endpoint of a list (a different host on
// each iteration), and a reconnect loop, which ends once connected.
asio::awaitable<void> each_host(std::vector<tcp::endpoint> hosts) {
  auto ex = co_await asio::this_coro::executor;
  for (const tcp::endpoint &host : hosts) {
    tcp::socket socket(ex);
    co_await socket.async_connect(host, asio::use_awaitable);
  }
}

asio::awaitable<tcp::socket> connect_with_retry(tcp::endpoint server) {
  auto ex = co_await asio::this_coro::executor;
  for (int attempt = 0;; ++attempt) {
    tcp::socket socket(ex);
    auto [ec] = co_await socket.async_connect(
        server, asio::experimental::as_tuple(asio::use_awaitable));
    if (!ec)
      co_return socket;
  }
}

// Not reported: a static local is made once.
asio::awaitable<void> with_static(std::vector<std::string> paths) {
  for (const std::string &path : paths) {
    static asio::ssl::context tls(asio::ssl::context::tls_client);
    (void)path;
  }
  co_return;
}

// Not reported: a call whose deduced template argument is an io_context
// (it is given one, it does not make one).
asio::awaitable<void> post_loop(asio::io_context &ctx) {
  for (int i = 0; i < 100; ++i)
    co_await asio::post(ctx, asio::use_awaitable);
}
