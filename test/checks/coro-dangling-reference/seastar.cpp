// Seastar's "lambda coroutine fiasco": a capturing lambda coroutine handed
// to a function that lets its closure die before the coroutine finishes,
// decided from the definitions in the Seastar headers (the stubs keep
// Seastar's own shape: parallel_for_each and with_gate call the caller's
// closure; sharded::invoke_on_all keeps a copy until the future resolves).
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs

#include <chrono>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/gate.hh>
#include <seastar/core/loop.hh>
#include <seastar/core/sharded.hh>
#include <seastar/core/sleep.hh>
#include <string>
#include <vector>

using namespace std::chrono_literals;

seastar::future<> store(std::string key, int value);

struct Cache {
  std::string prefix;
  seastar::gate pending;

  // A plain function returning the future: the closure, a temporary of
  // this full expression, is gone when parallel_for_each's coroutines
  // resume.
  seastar::future<> flush(std::vector<int> values) {
    return seastar::parallel_for_each(values, [this](int value) -> seastar::future<> {
      co_await seastar::sleep(1ms);
      co_await store(prefix, value);
    });
    // CHECK: :[[@LINE-4]]:47: warning: the closure of this lambda coroutine is destroyed at the end of the full expression, while the coroutine started by 'seastar::parallel_for_each' still uses capture 'this' [coro-dangling-reference]
    // CHECK: :[[@LINE-3]]:22: note: 'this' used here, after the coroutine suspends
    // CHECK: :[[@LINE-6]]:47: note: await the call in the same full expression, or move the body into a member coroutine, which the lambda calls
  }

  // Background work under a gate, not awaited.
  void start_refresh(int value) {
    (void)seastar::with_gate(pending, [this, value]() -> seastar::future<> {
      co_await seastar::sleep(1s);
      co_await store(prefix, value);
    });
    // CHECK: :[[@LINE-4]]:39: warning: the closure of this lambda coroutine is destroyed at the end of the full expression, while the coroutine started by 'seastar::with_gate' still uses capture 'this'
    // CHECK: :[[@LINE-3]]:22: note: 'this' used here, after the coroutine suspends
  }

  // map_reduce calls the caller's mapper for each element, as
  // parallel_for_each does.
  seastar::future<int> total(std::vector<int> values) {
    return seastar::map_reduce(values, [this](int value) -> seastar::future<int> {
      co_await seastar::sleep(1ms);
      co_return value + static_cast<int>(prefix.size());
    }, 0, std::plus<int>());
    // CHECK: :[[@LINE-4]]:40: warning: the closure of this lambda coroutine is destroyed at the end of the full expression, while the coroutine started by 'seastar::map_reduce' still uses capture 'this'
    // CHECK: :[[@LINE-3]]:42: note: 'this' used here, after the coroutine suspends
  }

  // Not reported: awaited in the same full expression (the closure lives
  // until the co_await resumes), kept by invoke_on_all and map_reduce0,
  // captures read only before the first suspension, coroutine::lambda.
  seastar::future<int> totals(std::vector<int> values,
                              seastar::sharded<Cache> &shards) {
    int all = co_await seastar::map_reduce(values, [this](int value) -> seastar::future<int> {
      co_await seastar::sleep(1ms);
      co_return value + static_cast<int>(prefix.size());
    }, 0, std::plus<int>());
    co_return all + co_await shards.map_reduce0([values](Cache &local) -> seastar::future<int> {
      co_await seastar::sleep(1ms);
      co_return values.front() + static_cast<int>(local.prefix.size());
    }, 0, std::plus<int>());
  }

  seastar::future<> look_alikes(std::vector<int> values,
                                seastar::sharded<Cache> &shards) {
    co_await seastar::parallel_for_each(values, [this](int value) -> seastar::future<> {
      co_await seastar::sleep(1ms);
      co_await store(prefix, value);
    });
    co_await seastar::with_gate(pending, [this]() -> seastar::future<> {
      co_await seastar::sleep(1s);
      co_await store(prefix, 0);
    });
    co_await shards.invoke_on_all([values](Cache &local) -> seastar::future<> {
      co_await seastar::sleep(1ms);
      co_await store(local.prefix, values.front());
    });
    co_await seastar::parallel_for_each(values, [key = prefix](int value) {
      return store(key, value);
    });
    co_await seastar::sleep(1ms).then(seastar::coroutine::lambda([this]() -> seastar::future<> {
      co_await seastar::sleep(1ms);
      co_await store(prefix, 1);
    }));
    // future::then moves the closure into a continuation that is destroyed
    // once the lambda has returned its future: the stub's definition does
    // not show that (it keeps the callable in a heap object), so it takes
    // the framework table's ClosureDroppingFunctions (seastar-table.cpp):
    // reported, with the remedy for a call awaited at once.
    co_await seastar::sleep(1ms).then([this]() -> seastar::future<> {
      co_await seastar::sleep(1ms);
      co_await store(prefix, 2);
    });
    // CHECK: :[[@LINE-4]]:39: warning: 'seastar::future::then' destroys the closure of this lambda coroutine before the coroutine finishes, while the coroutine still uses capture 'this' [coro-dangling-reference]
    // CHECK: :[[@LINE-3]]:22: note: 'this' used here, after the coroutine suspends
    // CHECK: :[[@LINE-6]]:39: note: wrap the lambda in 'seastar::coroutine::lambda' to keep the closure alive while the call is awaited
  }
};

// Not reported: functions returning a future whose definition is not in
// sight (another TU: http::client::make_request, a handler's handle) or is
// no coroutine (make_ready_future copies its arguments): a temporary bound
// to their reference parameters is not assumed to be kept.
seastar::future<int> lookup(const std::string &key);

seastar::future<int> precise() {
  auto pending = lookup(std::string("key"));
  auto ready = seastar::make_ready_future<std::string>(std::string("value"));
  co_await seastar::sleep(1ms);
  co_return co_await std::move(pending) + (co_await std::move(ready)).size();
}
