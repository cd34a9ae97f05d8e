// Header bodies that some check reports in or reads: never skipped.
#pragma once

#include <chrono>
#include <coroutine>
#include <coro/task.hpp>
#include <string>
#include <thread>

// Names a function of the blocking table.
inline void nap() { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }
// Names a function whose body was kept: a coroutine calling it reaches the
// sleep through it.
inline void napTwice() {
  nap();
  nap();
}

struct Worker {
  void rest() { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }
  // Calls a member whose body was kept.
  void step() { rest(); }
};

#define AWAIT(Task) co_await Task
#define RETURN(Value) co_return Value

inline coro::task<int> answer() { co_return 42; }

// A coroutine through a macro only.
inline coro::task<int> viaMacro() {
  int Value = AWAIT(answer());
  std::this_thread::sleep_for(std::chrono::milliseconds(Value));
  RETURN(Value);
}

inline coro::task<void> consume(const std::string &Text) {
  co_await answer();
  (void)Text.size();
}

// An ordinary function: its body names a coroutine defined before it.
inline coro::task<void> wrapper() { return consume(std::string("temporary")); }

// A promise's members are read whatever they name.
struct Job {
  struct promise_type {
    Job get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

inline Job background() { co_return; }
