// Boost.Asio awaitables dropped without co_await (Debian's Boost 1.74).
// RUN: %check-test coro-discarded-awaitable %s -- %std

// Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.
#include <utility>
#include <boost/asio.hpp>

namespace net = boost::asio;

net::awaitable<void> flush(net::ip::tcp::socket &socket);

net::awaitable<void> session(net::ip::tcp::socket socket) {
  net::steady_timer timer(socket.get_executor());
  timer.async_wait(net::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'async_wait' is never awaited; the coroutine will not run [coro-discarded-awaitable]
  // CHECK-FIXES: {{^}}  co_await timer.async_wait(net::use_awaitable);
  (void)flush(socket);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'flush' is never awaited; the coroutine will not run [coro-discarded-awaitable]
  // CHECK-FIXES: {{^}}  co_await flush(socket);
  co_await flush(socket);
}
