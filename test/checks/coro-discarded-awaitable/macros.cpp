// Findings inside macro expansions are reported at the macro use, with no
// fix-it: an edit there would change every other use of the macro.
// RUN: %check-test coro-discarded-awaitable %s -- %std -I%inputs

#include <cppcoro/task.hpp>

cppcoro::task<> fetch(int);

#define FIRE(n) fetch(n)
#define FIRE_STATEMENT(n) fetch(n);

cppcoro::task<> run() {
  FIRE(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited
  // CHECK-FIXES: {{^}}  FIRE(1);
  FIRE_STATEMENT(2)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited
  // CHECK-FIXES: {{^}}  FIRE_STATEMENT(2)
  fetch(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited
  // CHECK-FIXES: {{^}}  co_await fetch(3);
  co_return;
}
