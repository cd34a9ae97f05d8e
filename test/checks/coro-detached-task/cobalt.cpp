// Boost.Cobalt's spawn with the detached token, from a stub header.
// RUN: %check-test coro-detached-task %s -- %std -I%inputs

#include <boost/cobalt/spawn.hpp>

namespace cobalt = boost::cobalt;

void reload_settings();
cobalt::task<void> refresh() {
  reload_settings();
  co_return;
}

int main() {
  boost::asio::io_context context;
  cobalt::spawn(context, refresh(), boost::asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exceptions thrown by the spawned coroutine 'refresh' are silently discarded [coro-detached-task]
  // CHECK-FIXES: cobalt::spawn(context, refresh(), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  cobalt::spawn(context, refresh(), [](std::exception_ptr e) {});
}
