// A task used up by co_await or a move, used again.
// RUN: %check-test coro-task-reused %s -- %std -I%inputs

#include <cppcoro/task.hpp>
#include <utility>

cppcoro::task<int> fetch();
cppcoro::task<void> consume(cppcoro::task<int> t);

cppcoro::task<int> awaited_twice() {
  auto t = fetch();
  int a = co_await std::move(t);
  int b = co_await std::move(t);
  // CHECK: :[[@LINE-1]]:11: warning: task 't' is awaited after it was awaited; a task can be consumed only once [coro-task-reused]
  // CHECK: :[[@LINE-3]]:11: note: awaited here
  co_return a + b;
}

cppcoro::task<void> awaited_after_handing_over() {
  auto t = fetch();
  co_await consume(std::move(t));
  co_await t;
  // CHECK: :[[@LINE-1]]:3: warning: task 't' is awaited after it was moved from; a task can be consumed only once [coro-task-reused]
  // CHECK: :[[@LINE-3]]:20: note: moved from here
}

cppcoro::task<void> handed_to_two() {
  auto t = fetch();
  co_await cppcoro::when_all(std::move(t));
  co_await cppcoro::when_all(std::move(t));
  // CHECK: :[[@LINE-1]]:30: warning: task 't' is moved from after it was moved from; a task can be consumed only once [coro-task-reused]
  // CHECK: :[[@LINE-3]]:30: note: moved from here
}

cppcoro::task<void> every_iteration(cppcoro::task<int> t, int n) {
  for (int i = 0; i < n; ++i)
    co_await std::move(t);
  // CHECK: :[[@LINE-1]]:5: warning: task 't' is awaited in every iteration of the loop, but it is made once, before the loop; a task can be consumed only once [coro-task-reused]
  // CHECK: :[[@LINE-4]]:56: note: 't' is made here
}

// cppcoro's task gives its result again to every lvalue co_await.
cppcoro::task<int> lvalue_awaits() {
  auto t = fetch();
  int a = co_await t;
  int b = co_await t;
  co_return a + b;
}

// One of the two runs.
cppcoro::task<int> one_path(bool cached) {
  auto t = fetch();
  if (cached)
    co_return co_await std::move(t);
  int v = 0;
  if (cached)
    v = co_await std::move(t);
  else
    v = co_await std::move(t);
  co_return v;
}

// Made again before each use.
cppcoro::task<void> made_again(int n) {
  for (int i = 0; i < n; ++i) {
    auto t = fetch();
    co_await std::move(t);
  }
  cppcoro::task<int> u;
  for (int i = 0; i < n; ++i) {
    u = fetch();
    co_await std::move(u);
  }
  auto v = fetch();
  co_await std::move(v);
  v = fetch();
  co_await std::move(v);
}

// The loop stops after the await.
cppcoro::task<void> awaited_once_in_loop(bool ready) {
  auto t = fetch();
  for (;;) {
    if (ready) {
      co_await std::move(t);
      break;
    }
  }
}

// Copyable: made for several consumers.
cppcoro::task<void> shared(cppcoro::shared_task<int> s) {
  co_await std::move(s);
  co_await std::move(s);
}

// co_yield holds its operand twice in the AST: one use.
cppcoro::generator<int> yields_awaited(cppcoro::task<int> t) {
  co_yield co_await std::move(t);
}
