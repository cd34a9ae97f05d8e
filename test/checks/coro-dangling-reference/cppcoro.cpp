// A cppcoro-shaped task: run to completion by sync_wait (safe), returned or
// stored past the full expression (dangling).
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs

#include <cppcoro/task.hpp>
#include <string>
#include <vector>

cppcoro::task<int> parse(const std::string &text) { co_return static_cast<int>(text.size()); }

int run_now() {
  // Both complete before the temporary dies.
  int a = cppcoro::sync_wait(parse(std::string("42")));
  int b = cppcoro::sync_wait(cppcoro::when_all(parse("1"), parse("2")));
  return a + b;
}

std::vector<cppcoro::task<int>> queue;

void enqueue() {
  queue.push_back(parse("later"));
  // CHECK: :[[@LINE-1]]:25: warning: temporary bound to parameter 'text' of coroutine 'parse' is destroyed at the end of the full expression, while the coroutine may still use it [coro-dangling-reference]
  // CHECK: :9:45: note: parameter 'text' declared here
}

cppcoro::task<int> make_parser() {
  std::string text = "123";
  co_return co_await parse(text);
}

cppcoro::task<int> lambda_parser() {
  std::string text = "123";
  auto parse_lambda = [](const std::string &s) -> cppcoro::task<int> { co_return static_cast<int>(s.size()); };
  auto pending = parse_lambda(text + "4");
  // CHECK: :[[@LINE-1]]:31: warning: temporary bound to parameter 's' of lambda coroutine is destroyed
  // CHECK: :[[@LINE-3]]:45: note: parameter 's' declared here
  co_return co_await pending;
}

// Variables captured by reference from the enclosing function belong to
// that function's frame, not to the lambda's.
cppcoro::task<int> count(const std::string &text);
void outer() {
  std::string text = "abc";
  auto make = [&text] { return count(text); };
  auto pending = make();
  cppcoro::sync_wait(pending);
}

// Taking a task by rvalue reference is taking ownership (libcoro's
// thread_pool::spawn_joinable is not a coroutine): not reported even when
// the body is not visible.
cppcoro::task<> spawn_joinable(cppcoro::task<> &&task);
cppcoro::task<> work();
void ownership() {
  auto joined = spawn_joinable(work());
  cppcoro::sync_wait(joined);
}
