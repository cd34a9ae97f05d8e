// Objects bound to the thread that makes them, held across a suspension
// point of a coroutine that may resume on another thread: classes that
// record the constructing thread's id, and the framework table's
// ThreadAffineTypes (Boost.Thread's interruption guards, pybind11's GIL
// guards).
// RUN: %check-test coro-thread-affinity %s -- %std -I%inputs

#include <asio/awaitable.hpp>
#include <boost/thread/detail/thread_interruption.hpp>
#include <pybind11/gil.h>
#include <cstddef>
#include <pthread.h>
#include <thread>

namespace py = pybind11;

asio::awaitable<void> hop();

// Records its thread in a default member initialiser.
class ThreadChecker {
public:
  bool calledOnValidThread() const {
    return owner_ == std::this_thread::get_id();
  }

private:
  std::thread::id owner_ = std::this_thread::get_id();
};

// In a constructor's initialiser.
class Arena {
public:
  Arena() : owner_(pthread_self()) {}
  void *allocate(std::size_t n);

private:
  pthread_t owner_;
};

// In a constructor's body.
struct Session {
  Session() {
    thread = std::this_thread::get_id();
  }
  ~Session();
  void send(int);
  std::thread::id thread;
};

// Through a member, through a base.
struct Connection {
  ThreadChecker checker;
  void write(int);
};
struct Guarded : ThreadChecker {
  void touch();
};

asio::awaitable<void> checker_across() {
  ThreadChecker checker;
  co_await hop();
  bool valid = checker.calledOnValidThread();
  // CHECK: :[[@LINE-1]]:16: warning: 'checker' belongs to the thread that made it and is used after a suspension point; the coroutine may resume on another thread [coro-thread-affinity]
  // CHECK: :[[@LINE-3]]:3: note: suspension point is here
  // CHECK: :[[@LINE-38]]:19: note: 'ThreadChecker' records the thread that constructs it
  (void)valid;
}

asio::awaitable<void> arena_across() {
  Arena arena;
  void *first = arena.allocate(16);
  co_await hop();
  void *second = arena.allocate(16);
  // CHECK: :[[@LINE-1]]:18: warning: 'arena' belongs to the thread that made it and is used after a suspension point
  // CHECK: :[[@LINE-3]]:3: note: suspension point is here
  // CHECK: :[[@LINE-43]]:13: note: 'Arena' records the thread that constructs it
  (void)first;
  (void)second;
}

// Its own destructor runs where the scope ends: a use too.
asio::awaitable<void> session_destroyed() {
  Session session;
  // CHECK: :[[@LINE-1]]:11: warning: 'session' belongs to the thread that made it and is destroyed after a suspension point; the coroutine may resume on another thread [coro-thread-affinity]
  session.send(1);
  co_await hop();
  // CHECK: :[[@LINE-1]]:3: note: suspension point is here
}
// CHECK: :[[@LINE-1]]:1: note: destroyed here
// CHECK: :[[@LINE-47]]:5: note: 'Session' records the thread that constructs it

asio::awaitable<void> member_and_base() {
  Connection connection;
  Guarded guarded;
  co_await hop();
  connection.write(1);
  // CHECK: :[[@LINE-1]]:3: warning: 'connection' belongs to the thread that made it and is used after a suspension point
  // CHECK: :[[@LINE-3]]:3: note: suspension point is here
  // CHECK: :[[@LINE-72]]:19: note: 'Connection' records the thread that constructs it
  guarded.touch();
  // CHECK: :[[@LINE-1]]:3: warning: 'guarded' belongs to the thread that made it and is used after a suspension point
  // CHECK: :[[@LINE-7]]:3: note: suspension point is here
  // CHECK: :[[@LINE-76]]:19: note: 'Guarded' records the thread that constructs it
}

// The framework table's ThreadAffineTypes: held across, they are destroyed
// on the thread the coroutine resumed on.
asio::awaitable<void> gil_released_across() {
  py::gil_scoped_release nogil;
  // CHECK: :[[@LINE-1]]:26: warning: 'nogil' belongs to the thread that made it and is destroyed after a suspension point
  co_await hop();
  // CHECK: :[[@LINE-1]]:3: note: suspension point is here
}
// CHECK: :[[@LINE-1]]:1: note: destroyed here

asio::awaitable<void> interruption_disabled_across() {
  boost::this_thread::disable_interruption no_interrupts;
  // CHECK: :[[@LINE-1]]:44: warning: 'no_interrupts' belongs to the thread that made it and is destroyed after a suspension point
  co_await hop();
  // CHECK: :[[@LINE-1]]:3: note: suspension point is here
}
// CHECK: :[[@LINE-1]]:1: note: destroyed here

// Used, and destroyed, on one side only.
asio::awaitable<void> one_side() {
  {
    py::gil_scoped_acquire gil;
    ThreadChecker checker;
    (void)checker.calledOnValidThread();
  }
  co_await hop();
  Session session;
  session.send(1);
}

// Look-alikes: a thread id that is not the constructing thread's (set later
// by a method, or copied in), a class whose member is only a pointer to a
// checker, a table type's own namespace look-alike.
struct Worker {
  void start() { id = std::this_thread::get_id(); }
  std::thread::id id;
};
struct Job {
  explicit Job(std::thread::id target) : target(target) {}
  std::thread::id target;
};
struct Handle {
  ThreadChecker *checker;
  void use();
};
namespace fake {
struct gil_scoped_release {
  ~gil_scoped_release();
};
} // namespace fake

asio::awaitable<void> look_alikes(std::thread::id target, Handle handle) {
  Worker worker;
  Job job(target);
  fake::gil_scoped_release not_pybind;
  co_await hop();
  worker.start();
  (void)job.target;
  handle.use();
}
