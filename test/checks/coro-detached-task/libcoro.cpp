// libcoro's spawn_detached gives the task to a promise that ignores its
// exception: detached, unless the task cannot throw. spawn_joinable returns
// a task that joins it.
// RUN: %check-test coro-detached-task %s -- %std -I%inputs

#include <coro/scheduler.hpp>

void handle_request(int client);
coro::task<void> serve(int client) {
  handle_request(client);
  co_return;
}
coro::task<void> count_up(int &counter) {
  ++counter;
  co_return;
}

void start(coro::scheduler &scheduler, coro::thread_pool &pool, int &counter) {
  scheduler.spawn_detached(serve(1));
  // CHECK: :[[@LINE-1]]:3: warning: work started with 'coro::scheduler::spawn_detached' is detached: nobody can wait for it or handle its errors [coro-detached-task]
  pool.spawn_detached(serve(2));
  // CHECK: :[[@LINE-1]]:3: warning: work started with 'coro::thread_pool::spawn_detached' is detached
  scheduler.spawn_detached(count_up(counter));
  auto joined = scheduler.spawn_joinable(serve(3));
}
