// Value coroutine types (folly's Expected, result): an ordinary function
// returning one returns a value, and a coroutine of the kind has finished
// when the call returns. Neither is a task left to await.
// RUN: %check-test coro-discarded-awaitable %s -- %std -I%inputs

#include <cppcoro/task.hpp>
#include <valuecoro/value.hpp>

using namespace valuecoro;

// The value type is awaitable in its own coroutines, as Expected is.
struct checked : value<int> {
  struct promise_type : value_promise<int> {
    checked get_return_object() { return {}; }
  };
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<promise_type>) noexcept {}
  int await_resume() { return 0; }
};

checked make_error() { return checked{}; }
checked computed() { co_return 1; }

checked uses() {
  make_error();
  computed();
  co_return 0;
}

// A lazy task from an ordinary function is still a task left unawaited.
cppcoro::task<int> fetch();
cppcoro::task<int> forward() { return fetch(); }
cppcoro::task<> drops() {
  forward();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'forward' is never awaited{{.*}} [coro-discarded-awaitable]
  co_return;
}
