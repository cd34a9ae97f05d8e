// Work spawned on `this` with nothing keeping the object alive, against the
// real Asio headers. A class that derives from enable_shared_from_this was
// designed to be kept alive by its owners: work that holds none of them
// bypasses that design.
// RUN: %check-test coro-dangling-reference %s -- %std

#include <asio.hpp>
#include <memory>
#include <string>
#include <utility>

using asio::awaitable;
using asio::ip::tcp;

class Session : public std::enable_shared_from_this<Session> {
public:
  explicit Session(tcp::socket socket) : socket_(std::move(socket)) {}

  void start() {
    asio::co_spawn(socket_.get_executor(), reader(), asio::detached);
    // CHECK: :[[@LINE-1]]:44: warning: member coroutine 'reader' is spawned by 'asio::co_spawn' and uses 'this' when it runs, but nothing keeps 'Session' alive until it finishes [coro-dangling-reference]
    // CHECK: :114:14: note: 'this' used here
    // CHECK: :15:7: note: 'Session' is shared-owned (it derives from 'enable_shared_from_this<Session>'): capture or pass 'shared_from_this()' in the spawned work
  }

  void start_forwarded() {
    asio::co_spawn(socket_.get_executor(), [this] { return reader(); },
                   asio::detached);
    // CHECK: :[[@LINE-2]]:60: warning: member coroutine 'reader' is spawned by 'asio::co_spawn'
  }

  void start_lambda() {
    asio::co_spawn(
        socket_.get_executor(),
        [this]() -> awaitable<void> {
          // CHECK: :[[@LINE-1]]:9: warning: lambda coroutine is spawned by 'asio::co_spawn' and uses 'this' when it runs, but nothing keeps 'Session' alive until it finishes [coro-dangling-reference]
          // CHECK: :[[@LINE+2]]:20: note: 'this' used here
          char data[64];
          co_await socket_.async_read_some(asio::buffer(data),
                                           asio::use_awaitable);
        },
        asio::detached);
  }

  // A handler instead of `detached` keeps nothing alive either.
  void start_with_handler() {
    asio::co_spawn(socket_.get_executor(), reader(),
                   [](std::exception_ptr) {});
    // CHECK: :[[@LINE-2]]:44: warning: member coroutine 'reader' is spawned by 'asio::co_spawn'
  }

  // The owner lives only as long as the outer coroutine: the inner spawn
  // holds none (three public chat servers have this shape).
  void start_nested() {
    asio::co_spawn(
        socket_.get_executor(),
        [this, self = shared_from_this()]() -> awaitable<void> {
          asio::co_spawn(socket_.get_executor(), writer(), asio::detached);
          // CHECK: :[[@LINE-1]]:50: warning: member coroutine 'writer' is spawned by 'asio::co_spawn'
          // CHECK: :117:32: note: 'this' used here
          co_await reader();
        },
        asio::detached);
  }

  // An owner the spawner holds but does not hand to the work.
  void start_owner_not_captured() {
    auto self = shared_from_this();
    asio::co_spawn(socket_.get_executor(), reader(), asio::detached);
    // CHECK: :[[@LINE-1]]:44: warning: member coroutine 'reader' is spawned by 'asio::co_spawn'
  }

  // A lazy coroutine that takes its owner when it starts takes it too late.
  void start_owner_too_late() {
    asio::co_spawn(socket_.get_executor(), reader_owning(), asio::detached);
    // CHECK: :[[@LINE-1]]:44: warning: member coroutine 'reader_owning' is spawned by 'asio::co_spawn'
    // CHECK: :[[@LINE+4]]:17: note: 'this' used here
    // CHECK: :[[@LINE+3]]:17: note: the coroutine starts lazily: it takes its owner only when it runs, after the spawner has gone on; pass the owner as an argument
  }
  awaitable<void> reader_owning() {
    auto self = shared_from_this();
    co_await writer();
  }

  // Look-alikes: the work holds an owner.
  void start_owner_captured() {
    asio::co_spawn(socket_.get_executor(),
                   [self = shared_from_this()] { return self->reader(); },
                   asio::detached);
    asio::co_spawn(socket_.get_executor(),
                   [this, self = shared_from_this()] { return reader(); },
                   asio::detached);
    auto self = shared_from_this();
    asio::co_spawn(socket_.get_executor(),
                   [this, self] { return reader(); }, asio::detached);
  }
  void start_owner_passed() {
    asio::co_spawn(socket_.get_executor(), pump(shared_from_this()),
                   asio::detached);
  }
  // Awaited: the caller's frame keeps the object.
  awaitable<void> run() {
    co_await asio::co_spawn(socket_.get_executor(), reader(),
                            asio::use_awaitable);
  }
  // A member coroutine that never uses `this`.
  void start_static_like() {
    asio::co_spawn(socket_.get_executor(), tick(), asio::detached);
  }

private:
  awaitable<void> reader() {
    char data[64];
    co_await socket_.async_read_some(asio::buffer(data), asio::use_awaitable);
  }
  awaitable<void> writer() {
    co_await asio::async_write(socket_, asio::buffer(out_), asio::use_awaitable);
  }
  awaitable<void> pump(std::shared_ptr<Session> self) {
    co_await asio::async_write(socket_, asio::buffer(out_), asio::use_awaitable);
  }
  awaitable<void> tick() { co_return; }

  tcp::socket socket_;
  std::string out_;
};

// Not shared-owned, no gate: whether the object outlives the work is decided
// where it is made (a server living in main). Reported only with
// ReportUnprovenOwners (coro-dangling-reference/this-unproven.cpp).
class Server {
public:
  explicit Server(asio::io_context &io) : acceptor_(io) {}
  void start() {
    asio::co_spawn(acceptor_.get_executor(), listen(), asio::detached);
  }

private:
  awaitable<void> listen() {
    for (;;)
      co_await acceptor_.async_accept(asio::use_awaitable);
  }
  tcp::acceptor acceptor_;
};

// A spawner that runs the event loop itself outlives the work.
struct Client : std::enable_shared_from_this<Client> {
  asio::io_context io;
  awaitable<void> talk() {
    co_await asio::post(io, asio::use_awaitable);
    ++rounds;
  }
  void run() {
    asio::co_spawn(io, talk(), asio::detached);
    io.run();
  }
  int rounds = 0;
};
