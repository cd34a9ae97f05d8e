// Taking over a task is not creating one, and a raw coroutine handle is a
// task only where a coroutine_traits specialisation really covers it.
// RUN: %check-test coro-discarded-awaitable %s -- %std -I%inputs

#include <coroutine>
#include <cppcoro/task.hpp>
#include <utility>

cppcoro::task<int> compute();

// The destroy-now idiom: moving a task into a local destroys it at the end
// of the scope; nothing new is created, nothing is lost.
void drop(cppcoro::task<int> &pending) {
  auto destroyed = std::move(pending);
}

// A fresh task in a local that nobody uses is still lost work.
void forget() {
  auto lost = compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'lost' is never used; the coroutine will not run [coro-discarded-awaitable]
}

// A library that lets coroutines return coroutine_handle<post_promise<T>>
// (by a partial specialisation of coroutine_traits)...
template <typename T> struct post_promise {
  std::coroutine_handle<post_promise> get_return_object() {
    return std::coroutine_handle<post_promise>::from_promise(*this);
  }
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};
template <typename T, typename... Args>
struct std::coroutine_traits<std::coroutine_handle<post_promise<T>>, Args...> {
  using promise_type = post_promise<T>;
};

// ...and also hands out plain handles: giving up ownership of a frame
// (release()-style) is not a coroutine's result.
struct owner {
  std::coroutine_handle<> handle;
  std::coroutine_handle<> release() { return std::exchange(handle, nullptr); }
};
void give_up(owner &o) { o.release(); }

// The handle of a coroutine that the specialisation covers is its only
// owner: dropping it leaks the frame.
std::coroutine_handle<post_promise<int>> post_work() { co_return; }
void leak() {
  post_work();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}'post_work'{{.*}} [coro-discarded-awaitable]
}
