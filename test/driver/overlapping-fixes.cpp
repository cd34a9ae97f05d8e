// Two checks whose fix-its edit the same code: only the first is applied,
// the other finding says why, and the result compiles.
// RUN: %strip-checks %s > %t.cpp
// RUN: not %corolint --config="{CheckOptions: {coro-blocking-sleep.Replacement: 'co_await nap(${duration})'}}" --fix %t.cpp -- %std -I%inputs | FileCheck %s -check-prefix=CHECK-MESSAGES
// RUN: FileCheck %s -check-prefix=CHECK-FIXES --input-file=%t.cpp
// RUN: %clangxx -fsyntax-only %std -I%inputs %t.cpp

#include <chrono>
#include <cppcoro/task.hpp>

cppcoro::task<> nap(std::chrono::microseconds duration);
// A usleep with C linkage that returns a task (as `::usleep` in the sleep
// list names only C functions): both a sleep and a discarded task.
extern "C" cppcoro::task<> usleep(unsigned microseconds);

cppcoro::task<> run() {
  usleep(10);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'run' sleeps in 'usleep', blocking its thread [coro-blocking-sleep]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: task returned by 'usleep' is never awaited; the coroutine will not run [coro-discarded-awaitable]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: fix-it not applied: it overlaps the fix-it of another finding
  // CHECK-FIXES: {{^}}  co_await nap(std::chrono::microseconds(10));{{$}}
  co_return;
}
