// A made-up framework that corolint does not know, taught to it through
// configuration alone (test/frameworks/configured.cpp): a lazy task, a
// spawn function with completion tokens, a thread-blocking wait, a socket
// and an asynchronous sleep.
#pragma once
#include <chrono>
#include <coroutine>
#include <exception>

namespace acme {
template <typename T = void> class task {
public:
  struct promise_type {
    task get_return_object() noexcept {
      return task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { error = std::current_exception(); }
    std::exception_ptr error;
  };
  explicit task(std::coroutine_handle<promise_type> h) : handle(h) {}
  task(task &&other) noexcept : handle(other.handle) { other.handle = {}; }
  ~task() {
    if (handle)
      handle.destroy();
  }
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}

private:
  std::coroutine_handle<promise_type> handle;
};

struct detached_t {};
inline constexpr detached_t detached{};
struct use_task_t {};
inline constexpr use_task_t use_task{};

struct executor {};
// Like Asio's co_spawn: where to run, what to run, what to do when it ends.
template <typename Token> void spawn(executor where, task<> work, Token token) {}

struct blocker {
  void wait_here();
};

class socket {
public:
  task<> read(char *buffer, int size);
};

task<> nap(std::chrono::milliseconds duration);
void run_until_done(task<> work);
} // namespace acme
