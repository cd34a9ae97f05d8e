// Work on `this` spawned into a scope (a task group). The object's own
// scope, joined when the object stops, keeps it alive; a scope local to the
// spawning function is joined before that function goes on; any other
// scope (here a global one) may be joined after the object is gone: reported
// where the class has a scope of its own that the work does not enter.
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs

#include <cppcoro/async_scope.hpp>
#include <cppcoro/task.hpp>

cppcoro::task<> tick();
cppcoro::async_scope background;

struct Worker {
  cppcoro::async_scope scope_;
  int count = 0;

  cppcoro::task<> step() {
    co_await tick();
    ++count;
  }

  void start_elsewhere() { background.spawn(step()); }
  // CHECK: :[[@LINE-1]]:45: warning: member coroutine 'step' is spawned by 'cppcoro::async_scope::spawn' and uses 'this' when it runs, but nothing keeps 'Worker' alive until it finishes [coro-dangling-reference]
  // CHECK: :[[@LINE-5]]:7: note: 'this' used here
  // CHECK: :[[@LINE-11]]:24: note: 'Worker' waits for its work through 'scope_', which this work does not enter

  // Not reported: its own scope; a local scope joined here.
  void start() { scope_.spawn(step()); }
  cppcoro::task<> batch() {
    cppcoro::async_scope local;
    local.spawn(step());
    co_await local.join();
  }
};

// No scope or owner of its own: not decided here (ReportUnprovenOwners).
struct Plain {
  int count = 0;
  cppcoro::task<> step() {
    co_await tick();
    ++count;
  }
  void start() { background.spawn(step()); }
};
