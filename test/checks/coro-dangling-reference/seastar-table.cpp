// Callees whose definition does not show that they drop the closure take
// the framework table's ClosureDroppingFunctions (Seastar's continuations);
// the note names the framework's AwaitedClosureWrapper where the call is
// awaited at once.
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs

#include <chrono>
#include <seastar/core/app-template.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>
#include <string>

using namespace std::chrono_literals;

seastar::future<> store(std::string key, int value);

seastar::future<> later(std::string key) {
  return seastar::sleep(1ms).then([key]() -> seastar::future<> {
    co_await seastar::sleep(1ms);
    co_await store(key, 1);
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:35: warning: 'seastar::future::then' destroys the closure of this lambda coroutine before the coroutine finishes, while the coroutine still uses capture 'key' [coro-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-3]]:20: note: 'key' used here, after the coroutine suspends
  // CHECK-MESSAGES: :[[@LINE-6]]:35: note: pass the captures as parameters of the lambda, or make the body a function that takes them by value
}

seastar::future<> awaited(std::string key) {
  co_await seastar::sleep(1ms).then([key]() -> seastar::future<> {
    co_await seastar::sleep(1ms);
    co_await store(key, 2);
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:37: warning: 'seastar::future::then' destroys the closure of this lambda coroutine before the coroutine finishes, while the coroutine still uses capture 'key'
  // CHECK-MESSAGES: :[[@LINE-3]]:20: note: 'key' used here, after the coroutine suspends
  // CHECK-MESSAGES: :[[@LINE-6]]:37: note: wrap the lambda in 'seastar::coroutine::lambda' to keep the closure alive while the call is awaited

  // Not reported: the wrapper awaited at once; a parameter instead of a
  // capture; a lambda that is no coroutine.
  co_await seastar::sleep(1ms).then(seastar::coroutine::lambda([key]() -> seastar::future<> {
    co_await seastar::sleep(1ms);
    co_await store(key, 3);
  }));
  co_await seastar::sleep(1ms).then([key] { return store(key, 4); });
}

// An application's entry point: app_template::run moves func into a
// continuation that is destroyed once func has returned its future, while
// the application's coroutine runs on. A plain lambda that calls a
// coroutine function keeps nothing in a closure.
seastar::future<> serve(std::string &name);

int start(int ac, char **av) {
  seastar::app_template app;
  std::string name = "cache";
  return app.run(ac, av, [&]() -> seastar::future<> {
    co_await seastar::sleep(1ms);
    co_await store(name, 5);
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:26: warning: 'seastar::app_template::run' destroys the closure of this lambda coroutine before the coroutine finishes, while the coroutine still uses capture 'name'
  // CHECK-MESSAGES: :[[@LINE-3]]:20: note: 'name' used here, after the coroutine suspends
  // CHECK-MESSAGES: :[[@LINE-6]]:26: note: pass the captures as parameters of the lambda, or make the body a function that takes them by value
}

int start_properly(int ac, char **av) {
  seastar::app_template app;
  std::string name = "cache";
  app.run(ac, av, [&] { return serve(name); });
  return app.run(ac, av, []() -> seastar::future<> {
    co_await seastar::sleep(1ms);
    co_await store("cache", 6);
  });
}
