// A macro's `do { ... } while (0)` wrapper (Boost.Test's BOOST_REQUIRE_EQUAL
// loops `while (dummy_cond())`) runs its statements once: a task awaited in
// it is consumed once. A loop written in the code is a loop.
// RUN: %check-test coro-task-reused %s -- %std -I%inputs

#include <cppcoro/task.hpp>
#include <utility>

bool dummy_cond();
#define REQUIRE_EQUAL(a, b)                                                    \
  do {                                                                         \
    if ((a) != (b))                                                            \
      throw 1;                                                                 \
  } while (dummy_cond())

cppcoro::task<int> fetch();

cppcoro::task<> checked_once() {
  auto t = fetch();
  REQUIRE_EQUAL(co_await std::move(t), 42);
}

cppcoro::task<> written_loop() {
  auto t = fetch();
  do {
    co_await std::move(t);
    // CHECK: :[[@LINE-1]]:5: warning: task 't' is awaited in every iteration of the loop, but it is made once, before the loop; a task can be consumed only once [coro-task-reused]
    // CHECK: :[[@LINE-4]]:8: note: 't' is made here
  } while (dummy_cond());
}
