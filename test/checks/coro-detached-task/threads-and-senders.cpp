// Detached threads and senders, discarded eager starts, discarded
// std::async futures.
// RUN: %check-test coro-detached-task %s -- %std -I%inputs

#include <folly/coro/Task.h>
#include <future>
#include <stdexec/execution.hpp>
#include <thread>
#include <unifex/spawn_detached.hpp>
#include <vector>

folly::coro::Task<int> refresh_cache();

void fire_and_forget(folly::coro::Executor *executor) {
  std::thread worker([] {});
  worker.detach();
  // CHECK: :[[@LINE-1]]:3: warning: thread is detached: nobody can join it or know when it ends, and it may outlive what it uses [coro-detached-task]
  std::jthread([] {}).detach();
  // CHECK: :[[@LINE-1]]:3: warning: thread is detached
  stdexec::start_detached(stdexec::just(42));
  // CHECK: :[[@LINE-1]]:3: warning: work started with 'stdexec::start_detached' is detached: nobody can wait for it or handle its errors
  folly::coro::co_withExecutor(executor, refresh_cache()).start();
  // CHECK: :[[@LINE-1]]:3: warning: result of 'folly::coro::TaskWithExecutor::start' is discarded: the started work is detached and its errors are lost
  std::async(std::launch::async, [] { return 1; });
  // CHECK: :[[@LINE-1]]:3: warning: the future returned by 'std::async' is discarded: its destructor waits for the task, which does not run in the background
}

// libunifex's spawn_detached nests the work in a scope that is joined.
void scoped(unifex::v2::async_scope &requests) {
  unifex::spawn_detached(stdexec::just(1), requests);
}

// Kept handles are tracked.
int tracked(folly::coro::Executor *executor) {
  std::thread worker([] {});
  worker.join();
  auto started = folly::coro::co_withExecutor(executor, refresh_cache()).start();
  // The outcome goes to a callback: nothing is dropped here.
  folly::coro::co_withExecutor(executor, refresh_cache()).start([](auto &&outcome) {});
  auto future = std::async(std::launch::async, [] { return 1; });
  std::vector<std::future<int>> futures;
  futures.push_back(std::async(std::launch::async, [] { return 2; }));
  return std::move(started).get() + future.get();
}
