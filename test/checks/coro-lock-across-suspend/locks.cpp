// Locks held across suspension points, and the look-alikes that are fine.
// RUN: %check-test coro-lock-across-suspend %s -- %std -I%inputs

#include <cppcoro/task.hpp>
#include <mutex>
#include <shared_mutex>

using cppcoro::task;

task<int> fetch();
std::mutex m;
std::shared_mutex sm;

task<> guard_across_await() {
  std::lock_guard<std::mutex> guard(m);
  // CHECK: :[[@LINE-1]]:31: warning: lock 'guard' is held across a suspension point; the coroutine may resume on another thread, or block every coroutine waiting for the mutex [coro-lock-across-suspend]
  co_await fetch();
  // CHECK: :[[@LINE-1]]:3: note: suspension point is here
}

task<> suspension_in_initializer() {
  std::scoped_lock lock(m);
  // CHECK: :[[@LINE-1]]:20: warning: lock 'lock' is held across a suspension point
  int value = co_await fetch();
  // CHECK: :[[@LINE-1]]:15: note: suspension point is here
  (void)value;
}

task<> shared_lock_in_loop() {
  for (int i = 0; i < 3; ++i) {
    std::shared_lock reader(sm);
    // CHECK: :[[@LINE-1]]:22: warning: lock 'reader' is held across a suspension point
    if (i == 1)
      co_await fetch();
  }
}

task<> manual_lock() {
  m.lock();
  // CHECK: :[[@LINE-1]]:3: warning: mutex 'm' is locked across a suspension point
  co_await fetch();
  // CHECK: :[[@LINE-1]]:3: note: suspension point is here
  m.unlock();
}

task<> unlocked_on_one_path_only(bool early) {
  std::unique_lock lock(m);
  // CHECK: :[[@LINE-1]]:20: warning: lock 'lock' is held across a suspension point
  if (early)
    lock.unlock();
  co_await fetch();
}

task<> relocked(bool early) {
  std::unique_lock lock(m);
  // CHECK: :[[@LINE-1]]:20: warning: lock 'lock' is held across a suspension point
  lock.unlock();
  co_await fetch();
  lock.lock();

  co_await fetch();
}

// Fine: unlocked on every path, a block that ends before the await,
// deferred and never locked, manual unlock before the await, plain
// functions, locks inside a lambda that is not a coroutine.
task<> unlocked_before() {
  std::unique_lock lock(m);
  lock.unlock();
  co_await fetch();
}
task<> block_ends_first() {
  {
    std::lock_guard guard(m);
  }
  co_await fetch();
}
task<> deferred() {
  std::unique_lock lock(m, std::defer_lock);
  co_await fetch();
}
task<> manual_unlock_first() {
  m.lock();
  m.unlock();
  co_await fetch();
}
task<> lambda_lock() {
  auto critical = [] { std::lock_guard guard(m); };
  critical();
  co_await fetch();
}
void plain() {
  std::lock_guard guard(m);
}

// A mutex made for coroutines (a member returns something to co_await, like
// async_simple's coLock): waiters suspend and any thread may unlock it, so
// its standard locks may be held across awaits, however they were taken.
class CoroutineSpinLock {
public:
  bool try_lock();
  void lock();
  void unlock();
  task<> lock_async();
  task<std::unique_lock<CoroutineSpinLock>> scoped_lock_async();
};
struct SpinLockBase {
  task<> co_lock();
};
struct DerivedSpinLock : SpinLockBase {
  bool try_lock();
  void lock();
  void unlock();
};
CoroutineSpinLock spin;
DerivedSpinLock derived_spin;
task<> coroutine_mutex_awaited() {
  auto lock = co_await spin.scoped_lock_async();
  co_await fetch();
}
task<> coroutine_mutex_locked_in_place() {
  std::unique_lock lock(spin);
  co_await fetch();
}
task<> coroutine_mutex_from_a_base() {
  std::lock_guard guard(derived_spin);
  co_await fetch();
}
task<> coroutine_mutex_among_others() {
  std::scoped_lock both(spin, derived_spin);
  co_await fetch();
}

// A lock that a co_await produced comes from a mutex made for coroutines,
// even when the mutex's own members do not show it (a free function, or a
// member returning a framework's semi-awaitable, acquires it).
struct OddMutex {
  void lock();
  void unlock();
};
OddMutex odd;
task<std::unique_lock<OddMutex>> acquire(OddMutex &m);
task<> awaited_lock_of_a_plain_looking_mutex() {
  auto lock = co_await acquire(odd);
  co_await fetch();
}
// The same mutex locked in place blocks the thread: reported.
task<> plain_looking_mutex_locked_in_place() {
  std::unique_lock lock(odd);
  // CHECK: :[[@LINE-1]]:20: warning: lock 'lock' is held across a suspension point{{.*}}
  co_await fetch();
  // CHECK: :[[@LINE-1]]:3: note: suspension point is here
}

// Look-alike: a mutex whose members return nothing awaitable is an ordinary
// one, whatever else it offers.
class TimedMutex {
public:
  void lock();
  void unlock();
  bool try_lock_for(int milliseconds);
  task<> *pending();
};
TimedMutex timed;
task<> ordinary_mutex_of_our_own() {
  std::unique_lock lock(timed);
  // CHECK: :[[@LINE-1]]:20: warning: lock 'lock' is held across a suspension point
  co_await fetch();
  // CHECK: :[[@LINE-1]]:3: note: suspension point is here
}

// A lock handed to an awaiter by non-const reference, or moved into it, may
// be released there (concurrencpp's async_lock releases it in
// await_suspend): not reported. By const reference it stays held; and a
// mutex passed on by reference stays locked.
struct ReleasingAwaiter {
  ReleasingAwaiter(std::unique_lock<std::mutex> &lock);
  ReleasingAwaiter(std::unique_lock<std::mutex> &&lock, int tag);
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() const noexcept;
};
void inspect(const std::unique_lock<std::mutex> &lock);
void touch(std::mutex &mutex);
task<> lock_handed_to_awaiter() {
  std::unique_lock lock(m);
  co_await ReleasingAwaiter(lock);
}
task<> lock_moved_into_awaiter() {
  std::unique_lock lock(m);
  co_await ReleasingAwaiter(std::move(lock), 1);
}
task<> lock_only_looked_at() {
  std::unique_lock lock(m);
  // CHECK: :[[@LINE-1]]:20: warning: lock 'lock' is held across a suspension point
  inspect(lock);
  co_await fetch();
  // CHECK: :[[@LINE-1]]:3: note: suspension point is here
}
task<> mutex_passed_on() {
  m.lock();
  // CHECK: :[[@LINE-1]]:3: warning: mutex 'm' is locked across a suspension point
  touch(m);
  co_await fetch();
  // CHECK: :[[@LINE-1]]:3: note: suspension point is here
  m.unlock();
}
