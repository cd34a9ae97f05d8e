// async_simple: `task().via(executor).detach()` starts the task with a
// callback that rethrows its exception on the executor's thread: nothing can
// wait for the work or handle its errors; detached, unless the task cannot
// throw. start() hands the result, an exception included, to its callback;
// syncAwait waits.
// RUN: %check-test coro-detached-task %s -- %std -I%inputs

#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/SyncAwait.h>

using async_simple::coro::Lazy;

void handle_request(int client);
Lazy<void> serve(int client) {
  handle_request(client);
  co_return;
}
Lazy<void> count_up(int &counter) {
  ++counter;
  co_return;
}

void start(async_simple::Executor *executor, int &counter) {
  serve(1).via(executor).detach();
  // CHECK: :[[@LINE-1]]:3: warning: work started with 'async_simple::coro::RescheduleLazy::detach' is detached: nobody can wait for it or handle its errors [coro-detached-task]
  auto later = serve(2).via(executor);
  later.detach();
  // CHECK: :[[@LINE-1]]:3: warning: work started with 'async_simple::coro::RescheduleLazy::detach' is detached
  count_up(counter).via(executor).detach();
  serve(3).start([](auto &&result) {});
  async_simple::coro::syncAwait(serve(4), executor);
}
