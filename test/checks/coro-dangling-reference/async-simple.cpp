// async_simple: syncAwait runs a Lazy to completion within the full
// expression (safe, also with an executor); a Lazy kept past the full
// expression, or started and left running, is not.
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs

#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/SyncAwait.h>
#include <future>
#include <memory>
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
  // CHECK: :16:42: note: parameter 'path' declared here
}

// A helper of the project's that starts the Lazy and waits for it before it
// returns: the temporary closure outlives the coroutine.
void run_and_wait(Lazy<void> &&lazy) {
  std::promise<void> done;
  std::move(lazy).start([&](auto &&) { done.set_value(); });
  done.get_future().wait();
}
// One that drives until the coroutine is done.
struct driven {
  bool done() const;
  void drive();
};
void drive_until_done(Lazy<void> &&lazy, driven &loop) {
  std::move(lazy).start([](auto &&) {});
  while (!loop.done())
    loop.drive();
}
// Look-alike: starts it and returns at once.
void run_in_background(Lazy<void> &&lazy) {
  std::move(lazy).start([](auto &&) {});
}

void through_helpers(driven &loop) {
  int counter = 0;
  run_and_wait([&]() -> Lazy<void> {
    ++counter;
    co_return;
  }());
  drive_until_done([&]() -> Lazy<void> {
    ++counter;
    co_return;
  }(), loop);
  run_in_background([&]() -> Lazy<void> {
    // CHECK: :[[@LINE-1]]:21: warning: lambda coroutine is called on a temporary closure: its captures are destroyed at the end of the full expression, while the coroutine may still use them [coro-dangling-reference]
    // CHECK: :[[@LINE-2]]:22: note: captured here
    ++counter;
    co_return;
  }());
}

// A member coroutine detached on an executor runs after the caller has gone
// on: in a shared-owned class, something must keep the object alive.
class Session : public std::enable_shared_from_this<Session> {
public:
  void start(async_simple::Executor *executor) {
    pump().via(executor).detach();
    // CHECK: :[[@LINE-1]]:5: warning: member coroutine 'pump' is spawned by 'async_simple::coro::RescheduleLazy::detach' and uses 'this' when it runs, but nothing keeps 'Session' alive until it finishes [coro-dangling-reference]
    // CHECK: :[[@LINE+8]]:7: note: 'this' used here
    // CHECK: :[[@LINE-6]]:7: note: 'Session' is shared-owned (it derives from 'enable_shared_from_this<Session>'): capture or pass 'shared_from_this()' in the spawned work
    pump_owned(shared_from_this()).via(executor).detach();
  }

private:
  Lazy<void> pump() {
    co_await count_chars("x", 'y');
    ++pumped_;
    co_return;
  }
  Lazy<void> pump_owned(std::shared_ptr<Session> self) {
    ++pumped_;
    co_return;
  }
  int pumped_ = 0;
};
