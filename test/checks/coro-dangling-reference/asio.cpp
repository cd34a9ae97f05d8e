// Coroutines that outlive what their reference parameters or captures refer
// to, against the real Asio headers (coroutines are known by their definitions).
// RUN: %check-test coro-dangling-reference %s -- %std

#include <asio.hpp>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

using asio::awaitable;

awaitable<void> greet(const std::string &name) { co_return; }
awaitable<void> greet_view(std::string_view name) { co_return; }
awaitable<void> sum(std::span<const int> values) { co_return; }
awaitable<void> by_value(std::string name) { co_return; }

std::string global_motd;

struct Server : std::enable_shared_from_this<Server> {
  std::string motd;
  awaitable<void> broadcast(const std::string &text);
  void start(asio::any_io_executor ex) {
    // Members outlive the coroutine when the object does: not reported.
    asio::co_spawn(ex, greet(motd), asio::detached);
    asio::co_spawn(ex, [self = shared_from_this()]() -> awaitable<void> {
      co_await self->broadcast(self->motd);
    }, asio::detached);
  }
};

awaitable<void> spawner(asio::any_io_executor ex) {
  std::string local = "guest";
  std::vector<int> values{1, 2, 3};

  auto pending = greet("literal");
  // CHECK: :[[@LINE-1]]:24: warning: temporary bound to parameter 'name' of coroutine 'greet' is destroyed at the end of the full expression, while the coroutine may still use it [coro-dangling-reference]
  // CHECK: :14:42: note: parameter 'name' declared here
  co_await std::move(pending);

  asio::co_spawn(ex, greet(local), asio::detached);
  // CHECK: :[[@LINE-1]]:28: warning: coroutine 'greet' refers to local 'local' through parameter 'name' but is spawned and can outlive it [coro-dangling-reference]
  // CHECK: :14:42: note: parameter 'name' declared here
  // CHECK: :[[@LINE-3]]:3: note: the coroutine is spawned here
  asio::co_spawn(ex, greet_view(local), asio::detached);
  // CHECK: :[[@LINE-1]]:33: warning: coroutine 'greet_view' refers to local 'local' through parameter 'name' but is spawned
  asio::co_spawn(ex, sum(values), asio::detached);
  // CHECK: :[[@LINE-1]]:26: warning: coroutine 'sum' refers to local 'values' through parameter 'values' but is spawned

  asio::co_spawn(ex, [local]() -> awaitable<void> { co_await greet(local); }(), asio::detached);
  // CHECK: :[[@LINE-1]]:22: warning: lambda coroutine is called on a temporary closure: its captures are destroyed at the end of the full expression, while the coroutine may still use them [coro-dangling-reference]
  // CHECK: :[[@LINE-2]]:23: note: captured here
  asio::co_spawn(ex, [&local]() -> awaitable<void> { co_await greet(local); }, asio::detached);
  // CHECK: :[[@LINE-1]]:24: warning: lambda coroutine captures 'local' by reference, but 'asio::co_spawn' can run it after 'local' is destroyed [coro-dangling-reference]
  // CHECK: :34:15: note: 'local' declared here
  asio::co_spawn(ex, [&]() -> awaitable<void> { co_await greet(local); }, asio::detached);
  // CHECK: :[[@LINE-1]]:23: warning: lambda coroutine captures 'local' by reference

  // Safe: awaited in the same full expression, by value, a literal viewed,
  // globals, a closure that co_spawn keeps alive, a local task awaited in
  // scope.
  co_await greet(std::string("temporary"));
  co_await greet("literal");
  co_await asio::co_spawn(ex, greet(local), asio::use_awaitable);
  co_await [&]() -> awaitable<void> { co_await greet(local); }();
  asio::co_spawn(ex, by_value(local), asio::detached);
  asio::co_spawn(ex, greet_view("literal"), asio::detached);
  asio::co_spawn(ex, greet(global_motd), asio::detached);
  asio::co_spawn(ex, [local]() -> awaitable<void> { co_await greet(local); }, asio::detached);
  auto later = greet(local);
  co_await std::move(later);
  std::string_view view = local;
  co_await greet_view(view);
}

// Returned from a plain function: its parameters and temporaries die first.
awaitable<void> greet_copy(std::string name) { return greet(name); }
// CHECK: :[[@LINE-1]]:61: warning: coroutine 'greet' refers to local 'name' through parameter 'name' but is returned and can outlive it
// CHECK: :14:42: note: parameter 'name' declared here
// CHECK: :[[@LINE-3]]:48: note: the coroutine is returned here
awaitable<void> greet_default() { return greet(std::string("default")); }
// CHECK: :[[@LINE-1]]:48: warning: temporary bound to parameter 'name' of coroutine 'greet' is destroyed
// CHECK: :14:42: note: parameter 'name' declared here
awaitable<void> forward(const std::string &name) { return greet(name); }

// A function that runs the event loop itself outlives the work it spawned.
int main() {
  asio::io_context context;
  std::string name = "main";
  asio::co_spawn(context, greet(name), asio::detached);
  asio::co_spawn(context, [&]() -> awaitable<void> { co_await greet(name); }, asio::detached);
  context.run();
}
