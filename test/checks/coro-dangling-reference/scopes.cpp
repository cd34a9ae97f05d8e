// Work spawned into a scope (a task group) runs until the scope is joined:
// a reference parameter bound to a local of a loop iteration dangles once
// the iteration ends; one bound to a local that outlives the join does not.
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs

#include <cppcoro/async_scope.hpp>
#include <coro/task_group.hpp>
#include <folly/coro/AsyncScope.h>
#include <memory>
#include <cppcoro/task.hpp>
#include <string>
#include <vector>

cppcoro::task<> process(const std::string &key) { co_return; }
cppcoro::task<> process_copy(std::string key) { co_return; }

cppcoro::task<> fan_out(std::vector<std::string> names) {
  cppcoro::async_scope scope;
  for (const std::string &name : names) {
    std::string key = "user:" + name;
    scope.spawn(process(key));
    // CHECK: :[[@LINE-1]]:25: warning: coroutine 'process' refers to 'key', a local of the loop, through parameter 'key', but is spawned into a scope that outlives the iteration [coro-dangling-reference]
    // CHECK: :14:44: note: parameter 'key' declared here
    // CHECK: :[[@LINE-3]]:5: note: the coroutine is spawned here
  }
  for (std::string name : names)
    scope.spawn(process(name));
  // CHECK: :[[@LINE-1]]:25: warning: coroutine 'process' refers to 'name', a local of the loop, through parameter 'key', but is spawned into a scope that outlives the iteration
  co_await scope.join();
}

// Not reported: the local outlives the join; a loop variable that is a
// reference to the caller's element; taken by value; joined within the
// iteration.
cppcoro::task<> look_alikes(std::vector<std::string> names) {
  cppcoro::async_scope scope;
  std::string prefix = "user:";
  for (const std::string &name : names) {
    scope.spawn(process(prefix));
    scope.spawn(process(name));
    std::string key = prefix + name;
    scope.spawn(process_copy(key));
  }
  for (const std::string &name : names) {
    std::string key = prefix + name;
    cppcoro::async_scope batch;
    batch.spawn(process(key));
    co_await batch.join();
  }
  co_await scope.join();
}

// folly's AsyncScope::add, with the task bound to its executor first.
folly::coro::Task<void> store(const std::string &key) { co_return; }

folly::coro::Task<void> fan_out_folly(std::vector<std::string> names,
                                      folly::coro::Executor *ex) {
  folly::coro::AsyncScope scope;
  std::string prefix = "user:";
  for (const std::string &name : names) {
    std::string key = prefix + name;
    scope.add(folly::coro::co_withExecutor(ex, store(key)));
    // CHECK: :[[@LINE-1]]:54: warning: coroutine 'store' refers to 'key', a local of the loop, through parameter 'key', but is spawned into a scope that outlives the iteration
    // CHECK: :[[@LINE-10]]:50: note: parameter 'key' declared here
    // CHECK: :[[@LINE-3]]:5: note: the coroutine is spawned here
    scope.add(folly::coro::co_withExecutor(ex, store(prefix)));
  }
  co_await scope.joinAsync();
}

// libcoro's task_group::start; awaiting the group joins it.
struct thread_pool {};
coro::task<void> record(const std::string &key) { co_return; }

coro::task<void> fan_out_libcoro(std::vector<std::string> names,
                                 std::shared_ptr<thread_pool> pool) {
  coro::task_group<thread_pool> group{pool};
  for (const std::string &name : names) {
    std::string key = "user:" + name;
    group.start(record(key));
    // CHECK: :[[@LINE-1]]:24: warning: coroutine 'record' refers to 'key', a local of the loop, through parameter 'key', but is spawned into a scope that outlives the iteration
    group.start(record(name));
  }
  co_await group;
}
