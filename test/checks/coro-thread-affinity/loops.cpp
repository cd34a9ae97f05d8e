// State taken late in a loop body reaches the next iteration's early uses
// across the suspension between them.
// RUN: %check-test coro-thread-affinity %s -- %std

#include <asio/awaitable.hpp>
#include <pthread.h>
#include <thread>

struct Arena {
  char *next;
};
thread_local Arena arena;

asio::awaitable<void> hop();
asio::awaitable<bool> more();
void log_thread(std::thread::id id);
void log_thread(pthread_t id);
bool done();

asio::awaitable<void> id_from_last_round() {
  std::thread::id id;
  for (;;) {
    log_thread(id);
    // CHECK: :[[@LINE-1]]:16: warning: thread id 'id' is taken before a suspension point and used after it; the coroutine may resume on another thread [coro-thread-affinity]
    // CHECK: :[[@LINE+3]]:5: note: suspension point is here
    // CHECK: :[[@LINE+1]]:5: note: 'id' is set here and used in the loop's next iteration
    id = std::this_thread::get_id();
    co_await hop();
  }
}

// The suspension before the use in the body.
asio::awaitable<void> pointer_from_last_round() {
  Arena *mine = nullptr;
  while (!done()) {
    co_await hop();
    if (mine)
      // CHECK: :[[@LINE-1]]:9: warning: 'mine' refers to thread-local 'arena' of the thread that made it and is used after a suspension point; the coroutine may resume on another thread [coro-thread-affinity]
      // CHECK: :[[@LINE-3]]:5: note: suspension point is here
      // CHECK: :[[@LINE+2]]:5: note: 'mine' is set here and used in the loop's next iteration
      mine->next = nullptr;
    mine = &arena;
  }
}

// Taken before the loop, used at the top of each round, the suspension at
// its end.
asio::awaitable<void> before_the_loop() {
  pthread_t self = pthread_self();
  do {
    log_thread(self);
    // CHECK: :[[@LINE-1]]:16: warning: thread id 'self' is taken before a suspension point and used after it
    co_await hop();
    // CHECK: :[[@LINE-1]]:5: note: suspension point is here
  } while (!done());
}

// Declared in a for statement's initialiser: one variable for every round.
asio::awaitable<void> declared_in_for_init() {
  for (pthread_t self = pthread_self(); !done();) {
    log_thread(self);
    // CHECK: :[[@LINE-1]]:16: warning: thread id 'self' is taken before a suspension point and used after it
    co_await hop();
    // CHECK: :[[@LINE-1]]:5: note: suspension point is here
  }
}

// In the loop's condition.
asio::awaitable<void> suspension_in_condition() {
  std::thread::id id;
  while (co_await more()) {
    log_thread(id);
    // CHECK: :[[@LINE-1]]:16: warning: thread id 'id' is taken before a suspension point and used after it
    // CHECK: :[[@LINE-3]]:10: note: suspension point is here
    // CHECK: :[[@LINE+1]]:5: note: 'id' is set here and used in the loop's next iteration
    id = std::this_thread::get_id();
  }
}

// Not across: taken again before the use in each round.
asio::awaitable<void> taken_again_each_round() {
  std::thread::id id;
  for (int i = 0; i < 3; ++i) {
    id = std::this_thread::get_id();
    log_thread(id);
    co_await hop();
  }
}

// Set after the suspension: the next round's use runs on the thread that
// set it (nothing suspends between the two).
asio::awaitable<void> set_after_the_suspension() {
  std::thread::id id;
  for (;;) {
    log_thread(id);
    co_await hop();
    id = std::this_thread::get_id();
  }
}

// Not thread-bound any more when the round ends.
asio::awaitable<void> reset_before_the_round_ends() {
  std::thread::id id;
  for (int i = 0; i < 3; ++i) {
    log_thread(id);
    co_await hop();
    id = std::this_thread::get_id();
    log_thread(id);
    id = std::thread::id();
  }
}

// A local of the body is a new one each round.
asio::awaitable<void> local_of_the_body() {
  for (int i = 0; i < 3; ++i) {
    auto fresh = std::this_thread::get_id();
    log_thread(fresh);
    co_await hop();
  }
}

// No suspension in the loop.
asio::awaitable<void> no_suspension_in_the_loop() {
  std::thread::id id;
  co_await hop();
  for (int i = 0; i < 3; ++i) {
    log_thread(id);
    id = std::this_thread::get_id();
  }
}

// Asking, at the top of the round, whether it is still the same thread.
asio::awaitable<void> asks_which_thread() {
  std::thread::id last;
  for (;;) {
    if (last != std::this_thread::get_id())
      log_thread(std::this_thread::get_id());
    co_await hop();
    last = std::this_thread::get_id();
  }
}
