// A task dropped through a conversion: a lambda or a function returning a
// task, stored where a callable returning void is expected
// (std::function<void()>, a function_ref): the wrapper calls it and drops
// the task.
// RUN: %check-test coro-discarded-awaitable %s -- %std -I%inputs

#include <acme/function_ref.hpp>
#include <coro/task.hpp>
#include <functional>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <string>
#include <utility>

namespace acme {
void on_message(std::function<void(std::string)> callback);
void for_each_line(function_ref<void(std::string)> visit);
void on_ready(std::function<coro::task<void>()> callback);
} // namespace acme

coro::task<void> store(std::string line);
coro::task<void> flush();
seastar::future<> persist(std::string line);
void log_line(std::string line);

void subscribe() {
  acme::on_message([](std::string text) -> coro::task<void> {
    co_await store(text);
  });
  // CHECK-MESSAGES: :[[@LINE-3]]:20: warning: task returned by the lambda is discarded: 'std::function<void (std::basic_string<char>)>' calls it as a function returning void; the coroutine will not run [coro-discarded-awaitable]
  // CHECK-MESSAGES: :[[@LINE-4]]:20: note: let the wrapper's signature return the task and await it, or start the task inside the callable
  acme::for_each_line([](std::string line) { return store(line); });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: task returned by the lambda is discarded: 'acme::function_ref<void (std::basic_string<char>)>' calls it as a function returning void; the coroutine will not run
  // CHECK-MESSAGES: :[[@LINE-2]]:23: note: let the wrapper's signature
  acme::for_each_line(store);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: task returned by 'store' is discarded: 'acme::function_ref<void (std::basic_string<char>)>' calls it
  // CHECK-MESSAGES: :[[@LINE-2]]:23: note: let the wrapper's signature
  std::function<void()> on_close = flush;
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: task returned by 'flush' is discarded: 'std::function<void ()>' calls it
  // CHECK-MESSAGES: :[[@LINE-2]]:36: note: let the wrapper's signature
  on_close();
  // An eager Seastar future runs, but nothing waits for it or sees its
  // exception.
  acme::on_message([](std::string text) -> seastar::future<> {
    co_await persist(text);
  });
  // CHECK-MESSAGES: :[[@LINE-3]]:20: warning: task returned by the lambda is discarded: 'std::function<void (std::basic_string<char>)>' calls it as a function returning void; its result and exceptions are lost
  // CHECK-MESSAGES: :[[@LINE-4]]:20: note: let the wrapper's signature

  // Not reported: callables returning void, wrappers that return the task,
  // copies of a wrapper.
  acme::on_message([](std::string text) { log_line(text); });
  acme::for_each_line(log_line);
  acme::on_ready([]() -> coro::task<void> { co_await flush(); });
  acme::on_ready(flush);
  std::function<void()> copy = on_close;
  copy();
}
