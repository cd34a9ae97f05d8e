// An awaiter's own members implement the suspension: they are not the
// coroutine's body. A thread started in await_suspend resumes the coroutine
// as its last act; await_resume then joins a thread that has finished.
// RUN: %check-test coro-blocking-call,coro-blocking-sleep %s -- %std -I%inputs

#include <chrono>
#include <coroutine>
#include <cppcoro/task.hpp>
#include <thread>
#include <utility>

struct on_new_thread {
  std::thread worker;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    worker = std::thread([h] { h.resume(); });
  }
  void await_resume() { worker.join(); }
};

cppcoro::task<> hop() {
  co_await on_new_thread{};
  co_return;
}

// The same join written in the coroutine's body blocks its thread.
cppcoro::task<> joins(std::thread &t) {
  t.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'joins' waits for another thread in 'std::thread::join', blocking its thread [coro-blocking-call]
  co_return;
}

// A bridge that runs whatever callable its caller chose: the callable's
// body is the caller's code, reported where it is written, not in the
// bridge instantiated with it.
template <typename Callable> cppcoro::task<> bridge(Callable callable) {
  callable();
  co_return;
}
void submit() {
  auto work = bridge([] { std::this_thread::sleep_for(std::chrono::seconds(1)); });
}

// A helper the coroutine calls by name is searched as before.
void nap() { std::this_thread::sleep_for(std::chrono::seconds(1)); }
cppcoro::task<> naps() {
  nap();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'naps' sleeps in 'std::this_thread::sleep_for' through 'nap', blocking its thread [coro-blocking-sleep]
  // CHECK-MESSAGES: :[[@LINE-4]]:14: note: {{.*}}
  co_return;
}
