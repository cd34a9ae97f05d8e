// async_simple: syncAwait runs a Lazy to completion within the full
// expression (safe, also with an executor); a Lazy kept past the full
// expression, or started and left running, is not.
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs

#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/SyncAwait.h>
#include <string>
#include <utility>

using async_simple::coro::Lazy;
using async_simple::coro::syncAwait;

Lazy<int> count_chars(const std::string &path, char c) { co_return static_cast<int>(path.size()) + c; }

void run_now(async_simple::Executor *executor) {
  int total = 0;
  syncAwait([&]() -> Lazy<void> {
    total += 1;
    co_return;
  }());
  auto n = syncAwait(count_chars("file.txt", 'x'));
  auto m = async_simple::coro::syncAwait(count_chars(std::string("a"), 'y'), executor);
}

void run_later() {
  int counter = 0;
  auto pending = [&]() -> Lazy<void> {
    // CHECK: :[[@LINE-1]]:18: warning: lambda coroutine is called on a temporary closure: its captures are destroyed at the end of the full expression, while the coroutine may still use them [coro-dangling-reference]
    // CHECK: :[[@LINE-2]]:19: note: captured here
    ++counter;
    co_return;
  }();
  syncAwait(std::move(pending));
  count_chars("other.txt", 'z').start([](auto &&) {});
  // CHECK: :[[@LINE-1]]:15: warning: temporary bound to parameter 'path' of coroutine 'count_chars' is destroyed at the end of the full expression, while the coroutine may still use it [coro-dangling-reference]
  // CHECK: :14:42: note: parameter 'path' declared here
}
