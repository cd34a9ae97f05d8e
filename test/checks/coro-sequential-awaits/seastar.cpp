// Independent Seastar awaits could run together with seastar::coroutine::all.
// RUN: %check-test coro-sequential-awaits %s -- %std -I%inputs

#include <seastar/core/coroutine.hh>
#include <seastar/coroutine/all.hh>

seastar::future<int> read_size(int file);
seastar::future<> save(int size);

seastar::future<int> independent() {
  int a = co_await read_size(1);
  // CHECK: :[[@LINE-1]]:11: warning: 2 independent awaits run one after another; they could run concurrently with 'seastar::coroutine::all' [coro-sequential-awaits]
  int b = co_await read_size(2);
  // CHECK: :[[@LINE-1]]:11: note: independent of the await above
  co_return a + b;
}

// Not reported: already together, or the second needs the first.
seastar::future<int> together() {
  auto [a, b] = co_await seastar::coroutine::all([] { return read_size(1); },
                                                 [] { return read_size(2); });
  co_return a + b;
}

seastar::future<> dependent() {
  int a = co_await read_size(1);
  co_await save(a);
}
