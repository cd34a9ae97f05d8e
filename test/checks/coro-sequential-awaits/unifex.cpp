// libunifex: two independent tasks awaited in a row are a hint; awaiting a
// query of the coroutine's own context (get_stop_token) is not work to
// overlap.
// RUN: %check-test coro-sequential-awaits %s -- %std -I%inputs

#include <unifex/task.hpp>

unifex::task<int> fetch_a();
unifex::task<int> fetch_b();
unifex::task<unifex::inplace_stop_token> token_inner();

unifex::task<int> both() {
  int a = co_await fetch_a();
  // CHECK: :[[@LINE-1]]:11: warning: 2 independent awaits run one after another; they could run concurrently
  int b = co_await fetch_b();
  co_return a + b;
}

unifex::task<int> tokens() {
  auto a = co_await unifex::get_stop_token();
  auto b = co_await token_inner();
  co_return 0;
}
