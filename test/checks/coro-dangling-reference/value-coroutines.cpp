// A coroutine that completes within its call (its promise never suspends,
// and it awaits only awaiters of its own promise kind) is a value: captures
// and references cannot dangle. One that may suspend to a scheduler can.
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs

#include <string>
#include <valuecoro/value.hpp>

using namespace valuecoro;

value<int> parse(const std::string &text);
value<int> parse(const std::string &text) { co_return int(text.size()); }

int sync_uses() {
  int base = 3;
  // The lambda coroutine runs to completion inside the call.
  auto v = [&]() -> value<int> { co_return base + co_await or_unwind<int>{parse("abc")}; }();
  // The awaiter names its handle through an alias template.
  auto u = [&]() -> value<int> { co_return base + co_await or_unwind_aliased<int>{parse("u")}; }();
  // A reference parameter bound to a temporary: done before the temporary dies.
  auto w = parse(std::string("temporary"));
  return v.ok() && w.ok() && u.ok();
}

// The same shape with an awaiter that can hand the coroutine to a scheduler:
// the closure dies at the end of the full expression, the coroutine lives on.
void async_uses() {
  int base = 3;
  auto started = [&]() -> fire_and_forget {
    co_await later{};
    (void)base;
  }();
  // CHECK-MESSAGES: :[[@LINE-4]]:18: warning: lambda coroutine is called on a temporary closure: its captures are destroyed at the end of the full expression, while the coroutine may still use them [coro-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-5]]:19: note: captured here
  auto aliased = [&]() -> value<int> {
    co_await later_aliased{};
    co_return base;
  }();
  // CHECK-MESSAGES: :[[@LINE-4]]:18: warning: lambda coroutine is called on a temporary closure: its captures are destroyed at the end of the full expression, while the coroutine may still use them [coro-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-5]]:19: note: captured here
  (void)aliased;
}
