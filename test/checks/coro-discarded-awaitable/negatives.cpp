// Look-alikes that must stay silent: every task here is awaited, returned,
// passed on, stored or otherwise really used, or is not a task at all.
// RUN: %check-test coro-discarded-awaitable %s -- %std -I%inputs

#include <coroutine>
#include <cppcoro/task.hpp>
#include <utility>
#include <vector>

using cppcoro::task;

task<int> fetch_user(int id);
task<> log_event(const char *what);
void spawn(task<> t);
template <typename T> void run_later(T &&t);

struct Holder {
  task<> pending;
  std::vector<task<>> queue;
  task<> &current();
  void store() {
    pending = log_event("stored");  // assignment returns task&: stored
    queue.push_back(log_event("queued"));
    queue.emplace_back(log_event("emplaced"));
    current() = log_event("assigned through a reference");
  }
};

task<int> awaited() {
  co_await log_event("awaited");
  int id = co_await fetch_user(1);
  auto later = fetch_user(2);
  int again = co_await std::move(later);
  co_await cppcoro::when_all(log_event("a"), log_event("b"));
  co_return id + again;
}

task<int> returned() { return fetch_user(3); }
task<int> returned_from_coroutine() { co_return co_await fetch_user(9); }

void passed_on() {
  spawn(log_event("spawned"));
  run_later(fetch_user(4));
  cppcoro::sync_wait(fetch_user(5));
  auto kept = fetch_user(6);
  run_later(std::move(kept));
  std::vector<task<int>> tasks;
  auto first = fetch_user(7);
  tasks.push_back(std::move(first));
  auto in_lambda = fetch_user(8);
  auto later = [&] { return std::move(in_lambda); };
  (void)later;
}

// Not tasks: plain values, references to tasks, objects that merely have an
// operator co_await, non-awaitable eager coroutine types.
struct fire_and_forget {
  struct promise_type {
    fire_and_forget get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
fire_and_forget start_background_work();
task<> &current_task();
int compute();

task<> not_tasks() {
  compute();
  current_task();
  start_background_work();
  cppcoro::single_consumer_event event;
  cppcoro::single_consumer_event ready{true};
  event.set();
  co_await event;
  co_return;
}

void not_in_a_coroutine() {
  start_background_work();
  compute();
}

// Dependent code is judged in its instantiations; this one is never
// instantiated with a task.
template <typename F> void call(F f) { f(); }
void use_call() { call(compute); }

// A generator is a coroutine type that nobody awaits; consuming it is use.
cppcoro::generator<int> numbers();
void consume() { auto g = numbers(); (void)g; }
