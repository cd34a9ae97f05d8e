// Boost.Asio's co_spawn (Debian's Boost 1.74) is a spawn function too.
// RUN: %check-test coro-dangling-reference %s -- %std

// Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.
#include <utility>
#include <boost/asio.hpp>
#include <string>

namespace net = boost::asio;

net::awaitable<void> log_line(const std::string &line) { co_return; }

net::awaitable<void> serve(net::any_io_executor ex) {
  std::string banner = "hello";
  net::co_spawn(ex, log_line(banner), net::detached);
  // CHECK: :[[@LINE-1]]:30: warning: coroutine 'log_line' refers to local 'banner' through parameter 'line' but is spawned and can outlive it [coro-dangling-reference]
  // CHECK: :11:50: note: parameter 'line' declared here
  // CHECK: :[[@LINE-3]]:3: note: the coroutine is spawned here
  co_await log_line(banner);
}
