// A lambda coroutine named by a local (`auto step = [this](int) ->
// future<> {...}; f(step);`) lives until the end of its scope, not of the
// full expression: handed by reference to a callee that lets the coroutine
// escape, it dies first only where the coroutine leaves the function; a
// callee that copies it and destroys its copy first is reported wherever
// the call is.
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs

#include <chrono>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/loop.hh>
#include <seastar/core/sleep.hh>
#include <string>
#include <vector>

using namespace std::chrono_literals;

seastar::future<> store(std::string key, int value);

// A plain function that calls its own copy of the callable and returns the
// coroutine: the copy dies when it returns.
template <typename Func> seastar::future<> call_copy(Func func) {
  return func(1);
}

struct Cache {
  std::string prefix;

  // Returned from a plain function: the named closure dies at the return.
  seastar::future<> flush(std::vector<int> values) {
    auto step = [this](int value) -> seastar::future<> {
      co_await seastar::sleep(1ms);
      co_await store(prefix, value);
    };
    return seastar::parallel_for_each(values, step);
    // CHECK: :[[@LINE-1]]:47: warning: the closure of lambda coroutine 'step' is destroyed at the end of its scope, while the coroutine started by 'seastar::parallel_for_each' still uses capture 'this' [coro-dangling-reference]
    // CHECK: :[[@LINE-4]]:22: note: 'this' used here, after the coroutine suspends
    // CHECK: :[[@LINE-7]]:17: note: await the call before the closure's scope ends, or move the body into a member coroutine, which the lambda calls
  }

  // Copied into a callee that destroys its copy first: even awaited.
  seastar::future<> refresh() {
    auto step = [this](int value) -> seastar::future<> {
      co_await seastar::sleep(1ms);
      co_await store(prefix, value);
    };
    co_await call_copy(step);
    // CHECK: :[[@LINE-1]]:24: warning: 'call_copy' destroys its copy of the closure of lambda coroutine 'step' before the coroutine finishes, while the coroutine still uses capture 'this' [coro-dangling-reference]
    // CHECK: :[[@LINE-4]]:22: note: 'this' used here, after the coroutine suspends
    // CHECK: :[[@LINE-7]]:17: note: move the body into a member coroutine, which the lambda calls (its frame keeps 'this' and the arguments)
  }

  // Look-alikes: the named closure outlives the awaited call, or a call
  // whose result the function awaits before it ends; a lambda that reads
  // its captures only before it suspends; a local that is not a lambda.
  seastar::future<> look_alikes(std::vector<int> values) {
    auto step = [this](int value) -> seastar::future<> {
      co_await seastar::sleep(1ms);
      co_await store(prefix, value);
    };
    co_await seastar::parallel_for_each(values, step);
    auto pending = seastar::parallel_for_each(values, step);
    co_await std::move(pending);
    auto quick = [this](int value) -> seastar::future<> {
      co_await store(prefix, value);
    };
    co_await call_copy(quick);
  }
};
