// Boost.Asio's co_spawn and detached token (Debian's Boost 1.74).
// RUN: %check-test coro-detached-task %s -- %std

// Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.
#include <utility>
#include <boost/asio.hpp>

namespace net = boost::asio;

void advance_clock();
int read_count();
net::awaitable<void> tick() { advance_clock(); co_return; }
net::awaitable<int> count() { co_return read_count(); }
// Nothing in it can throw: no exception to lose.
net::awaitable<void> idle() { co_return; }

int main() {
  net::io_context context;
  net::co_spawn(context, tick(), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exceptions thrown by the spawned coroutine 'tick' are silently discarded [coro-detached-task]
  // CHECK-MESSAGES: :[[@LINE-2]]:34: note: the completion token 'net::detached' drops them
  // CHECK-FIXES: net::co_spawn(context, tick(), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  net::co_spawn(context, count(), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exceptions thrown by the spawned coroutine 'count' are silently discarded [coro-detached-task]
  // CHECK-MESSAGES: :[[@LINE-2]]:35: note: the completion token 'net::detached' drops them
  // CHECK-FIXES: net::co_spawn(context, count(), [](std::exception_ptr e, auto &&) { if (e) std::rethrow_exception(e); });
  net::co_spawn(context, idle(), net::detached);
  context.run();
}
