// Tasks that are created and dropped, against a cppcoro-shaped task<T>.
// RUN: %check-test coro-discarded-awaitable %s -- %std -I%inputs

#include <cppcoro/task.hpp>
#include <vector>

using cppcoro::task;

task<int> fetch_user(int id);
task<> log_event(const char *what);

struct Session {
  task<> flush();
  task<> send(int bytes);
  static task<> shutdown_all();
};

template <typename T> task<T> fetch(T key);
using Job = task<void>;
Job make_job();

task<int> discarded_calls(Session &session) {
  fetch_user(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch_user' is never awaited; the coroutine will not run [coro-discarded-awaitable]
  // CHECK-FIXES: co_await fetch_user(1);
  session.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'flush' is never awaited; the coroutine will not run
  // CHECK-FIXES: co_await session.flush();
  Session::shutdown_all();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'shutdown_all' is never awaited
  // CHECK-FIXES: co_await Session::shutdown_all();
  fetch<long>(7);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited
  // CHECK-FIXES: co_await fetch<long>(7);
  make_job();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'make_job' is never awaited
  // CHECK-FIXES: co_await make_job();
  (fetch_user(2));
  // CHECK-MESSAGES: :[[@LINE-1]]:4: warning: task returned by 'fetch_user' is never awaited
  // CHECK-FIXES: (co_await fetch_user(2));
  co_return 0;
}

task<> discarded_in_control_flow(Session &session, bool retry) {
  if (retry)
    session.send(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task returned by 'send' is never awaited
  // CHECK-FIXES: co_await session.send(1);
  else
    session.send(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task returned by 'send' is never awaited
  // CHECK-FIXES: co_await session.send(2);
  for (int i = 0; i < 3; ++i)
    log_event("tick");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task returned by 'log_event' is never awaited
  // CHECK-FIXES: co_await log_event("tick");
  switch (retry) {
  case true:
    log_event("retry");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task returned by 'log_event' is never awaited
    // CHECK-FIXES: co_await log_event("retry");
    break;
  default:
    break;
  }
  co_return;
}

task<> explicit_discards() {
  (void)fetch_user(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch_user' is never awaited
  // CHECK-FIXES: co_await fetch_user(3);
  (void) (fetch_user(4));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch_user' is never awaited
  // CHECK-FIXES: co_await (fetch_user(4));
  static_cast<void>(fetch_user(5));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch_user' is never awaited
  // CHECK-FIXES: co_await (fetch_user(5));
  void(fetch_user(7));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch_user' is never awaited
  // CHECK-FIXES: co_await (fetch_user(7));
  co_return;
}

// 'co_await' is not allowed in a catch handler: reported, without a fix-it.
task<> in_handler() {
  try {
    co_await fetch_user(8);
  } catch (...) {
    log_event("failed");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task returned by 'log_event' is never awaited
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no fix-it: 'co_await' cannot be used in a catch handler
    // CHECK-FIXES: {{^}}    log_event("failed");
  }
}

task<> unused_locals() {
  auto pending = fetch_user(6);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'pending' is never used; the coroutine will not run
  task<> cleanup = log_event("cleanup");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: task 'cleanup' is never used
  if (auto later = fetch_user(7); true) {
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: task 'later' is never used
  }
  co_return;
}

task<> lambdas() {
  auto make = [](int n) -> task<int> { co_return n; };
  make(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by the lambda is never awaited
  // CHECK-FIXES: co_await make(1);
  auto inner = []() -> task<> {
    log_event("inner");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task returned by 'log_event' is never awaited
    // CHECK-FIXES: co_await log_event("inner");
    co_return;
  };
  co_await inner();
}

// Outside a coroutine there is nothing to await with: no fix-it, and a note
// says how the framework runs a task from ordinary code.
void plain_function() {
  fetch_user(8);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch_user' is discarded; the coroutine will not run
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: to run it from a function that is not a coroutine, pass it to 'cppcoro::sync_wait'
  // CHECK-FIXES: {{^}}  fetch_user(8);
  auto unused = fetch_user(9);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'unused' is never used
}

// A nested lambda that is not a coroutine runs elsewhere: it is a function of
// its own, and the enclosing coroutine does not lend it `co_await`.
task<> nested_plain_lambda(std::vector<void (*)()> &callbacks) {
  auto callback = [] {
    fetch_user(10);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task returned by 'fetch_user' is discarded
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: to run it
  };
  callbacks.push_back(callback);
  co_return;
}
