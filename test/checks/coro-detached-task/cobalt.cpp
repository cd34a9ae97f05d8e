// Boost.Cobalt's spawn with the detached token, from a stub header.
// RUN: %strip-checks %s > %t.cpp
// RUN: not %corolint --checks='-*,coro-detached-task' %t.cpp -- %std -I%inputs | FileCheck %s -check-prefix=CHECK-MESSAGES --implicit-check-not="{{warning|error}}:"
// RUN: %tidy -checks='-*,coro-detached-task' %t.cpp -- %std -I%inputs | FileCheck %s -check-prefix=CHECK-MESSAGES --implicit-check-not="{{warning|error}}:"
// RUN: not %corolint --checks='-*,coro-detached-task' --fix %t.cpp -- %std -I%inputs
// RUN: FileCheck %s -check-prefix=CHECK-FIXES --input-file=%t.cpp
// RUN: %clangxx -fsyntax-only %std -I%inputs %t.cpp

#include <boost/cobalt/spawn.hpp>

namespace cobalt = boost::cobalt;

cobalt::task<void> refresh() { co_return; }

int main() {
  boost::asio::io_context context;
  cobalt::spawn(context, refresh(), boost::asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exceptions thrown by the spawned coroutine 'refresh' are silently discarded [coro-detached-task]
  // CHECK-FIXES: cobalt::spawn(context, refresh(), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  cobalt::spawn(context, refresh(), [](std::exception_ptr e) {});
}
