// Stub shaped like cppcoro's task.hpp and sync_wait.hpp: the signatures that
// matter to corolint (a lazy task with a nested promise_type and an
// operator co_await that returns an awaiter), with minimal bodies.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

namespace cppcoro {
template <typename T = void> class task;

namespace detail {
class task_promise_base {
public:
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { m_exception = std::current_exception(); }

private:
  std::exception_ptr m_exception;
};

template <typename T> class task_promise : public task_promise_base {
public:
  task<T> get_return_object() noexcept;
  void return_value(T value) { m_value = std::move(value); }
  T &result() & { return m_value; }
  T &&result() && { return std::move(m_value); }
  T m_value{};
};

template <> class task_promise<void> : public task_promise_base {
public:
  task<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void result() {}
};
} // namespace detail

template <typename T> class task {
public:
  using promise_type = detail::task_promise<T>;
  using value_type = T;

  struct awaitable_base {
    std::coroutine_handle<promise_type> m_coroutine;
    bool await_ready() const noexcept { return !m_coroutine || m_coroutine.done(); }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept {
      return m_coroutine;
    }
  };

  task() noexcept = default;
  explicit task(std::coroutine_handle<promise_type> coroutine) : m_coroutine(coroutine) {}
  task(task &&t) noexcept : m_coroutine(std::exchange(t.m_coroutine, {})) {}
  task &operator=(task &&other) noexcept {
    std::swap(m_coroutine, other.m_coroutine);
    return *this;
  }
  ~task() {
    if (m_coroutine)
      m_coroutine.destroy();
  }

  bool is_ready() const noexcept { return !m_coroutine || m_coroutine.done(); }

  auto operator co_await() const & noexcept {
    struct awaitable : awaitable_base {
      decltype(auto) await_resume() { return this->m_coroutine.promise().result(); }
    };
    return awaitable{m_coroutine};
  }
  auto operator co_await() const && noexcept {
    struct awaitable : awaitable_base {
      decltype(auto) await_resume() { return std::move(this->m_coroutine.promise()).result(); }
    };
    return awaitable{m_coroutine};
  }

private:
  std::coroutine_handle<promise_type> m_coroutine;
};

namespace detail {
template <typename T> task<T> task_promise<T>::get_return_object() noexcept {
  return task<T>{std::coroutine_handle<task_promise>::from_promise(*this)};
}
inline task<void> task_promise<void>::get_return_object() noexcept {
  return task<void>{std::coroutine_handle<task_promise>::from_promise(*this)};
}
} // namespace detail

template <typename Awaitable> auto sync_wait(Awaitable &&awaitable) {
  return 0;
}

template <typename... Tasks> task<void> when_all(Tasks... tasks);

// Made to be awaited by several consumers: copyable.
template <typename T = void> class shared_task {
public:
  using promise_type = detail::task_promise<T>;
  shared_task(const shared_task &) noexcept;
  shared_task(shared_task &&) noexcept;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};
template <typename T> shared_task<T> make_shared_task(task<T> t);

class single_consumer_event {
public:
  explicit single_consumer_event(bool initiallySet = false) noexcept {}
  bool is_set() const noexcept { return false; }
  void set() {}
  auto operator co_await() noexcept {
    return std::suspend_never{};
  }
};

// A lazy generator is a coroutine type but not awaitable.
template <typename T> class generator {
public:
  struct promise_type {
    generator get_return_object() noexcept { return generator{}; }
    std::suspend_always initial_suspend() const noexcept { return {}; }
    std::suspend_always final_suspend() const noexcept { return {}; }
    std::suspend_always yield_value(T &) noexcept { return {}; }
    std::suspend_always yield_value(T &&) noexcept { return {}; }
    void unhandled_exception() { m_exception = std::current_exception(); }
    std::exception_ptr m_exception;
    void return_void() noexcept {}
  };
};
} // namespace cppcoro
