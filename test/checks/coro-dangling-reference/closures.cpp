// Lambda coroutines handed to a function that destroys their closure before
// the coroutine finishes (Seastar calls it the "lambda coroutine fiasco"),
// decided from the callee's definition; and the look-alikes where the
// closure lives long enough, or where the callee is out of sight.
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs

#include <coro/task.hpp>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace acme {
coro::task<void> send(std::string text);

// Calls its own copy of the callable once per element and returns the
// tasks: the copy dies when it returns.
template <typename Func>
std::vector<coro::task<void>> map_tasks(const std::vector<int> &items,
                                        Func func) {
  std::vector<coro::task<void>> tasks;
  for (int item : items)
    tasks.push_back(func(item));
  return tasks;
}

// Calls the caller's callable and returns the task: the caller's closure
// must outlive the task.
template <typename Func> coro::task<void> invoke_later(Func &&func) {
  return func();
}

// Hands the callable on to one that copies it.
template <typename Func> coro::task<void> call_copy(Func func) {
  return func();
}
template <typename Func> coro::task<void> forward_to_copy(Func &&func) {
  return call_copy(std::forward<Func>(func));
}

// Calls it from a local lambda that captures it by reference.
template <typename Func>
std::vector<coro::task<void>> each_shard(Func func) {
  std::vector<coro::task<void>> tasks;
  auto on_shard = [&](int shard) { tasks.push_back(func(shard)); };
  on_shard(0);
  on_shard(1);
  return tasks;
}

// A coroutine that awaits the caller's closure: a temporary bound to its
// reference parameter (reported once, by the temporaries rule).
template <typename Func> coro::task<void> await_borrowed(Func &&func) {
  co_await func();
}

// Keep the closure: a coroutine that awaits the callable in its own frame.
template <typename Func> coro::task<void> await_in_frame(Func func) {
  co_await func();
}

// Keeps a copy next to the task it returns.
template <typename Func> struct with_closure {
  Func func;
  coro::task<void> task;
};
template <typename Func> struct with_closure_maker {
  Func func;
  with_closure<Func> make() { return {func, func()}; }
};
template <typename Func> with_closure<Func> keep_together(Func func) {
  with_closure_maker<Func> maker{std::move(func)};
  return maker.make();
}

// Moves the callable into a queue that runs it later: whether the queue
// keeps it until its coroutine finishes is not in sight here.
void enqueue(std::function<coro::task<void>()> work);
template <typename Func> void schedule(Func func) { enqueue(std::move(func)); }
} // namespace acme

coro::task<void> fan_out(std::vector<int> items) {
  std::string prefix = "item ";
  auto tasks = acme::map_tasks(items, [prefix](int item) -> coro::task<void> {
    co_await acme::send(prefix);
    co_await acme::send(prefix + std::to_string(item));
  });
  // CHECK: :[[@LINE-4]]:39: warning: 'acme::map_tasks' destroys the closure of this lambda coroutine before the coroutine finishes, while the coroutine still uses capture 'prefix' [coro-dangling-reference]
  // CHECK: :[[@LINE-3]]:25: note: 'prefix' used here, after the coroutine suspends
  // CHECK: :[[@LINE-6]]:39: note: pass the captures as parameters of the lambda, or make the body a function that takes them by value
  for (auto &task : tasks)
    co_await std::move(task);

  // Awaited at once, but the copy dies when call_copy returns.
  co_await acme::forward_to_copy([prefix]() -> coro::task<void> {
    co_await acme::send("first");
    co_await acme::send(prefix);
  });
  // CHECK: :[[@LINE-4]]:34: warning: 'acme::forward_to_copy' destroys the closure of this lambda coroutine before the coroutine finishes, while the coroutine still uses capture 'prefix'
  // CHECK: :[[@LINE-3]]:25: note: 'prefix' used here, after the coroutine suspends

  // The caller's closure, a temporary, dies at the ';'.
  auto later = acme::invoke_later([&prefix]() -> coro::task<void> {
    co_await acme::send("first");
    co_await acme::send(prefix);
  });
  // CHECK: :[[@LINE-4]]:35: warning: the closure of this lambda coroutine is destroyed at the end of the full expression, while the coroutine started by 'acme::invoke_later' still uses capture 'prefix'
  // CHECK: :[[@LINE-3]]:25: note: 'prefix' used here, after the coroutine suspends
  // CHECK: :[[@LINE-6]]:35: note: await the call in the same full expression, or pass the captures as parameters of the lambda
  co_await std::move(later);

  auto borrowed = acme::await_borrowed([prefix]() -> coro::task<void> {
    co_await acme::send("first");
    co_await acme::send(prefix);
  });
  // CHECK: :[[@LINE-4]]:40: warning: temporary bound to parameter 'func' of coroutine 'await_borrowed' is destroyed at the end of the full expression, while the coroutine may still use it
  // CHECK: :53:65: note: parameter 'func' declared here
  co_await std::move(borrowed);

  // A capture read before the await in source order, in a loop that awaits.
  auto shards = acme::each_shard([items](int shard) -> coro::task<void> {
    for (int item : items)
      co_await acme::send(std::to_string(item + shard));
  });
  // CHECK: :[[@LINE-4]]:34: warning: 'acme::each_shard' destroys the closure of this lambda coroutine before the coroutine finishes, while the coroutine still uses capture 'items'
  // CHECK: :[[@LINE-4]]:21: note: 'items' used here, after the coroutine suspends
  for (auto &task : shards)
    co_await std::move(task);
}

