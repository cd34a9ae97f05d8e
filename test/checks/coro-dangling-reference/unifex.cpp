// libunifex: sync_wait and sync_wait_r are function objects that run a task
// to completion within the full expression, also through when_all (safe);
// a task kept past the full expression is not.
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs

#include <string>
#include <unifex/sync_wait.hpp>
#include <unifex/task.hpp>
#include <utility>

unifex::task<int> parse(const std::string &text) { co_return static_cast<int>(text.size()); }

void run_now() {
  bool acquired = false;
  unifex::sync_wait([&]() -> unifex::task<void> {
    acquired = true;
    co_return;
  }());
  unifex::sync_wait(unifex::when_all([&]() -> unifex::task<void> { co_return; }(),
                                     [&]() -> unifex::task<void> { co_return; }()));
  auto n = unifex::sync_wait_r<int>(parse(std::string("42")));
}

void run_later() {
  int counter = 0;
  auto pending = [&]() -> unifex::task<void> {
    // CHECK: :[[@LINE-1]]:18: warning: lambda coroutine is called on a temporary closure: its captures are destroyed at the end of the full expression, while the coroutine may still use them [coro-dangling-reference]
    // CHECK: :[[@LINE-2]]:19: note: captured here
    ++counter;
    co_return;
  }();
  unifex::sync_wait(std::move(pending));
  auto later = parse(std::string("7"));
  // CHECK: :[[@LINE-1]]:22: warning: temporary bound to parameter 'text' of coroutine 'parse' is destroyed at the end of the full expression, while the coroutine may still use it [coro-dangling-reference]
  // CHECK: :11:44: note: parameter 'text' declared here
  unifex::sync_wait(std::move(later));
}
