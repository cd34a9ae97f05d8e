// Boost.Asio's co_spawn and detached token (Debian's Boost 1.74).
// RUN: %strip-checks %s > %t.cpp
// RUN: not %corolint --checks='-*,coro-detached-task' %t.cpp -- %std | FileCheck %s -check-prefix=CHECK-MESSAGES --implicit-check-not="{{warning|error}}:"
// RUN: %tidy -checks='-*,coro-detached-task' %t.cpp -- %std -DBOOST_ASIO_HAS_CO_AWAIT=1 -DBOOST_ASIO_HAS_STD_COROUTINE=1 | FileCheck %s -check-prefix=CHECK-MESSAGES --implicit-check-not="{{warning|error}}:"
// RUN: not %corolint --checks='-*,coro-detached-task' --fix %t.cpp -- %std
// RUN: FileCheck %s -check-prefix=CHECK-FIXES --input-file=%t.cpp
// RUN: %clangxx -fsyntax-only %std -DBOOST_ASIO_HAS_CO_AWAIT=1 -DBOOST_ASIO_HAS_STD_COROUTINE=1 %t.cpp

// Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.
#include <utility>
#include <boost/asio.hpp>

namespace net = boost::asio;

net::awaitable<void> tick() { co_return; }
net::awaitable<int> count() { co_return 1; }

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
  context.run();
}