struct Session {
  std::string name;
  coro::task<void> greet_all(std::vector<int> items) {
    auto tasks = acme::map_tasks(items, [this](int) -> coro::task<void> {
      co_await acme::send("hello");
      co_await acme::send(name);
    });
    // CHECK: :[[@LINE-4]]:41: warning: 'acme::map_tasks' destroys the closure of this lambda coroutine before the coroutine finishes, while the coroutine still uses capture 'this'
    // CHECK: :[[@LINE-3]]:27: note: 'this' used here, after the coroutine suspends
    // CHECK: :[[@LINE-6]]:41: note: move the body into a member coroutine, which the lambda calls (its frame keeps 'this' and the arguments)
    for (auto &task : tasks)
      co_await std::move(task);
  }
};

// Not reported.
coro::task<void> look_alikes(std::vector<int> items) {
  std::string prefix = "item ";
  // Captures read only before the first suspension.
  auto early = acme::map_tasks(items, [prefix](int item) -> coro::task<void> {
    std::string text = prefix + std::to_string(item);
    co_await acme::send(text);
    co_await acme::send(text);
  });
  // Parameters instead of captures; no captures at all.
  auto by_parameter = acme::map_tasks(items, [](int item) -> coro::task<void> {
    co_await acme::send("a");
    co_await acme::send(std::to_string(item));
  });
  // Not a coroutine: it copies what it needs into the task it returns.
  auto plain = acme::map_tasks(
      items, [prefix](int item) { return acme::send(prefix + std::to_string(item)); });
  // A temporary bound to the coroutine's forwarding reference, awaited in
  // the same full expression: it lives until the await resumes.
  co_await acme::await_borrowed([prefix]() -> coro::task<void> {
    co_await acme::send("first");
    co_await acme::send(prefix);
  });
  // The caller's closure, awaited in the same full expression.
  co_await acme::invoke_later([&prefix]() -> coro::task<void> {
    co_await acme::send("first");
    co_await acme::send(prefix);
  });
  // Kept: awaited in the callee's own frame; kept next to the task.
  co_await acme::await_in_frame([prefix]() -> coro::task<void> {
    co_await acme::send("first");
    co_await acme::send(prefix);
  });
  auto together = acme::keep_together([prefix]() -> coro::task<void> {
    co_await acme::send("first");
    co_await acme::send(prefix);
  });
  co_await std::move(together.task);
  // Handed on to code that may keep it: not assumed to drop it.
  acme::schedule([prefix]() -> coro::task<void> {
    co_await acme::send("first");
    co_await acme::send(prefix);
  });
  for (auto &task : early)
    co_await std::move(task);
  for (auto &task : by_parameter)
    co_await std::move(task);
  for (auto &task : plain)
    co_await std::move(task);
}

// A named lambda bound to a coroutine's forwarding reference, the task
// returned by a function that is not a coroutine: the local dies first.
coro::task<void> borrowed_by_name(std::string prefix) {
  auto step = [prefix]() -> coro::task<void> {
    co_await acme::send("first");
    co_await acme::send(prefix);
  };
  return acme::await_borrowed(step);
  // CHECK: :[[@LINE-1]]:31: warning: coroutine 'await_borrowed' refers to local 'step' through parameter 'func' but is returned and can outlive it [coro-dangling-reference]
  // CHECK: :53:65: note: parameter 'func' declared here
  // CHECK: :[[@LINE-3]]:3: note: the coroutine is returned here
}
