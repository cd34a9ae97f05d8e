// Coroutines spawned with asio::detached lose their exceptions, unless the
// coroutine's whole body is a try that catches everything (Asio's examples).
// RUN: %check-test coro-detached-task %s -- %std

#include <asio.hpp>
#include <cstdio>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

awaitable<void> session(tcp::socket socket) {
  char data[64];
  for (;;)
    co_await socket.async_read_some(asio::buffer(data), use_awaitable);
}
awaitable<int> count_peers() { co_return 3; }

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
