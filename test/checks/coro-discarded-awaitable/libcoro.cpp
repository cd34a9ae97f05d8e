// A libcoro-shaped task: promise in a base class, `auto` initial_suspend.
// RUN: %check-test coro-discarded-awaitable %s -- %std -I%inputs

#include <coro/task.hpp>

auto read_config() -> coro::task<int> { co_return 42; }
auto write_log(int level) -> coro::task<> { co_return; }

auto startup() -> coro::task<int> {
  write_log(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'write_log' is never awaited; the coroutine will not run [coro-discarded-awaitable]
  // CHECK-FIXES: co_await write_log(1);
  auto config = read_config();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'config' is never used; the coroutine will not run
  int value = co_await read_config();
  co_return value;
}

int main() {
  read_config();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'read_config' is discarded; the coroutine will not run
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: to run it from a function that is not a coroutine, pass it to 'coro::sync_wait'
  return coro::sync_wait(startup());
}
