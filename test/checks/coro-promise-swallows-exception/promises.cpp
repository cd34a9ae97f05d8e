// Promise types whose unhandled_exception() drops the exception, and those
// that store it, rethrow it or end the program.
// RUN: %check-test coro-promise-swallows-exception %s -- %std

#include <coroutine>
#include <cstdio>
#include <cstdlib>
#include <exception>

struct silent_task {
  struct promise_type {
    silent_task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
    // CHECK: :[[@LINE-1]]:10: warning: 'unhandled_exception' ignores the exception: every coroutine whose promise is 'silent_task::promise_type' fails silently [coro-promise-swallows-exception]
  };
};

silent_task fire_and_forget() { co_return; }
// CHECK: :[[@LINE-1]]:13: note: 'fire_and_forget' is one such coroutine

// Logging what() is not keeping the exception: nobody sees the failure.
template <typename T> struct logging_task {
  struct promise_type {
    logging_task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() noexcept { std::puts("task failed"); }
    // CHECK: :[[@LINE-1]]:10: warning: 'unhandled_exception' drops the exception: every coroutine whose promise is 'logging_task::promise_type' fails silently
  };
};

logging_task<int> compute() { co_return 42; }
// CHECK: :[[@LINE-1]]:19: note: 'compute' is one such coroutine

// Keeping, rethrowing, terminating: fine.
struct stored_task {
  struct promise_type {
    stored_task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() noexcept { error = std::current_exception(); }
    std::exception_ptr error;
  };
};
struct rethrowing_task {
  struct promise_type {
    rethrowing_task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { throw; }
  };
};
struct terminating_task {
  struct promise_type {
    terminating_task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() noexcept { std::terminate(); }
  };
};
template <typename T> struct generic_task {
  struct promise_type {
    generic_task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() noexcept { error = std::current_exception(); }
    std::exception_ptr error;
  };
};
stored_task a() { co_return; }
rethrowing_task b() { co_return; }
terminating_task c() { co_return; }
generic_task<int> d() { co_return; }

#include <cassert>
struct asserting_task {
  struct promise_type {
    asserting_task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { assert(false); }
  };
};
asserting_task e() { co_return; }

// Not a promise's: any class may have such a method.
struct unrelated {
  void unhandled_exception() {}
};

// Kept by what the code does, not by the name it calls: a framework's own
// current_exception() (any function returning std::exception_ptr) stored
// into the promise, or handed to a helper with the promise's state.
namespace fw {
std::exception_ptr current_exception() noexcept;
struct wrapper {
  std::exception_ptr held;
};
void activate(wrapper &into, std::exception_ptr e);
void log(const char *what);
} // namespace fw

struct stores_own {
  struct promise_type {
    stores_own get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { error = fw::current_exception(); }
    std::exception_ptr error;
  };
};
struct wraps_own {
  struct promise_type {
    wraps_own get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { fw::activate(error, fw::current_exception()); }
    fw::wrapper error;
  };
};

// Delegating to another promise is judged by that promise's handler.
struct inner_promise {
  void unhandled_exception() { error = std::current_exception(); }
  std::exception_ptr error;
};
struct delegates {
  struct promise_type {
    delegates get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { inner.unhandled_exception(); }
    inner_promise inner;
  };
};

// A wrapper around any task's promise delegates to a handler the
// instantiation chooses: not in sight, it may keep the exception.
template <typename Inner> struct wrapping {
  struct promise_type {
    wrapping get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() noexcept { inner_.unhandled_exception(); }
    Inner inner_;
  };
};

// The promise fills in a result object it points to, through a helper whose
// body is not in sight (it stores the current exception there).
template <typename T> struct outcome {
  std::exception_ptr error;
};
void store_current_exception(std::exception_ptr &slot) noexcept;
template <typename T> struct filling {
  struct promise_type {
    filling get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() noexcept { store_current_exception(out_->error); }
    outcome<T> *out_ = nullptr;
  };
};

// A promise base that stores the exception, wrapped, into a result object
// whose type the instantiation decides (folly's Try through a pointer).
template <typename T> struct wrapped_result;
template <typename T> struct storing_base {
  wrapped_result<T> get_return_object() noexcept;
  void unhandled_exception() noexcept {
    result_->emplaceException(fw::wrapper{fw::current_exception()});
  }
  T *result_ = nullptr;
};
// Look-alike: the same call with a message, not the exception.
template <typename T> struct logging_base {
  wrapped_result<T> get_return_object() noexcept;
  void unhandled_exception() noexcept {
    // CHECK: :[[@LINE-1]]:8: warning: 'unhandled_exception' drops the exception{{.*}}'logging_base'
    result_->log("task failed");
  }
  T *result_ = nullptr;
};

// An assert is judged as written, whatever NDEBUG makes of it.
#define NDEBUG
#include <cassert>
struct asserts {
  struct promise_type {
    asserts get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { assert(false); }
  };
};

// Look-alikes: captured into a local and dropped; a helper that gets no
// state of the promise; a delegate that itself ignores it.
struct captures_locally {
  struct promise_type {
    captures_locally get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {
      // CHECK: :[[@LINE-1]]:10: warning: 'unhandled_exception' drops the exception{{.*}}'captures_locally::promise_type'
      auto e = fw::current_exception();
      fw::log("task failed");
    }
  };
};
struct ignoring_inner {
  void unhandled_exception() {}
};
struct delegates_to_nothing {
  struct promise_type {
    delegates_to_nothing get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { inner.unhandled_exception(); }
    // CHECK: :[[@LINE-1]]:10: warning: 'unhandled_exception' drops the exception{{.*}}'delegates_to_nothing::promise_type'
    ignoring_inner inner;
  };
};

// Look-alikes in templates: a dependent member that is not a promise's
// handler; a helper given a copy of the pointed-to state.
template <typename Inner> struct wrapping_other {
  struct promise_type {
    wrapping_other get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() noexcept { inner_.flush(); }
    // CHECK: :[[@LINE-1]]:10: warning: 'unhandled_exception' drops the exception{{.*}}'wrapping_other::promise_type'
    Inner inner_;
  };
};
void inspect(std::exception_ptr slot) noexcept;
template <typename T> struct copying {
  struct promise_type {
    copying get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() noexcept { inspect(out_->error); }
    // CHECK: :[[@LINE-1]]:10: warning: 'unhandled_exception' drops the exception{{.*}}'copying::promise_type'
    outcome<T> *out_ = nullptr;
  };
};

// A promise composed of bases (as concurrencpp's are): the base that makes
// the return object drops the exception; another says how it starts.
struct composed_result;
struct starts_at_once {
  std::suspend_never initial_suspend() const noexcept { return {}; }
};
struct drops_results {
  composed_result get_return_object() const noexcept;
  std::suspend_never final_suspend() const noexcept { return {}; }
  void unhandled_exception() const noexcept {}
  // CHECK: :[[@LINE-1]]:8: warning: 'unhandled_exception' ignores the exception: every coroutine whose promise is 'drops_results' fails silently [coro-promise-swallows-exception]
  void return_void() const noexcept {}
};
struct composed_result {
  struct promise_type : starts_at_once, drops_results {};
};
// Look-alike: an awaiter-like helper with the same member is no promise.
struct not_a_promise {
  void unhandled_exception() {}
  bool await_ready() const noexcept { return true; }
};
