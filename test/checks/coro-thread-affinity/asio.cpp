// State bound to the current thread, used across a suspension point of a
// coroutine that may resume on another thread (an Asio thread pool).
// RUN: %check-test coro-thread-affinity %s -- %std

#include <asio/awaitable.hpp>
#include <asio/use_awaitable.hpp>
#include <asio/post.hpp>
#include <asio/this_coro.hpp>
#include <pthread.h>
#include <thread>

struct Arena {
  char *next;
};
thread_local Arena arena;
thread_local int requests_on_this_thread;

Arena &local_arena() {
  thread_local Arena own;
  return own;
}

asio::awaitable<void> hop();
void log_thread(std::thread::id id);

asio::awaitable<void> both_sides() {
  ++requests_on_this_thread;
  co_await hop();
  --requests_on_this_thread;
  // CHECK: :[[@LINE-1]]:5: warning: thread-local 'requests_on_this_thread' is used before and after a suspension point; the coroutine may resume on another thread, which has its own 'requests_on_this_thread' [coro-thread-affinity]
  // CHECK: :[[@LINE-3]]:3: note: suspension point is here
  // CHECK: :[[@LINE-5]]:5: note: used before it here
}

asio::awaitable<void> cached_handle() {
  Arena &mine = local_arena();
  co_await hop();
  mine.next = nullptr;
  // CHECK: :[[@LINE-1]]:3: warning: 'mine' refers to thread-local 'own' of the thread that made it and is used after a suspension point; the coroutine may resume on another thread [coro-thread-affinity]
  // CHECK: :[[@LINE-3]]:3: note: suspension point is here
}

asio::awaitable<void> pointer_into() {
  Arena *pointer = &arena;
  co_await hop();
  pointer->next = nullptr;
  // CHECK: :[[@LINE-1]]:3: warning: 'pointer' refers to thread-local 'arena' of the thread that made it and is used after a suspension point; the coroutine may resume on another thread [coro-thread-affinity]
  // CHECK: :[[@LINE-3]]:3: note: suspension point is here
}

asio::awaitable<void> thread_ids() {
  auto id = std::this_thread::get_id();
  pthread_t self = pthread_self();
  co_await hop();
  log_thread(id);
  // CHECK: :[[@LINE-1]]:14: warning: thread id 'id' is taken before a suspension point and used after it; the coroutine may resume on another thread [coro-thread-affinity]
  // CHECK: :[[@LINE-3]]:3: note: suspension point is here
  (void)self;
  // CHECK: :[[@LINE-1]]:9: warning: thread id 'self' is taken before a suspension point and used after it; the coroutine may resume on another thread [coro-thread-affinity]
  // CHECK: :[[@LINE-6]]:3: note: suspension point is here
}

// Asking whether the coroutine came back to its thread is the question, not
// stale state.
bool same_thread(std::thread::id a, std::thread::id b);
asio::awaitable<void> came_back() {
  auto before = std::this_thread::get_id();
  co_await hop();
  if (before != std::this_thread::get_id())
    log_thread(std::this_thread::get_id());
  auto after = std::this_thread::get_id();
  bool same = same_thread(before, after);
  (void)same;
}

// Used on one side only: each use sees the thread it runs on.
asio::awaitable<void> one_side() {
  ++requests_on_this_thread;
  auto id = std::this_thread::get_id();
  log_thread(id);
  co_await hop();
  log_thread(std::this_thread::get_id());
  Arena &mine = local_arena();
  mine.next = nullptr;
}

// A copy, or a pointer value read from a thread-local, is not bound to the
// thread.
asio::awaitable<void> copied() {
  Arena snapshot = arena;
  char *start = snapshot.next;
  co_await hop();
  snapshot.next = start;
}

// Not a coroutine: no suspension.
void plain() {
  ++requests_on_this_thread;
  --requests_on_this_thread;
}
