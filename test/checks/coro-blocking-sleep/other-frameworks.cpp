// Outside Asio, a fix-it needs the framework's asynchronous sleep from the
// 'Replacement' option; without it, a note says so.
// RUN: %strip-checks %s > %t.cpp
// RUN: not %corolint --checks='-*,coro-blocking-sleep' %t.cpp -- %std -I%inputs | FileCheck %s -check-prefix=CHECK-NOTE --implicit-check-not="{{warning|error}}:"
// RUN: %tidy -checks='-*,coro-blocking-sleep' %t.cpp -- %std -I%inputs | FileCheck %s -check-prefix=CHECK-NOTE --implicit-check-not="{{warning|error}}:"
// RUN: not %corolint --checks='-*,coro-blocking-sleep' --config="{CheckOptions: {coro-blocking-sleep.Replacement: 'co_await acme::sleep_for(${duration})'}}" --fix %t.cpp -- %std -I%inputs | FileCheck %s -check-prefix=CHECK-MESSAGES --implicit-check-not="{{warning|error}}:"
// RUN: FileCheck %s -check-prefix=CHECK-FIXES --input-file=%t.cpp
// RUN: %clangxx -fsyntax-only %std -I%inputs %t.cpp

#include <chrono>
#include <cppcoro/task.hpp>
#include <thread>

namespace acme {
struct sleep_awaiter {
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};
sleep_awaiter sleep_for(std::chrono::nanoseconds);
} // namespace acme

cppcoro::task<int> poll_status() {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // CHECK-NOTE: :[[@LINE-1]]:3: warning: coroutine 'poll_status' sleeps in 'std::this_thread::sleep_for', blocking its thread [coro-blocking-sleep]
  // CHECK-NOTE: :[[@LINE-2]]:3: note: no fix-it: set the option 'Replacement' to this framework's asynchronous sleep, e.g. 'co_await my::sleep_for(${duration})'
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: coroutine 'poll_status' sleeps
  // CHECK-FIXES: co_await acme::sleep_for(std::chrono::milliseconds(20));
  co_return 1;
}
