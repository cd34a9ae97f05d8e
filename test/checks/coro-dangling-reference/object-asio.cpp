// The object a member coroutine runs on is bound to it as `this`, as an
// argument is bound to a reference parameter: a local or temporary object
// dies before spawned or returned work that uses it. Against the real Asio
// headers.
// RUN: %check-test coro-dangling-reference %s -- %std

#include <asio.hpp>
#include <memory>
#include <utility>
#include <vector>

using asio::awaitable;
using asio::ip::tcp;

class Connection {
public:
  explicit Connection(tcp::socket socket) : socket_(std::move(socket)) {}
  awaitable<void> run() {
    char data[64];
    co_await socket_.async_read_some(asio::buffer(data), asio::use_awaitable);
    ++reads_;
  }
  awaitable<int> version() { co_return 2; }

private:
  tcp::socket socket_;
  int reads_ = 0;
};

void spawn_on_local(asio::io_context &io, tcp::socket socket) {
  Connection connection(std::move(socket));
  asio::co_spawn(io, connection.run(), asio::detached);
  // CHECK: :[[@LINE-1]]:22: warning: coroutine 'run' runs on local 'connection' but is spawned and can outlive it [coro-dangling-reference]
  // CHECK: :20:14: note: the object used here, through 'this'
  // CHECK: :[[@LINE-3]]:3: note: the coroutine is spawned here
}

awaitable<void> return_on_local(tcp::socket socket) {
  Connection connection(std::move(socket));
  return connection.run();
  // CHECK: :[[@LINE-1]]:10: warning: coroutine 'run' runs on local 'connection' but is returned and can outlive it [coro-dangling-reference]
  // CHECK: :20:14: note: the object used here, through 'this'
  // CHECK: :[[@LINE-3]]:3: note: the coroutine is returned here
}

void spawn_on_temporary(asio::io_context &io, tcp::socket socket) {
  asio::co_spawn(io, Connection(std::move(socket)).run(), asio::detached);
  // CHECK: :[[@LINE-1]]:22: warning: coroutine 'run' runs on a temporary object, destroyed at the end of the full expression, while the coroutine may still use it [coro-dangling-reference]
  // CHECK: :20:14: note: the object used here, through 'this'
  // CHECK: :[[@LINE-3]]:3: note: the coroutine is spawned here
}

awaitable<void> keep_from_temporary(tcp::socket socket) {
  auto later = Connection(std::move(socket)).run();
  // CHECK: :[[@LINE-1]]:16: warning: coroutine 'run' runs on a temporary object, destroyed at the end of the full expression, while the coroutine may still use it [coro-dangling-reference]
  // CHECK: :20:14: note: the object used here, through 'this'
  co_await std::move(later);
}

// Look-alikes: awaited in the full expression; a coroutine that never uses
// its object; the event loop run before the local dies; an object reached
// through a pointer or a reference, which this frame does not own.
awaitable<void> awaited(tcp::socket first, tcp::socket second) {
  Connection connection(std::move(first));
  co_await connection.run();
  co_await Connection(std::move(second)).run();
}

void spawn_without_this(asio::io_context &io, tcp::socket socket) {
  Connection connection(std::move(socket));
  asio::co_spawn(io, connection.version(), asio::detached);
}

int main() {
  asio::io_context io;
  Connection connection{tcp::socket(io)};
  asio::co_spawn(io, connection.run(), asio::detached);
  io.run();
}

void spawn_elsewhere(asio::io_context &io, Connection &shared,
                     std::unique_ptr<Connection> &owned) {
  Connection &alias = shared;
  asio::co_spawn(io, alias.run(), asio::detached);
  asio::co_spawn(io, shared.run(), asio::detached);
  asio::co_spawn(io, owned->run(), asio::detached);
}

// The only owner of a new object, held by a local that nothing copies, dies
// with the frame as a local object would.
void spawn_on_sole_owner(asio::io_context &io, tcp::socket first,
                         tcp::socket second) {
  auto shared = std::make_shared<Connection>(std::move(first));
  asio::co_spawn(io, shared->run(), asio::detached);
  // CHECK: :[[@LINE-1]]:22: warning: coroutine 'run' runs on the object local 'shared' solely owns but is spawned and can outlive it [coro-dangling-reference]
  // CHECK: :20:14: note: the object used here, through 'this'
  // CHECK: :[[@LINE-3]]:3: note: the coroutine is spawned here
  std::unique_ptr<Connection> owned =
      std::make_unique<Connection>(std::move(second));
  asio::co_spawn(io, owned->run(), asio::detached);
  // CHECK: :[[@LINE-1]]:22: warning: coroutine 'run' runs on the object local 'owned' solely owns but is spawned and can outlive it [coro-dangling-reference]
  // CHECK: :20:14: note: the object used here, through 'this'
  // CHECK: :[[@LINE-3]]:3: note: the coroutine is spawned here
}

// Look-alikes: the owner captured by the spawned function object (co_spawn
// keeps it until the work completes), copied into a registry, or made by a
// factory that may keep another owner.
std::shared_ptr<Connection> open_connection(tcp::socket socket);

void spawn_on_kept_owner(asio::io_context &io, tcp::socket first,
                         tcp::socket second, tcp::socket third,
                         std::vector<std::shared_ptr<Connection>> &all) {
  auto captured = std::make_shared<Connection>(std::move(first));
  asio::co_spawn(io, [captured] { return captured->run(); }, asio::detached);
  auto registered = std::make_shared<Connection>(std::move(second));
  all.push_back(registered);
  asio::co_spawn(io, registered->run(), asio::detached);
  auto made = open_connection(std::move(third));
  asio::co_spawn(io, made->run(), asio::detached);
}
