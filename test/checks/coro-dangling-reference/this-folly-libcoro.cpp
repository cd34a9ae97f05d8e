// Work spawned on `this` through folly's TaskWithExecutor::start and
// libcoro's spawn_detached, in shared-owned classes; a class that deletes
// itself when its work is done (folly's channel consumers) keeps itself
// alive.
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs

#include <coro/scheduler.hpp>
#include <coro/task.hpp>
#include <folly/coro/Task.h>
#include <memory>

class Poller : public std::enable_shared_from_this<Poller> {
public:
  void start(folly::coro::Executor *ex) {
    folly::coro::co_withExecutor(ex, poll()).start();
    // CHECK: :[[@LINE-1]]:38: warning: member coroutine 'poll' is spawned by 'folly::coro::TaskWithExecutor::start' and uses 'this' when it runs, but nothing keeps 'Poller' alive until it finishes [coro-dangling-reference]
    // CHECK: :28:7: note: 'this' used here
    // CHECK: :[[@LINE-6]]:7: note: 'Poller' is shared-owned (it derives from 'enable_shared_from_this<Poller>')
  }
  void start_owned(folly::coro::Executor *ex) {
    folly::coro::co_withExecutor(ex, poll_with(shared_from_this())).start();
    folly::coro::co_withExecutor(
        ex, folly::coro::co_invoke([self = shared_from_this()] { return self->poll(); }))
        .start();
  }

  folly::coro::Task<void> poll() {
    ++polls;
    co_return;
  }
  folly::coro::Task<void> poll_with(std::shared_ptr<Poller> self) {
    ++polls;
    co_return;
  }
  int polls = 0;
};

// Deletes itself when its work is done: nothing else needs to keep it.
class Consumer : public std::enable_shared_from_this<Consumer> {
public:
  void start(folly::coro::Executor *ex) {
    folly::coro::co_withExecutor(ex, consume()).start();
  }

private:
  folly::coro::Task<void> consume() {
    ++consumed;
    delete this;
    co_return;
  }
  int consumed = 0;
};

class Watcher : public std::enable_shared_from_this<Watcher> {
public:
  explicit Watcher(coro::scheduler &s) : sched(s) {}
  void start() {
    sched.spawn_detached(watch());
    // CHECK: :[[@LINE-1]]:26: warning: member coroutine 'watch' is spawned by 'coro::scheduler::spawn_detached' and uses 'this' when it runs
    sched.spawn_detached(watch_with(shared_from_this()));
  }

private:
  coro::task<void> watch() {
    ++seen;
    co_return;
  }
  coro::task<void> watch_with(std::shared_ptr<Watcher> self) {
    ++seen;
    co_return;
  }
  coro::scheduler &sched;
  int seen = 0;
};
