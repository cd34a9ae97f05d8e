// Coroutines spawned with asio::detached lose their exceptions, unless the
// coroutine's whole body is a try that catches everything (Asio's examples).
// RUN: %check-test coro-detached-task %s -- %std

#include <asio.hpp>
#include <asio/experimental/as_single.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <cstdio>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

awaitable<void> session(tcp::socket socket) {
  char data[64];
  for (;;)
    co_await socket.async_read_some(asio::buffer(data), use_awaitable);
}
int peers_from_config();
awaitable<int> count_peers() { co_return peers_from_config(); }

// Asio's own examples: the whole body is a try that catches everything.
awaitable<void> guarded(tcp::socket socket) {
  try {
    char data[64];
    co_await socket.async_read_some(asio::buffer(data), use_awaitable);
  } catch (std::exception &e) {
    std::printf("guarded: %s\n", e.what());
  }
}
awaitable<void> guarded_all(tcp::socket socket) {
  try {
    co_await session(std::move(socket));
  } catch (...) {
  }
}
// A handler that rethrows lets the exception out again.
awaitable<void> rethrows(tcp::socket socket) {
  try {
    co_await session(std::move(socket));
  } catch (...) {
    throw;
  }
}

awaitable<void> listener(tcp::acceptor acceptor) {
  auto executor = co_await asio::this_coro::executor;
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(use_awaitable);
    asio::co_spawn(executor, session(std::move(socket)), asio::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exceptions thrown by the spawned coroutine 'session' are silently discarded [coro-detached-task]
    // CHECK-MESSAGES: :[[@LINE-2]]:58: note: the completion token 'asio::detached' drops them
    // CHECK-FIXES: asio::co_spawn(executor, session(std::move(socket)), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
    asio::co_spawn(executor, guarded(co_await acceptor.async_accept(use_awaitable)), asio::detached);
    asio::co_spawn(executor, guarded_all(co_await acceptor.async_accept(use_awaitable)), asio::detached);
    asio::co_spawn(executor, rethrows(co_await acceptor.async_accept(use_awaitable)), asio::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exceptions thrown by the spawned coroutine 'rethrows' are silently discarded
    // CHECK-FIXES: asio::co_spawn(executor, rethrows(co_await acceptor.async_accept(use_awaitable)), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  }
}

int main() {
  asio::io_context context;
  asio::co_spawn(context, listener(tcp::acceptor(context, {tcp::v4(), 5555})), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exceptions thrown by the spawned coroutine 'listener' are silently discarded
  // CHECK-FIXES: asio::co_spawn(context, listener(tcp::acceptor(context, {tcp::v4(), 5555})), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  asio::co_spawn(context, count_peers(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exceptions thrown by the spawned coroutine 'count_peers' are silently discarded
  // CHECK-FIXES: asio::co_spawn(context, count_peers(), [](std::exception_ptr e, auto &&) { if (e) std::rethrow_exception(e); });
  asio::co_spawn(context, []() -> awaitable<void> { co_await count_peers(); }, asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exceptions thrown by the spawned coroutine are silently discarded
  // CHECK-FIXES: asio::co_spawn(context, []() -> awaitable<void> { co_await count_peers(); }, [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });

  // Tracked work: a handler that sees the exception, a future, an awaiting
  // caller.
  asio::co_spawn(context, count_peers(), [](std::exception_ptr e, int) {
    if (e)
      std::rethrow_exception(e);
  });
  std::future<int> peers = asio::co_spawn(context, count_peers(), asio::use_future);
  context.run();
  return peers.get();
}

awaitable<void> awaited(tcp::socket socket) {
  co_await asio::co_spawn(co_await asio::this_coro::executor, session(std::move(socket)), use_awaitable);
}

// Asio's chat server: a lambda that only forwards to a member coroutine
// whose body catches everything.
class chat_session : public std::enable_shared_from_this<chat_session> {
public:
  void start(asio::any_io_executor executor) {
    asio::co_spawn(executor, [self = shared_from_this()] { return self->reader(); }, asio::detached);
    asio::co_spawn(executor, [self = shared_from_this()] { return self->writer(); }, asio::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: exceptions thrown by the spawned coroutine 'writer' are silently discarded
    // CHECK-FIXES: asio::co_spawn(executor, [self = shared_from_this()] { return self->writer(); }, [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  }

private:
  awaitable<void> reader() {
    try {
      co_await asio::this_coro::executor;
    } catch (std::exception &) {
    }
  }
  awaitable<void> writer() { co_await asio::this_coro::executor; }
};

// Defined in another translation unit: not provably clean.
awaitable<void> elsewhere(tcp::socket socket);
void start_elsewhere(asio::io_context &context) {
  asio::co_spawn(context, elsewhere(tcp::socket(context)), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exceptions thrown by the spawned coroutine 'elsewhere' are silently discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:60: note: the completion token
  // CHECK-MESSAGES: :[[@LINE-5]]:17: note: the body of 'elsewhere' is not in this translation unit, so corolint cannot see whether it catches every exception
  // CHECK-FIXES: asio::co_spawn(context, elsewhere(tcp::socket(context)), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
}

// A guard statement that cannot throw may precede the try.
struct connection : std::enable_shared_from_this<connection> {
  static awaitable<void> run(std::shared_ptr<connection> self) {
    connection &c = *self;
    try {
      co_await c.serve();
    } catch (...) {
    }
  }
  awaitable<void> serve();
};
void start_connection(asio::io_context &context) {
  asio::co_spawn(context, connection::run(std::make_shared<connection>()), asio::detached);
}

// A forwarding overload (as Asio's own co_spawn overloads are) passes on
// its caller's token: instantiated with asio::detached, the template is not
// where the token was chosen, and a fix-it there would change every caller.
template <typename Token> void start_counting(asio::io_context &context, Token &&token) {
  asio::co_spawn(context, count_peers(), std::forward<Token>(token));
}
void counts(asio::io_context &context) { start_counting(context, asio::detached); }

// A template that chooses asio::detached itself is reported (without a
// fix-it in its instantiations).
template <typename Executor> void start_detached_counting(Executor executor) {
  asio::co_spawn(executor, count_peers(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exceptions thrown by the spawned coroutine 'count_peers' are silently discarded [coro-detached-task]
  // CHECK-MESSAGES: :[[@LINE-2]]:43: note: the completion token 'asio::detached' drops them
}
void counts_detached(asio::io_context &context) { start_detached_counting(context.get_executor()); }

// A coroutine that cannot throw has no exceptions to lose: every error of
// its awaits comes back as a value (a tuple with the error code, a
// redirected error code), and its other calls are declared not to throw.
using tuple_token = asio::experimental::as_tuple_t<asio::use_awaitable_t<>>;
using tuple_socket = tuple_token::as_default_on_t<tcp::socket>;
awaitable<void> echo_values(tuple_socket socket) {
  char data[64];
  for (;;) {
    auto [read_error, n] = co_await socket.async_read_some(asio::buffer(data));
    if (n == 0)
      break;
    auto [write_error, written] = co_await asio::async_write(socket, asio::buffer(data, n));
    if (written != n)
      break;
  }
}
awaitable<void> echo_redirected(tcp::socket socket) {
  char data[64];
  asio::error_code error;
  std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::redirect_error(use_awaitable, error));
  if (!error)
    co_await asio::async_write(socket, asio::buffer(data, n), asio::redirect_error(use_awaitable, error));
}
awaitable<int> constant_peers() { co_return 3; }
// as_single of a lone error code passes it on unchanged: awaited with
// use_awaitable it throws.
using single_token = asio::experimental::as_single_t<asio::use_awaitable_t<>>;
using single_timer = single_token::as_default_on_t<asio::steady_timer>;
awaitable<void> waits_single(single_timer timer) { co_await timer.async_wait(); }
// One await that throws is enough; so is a call that may throw.
awaitable<void> echo_mixed(tuple_socket socket) {
  char data[64];
  auto [read_error, n] = co_await socket.async_read_some(asio::buffer(data));
  co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
}
awaitable<void> echo_logged(tuple_socket socket) {
  char data[64];
  auto [read_error, n] = co_await socket.async_read_some(asio::buffer(data));
  peers_from_config();
}

// A timer built from an executor alone does no I/O: it may come before the
// try that catches everything. An acceptor that binds an endpoint may throw.
struct heartbeat {
  tcp::socket socket_;
  awaitable<void> send_heartbeats() {
    asio::steady_timer timer{socket_.get_executor()};
    try {
      for (;;) {
        timer.expires_after(std::chrono::seconds(1));
        co_await timer.async_wait(use_awaitable);
      }
    } catch (const std::exception &) {
    }
  }
  awaitable<void> listen_guarded() {
    tcp::acceptor acceptor{socket_.get_executor(), {tcp::v4(), 5555}};
    try {
      co_await acceptor.async_accept(use_awaitable);
    } catch (const std::exception &) {
    }
  }
};

void start_values(asio::io_context &context, heartbeat &beat) {
  asio::co_spawn(context, echo_values(tuple_socket(context)), asio::detached);
  asio::co_spawn(context, echo_redirected(tcp::socket(context)), asio::detached);
  asio::co_spawn(context, constant_peers(), asio::detached);
  asio::co_spawn(context, beat.send_heartbeats(), asio::detached);
  asio::co_spawn(context, waits_single(single_timer(context)), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exceptions thrown by the spawned coroutine 'waits_single' are silently discarded
  // CHECK-FIXES: asio::co_spawn(context, waits_single(single_timer(context)), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  asio::co_spawn(context, echo_mixed(tuple_socket(context)), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exceptions thrown by the spawned coroutine 'echo_mixed' are silently discarded
  // CHECK-FIXES: asio::co_spawn(context, echo_mixed(tuple_socket(context)), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  asio::co_spawn(context, echo_logged(tuple_socket(context)), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exceptions thrown by the spawned coroutine 'echo_logged' are silently discarded
  // CHECK-FIXES: asio::co_spawn(context, echo_logged(tuple_socket(context)), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  asio::co_spawn(context, beat.listen_guarded(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exceptions thrown by the spawned coroutine 'listen_guarded' are silently discarded
  // CHECK-FIXES: asio::co_spawn(context, beat.listen_guarded(), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
}
