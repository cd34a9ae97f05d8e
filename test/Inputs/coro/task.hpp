// Stub shaped like libcoro's coro/task.hpp: the promise lives in
// coro::detail, initial_suspend is declared `auto`, and the task's awaiter
// comes from member operator co_await.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

namespace coro {
template <typename return_type = void> class task;

namespace detail {
struct promise_base {
  auto initial_suspend() noexcept { return std::suspend_always{}; }
  auto final_suspend() noexcept { return std::suspend_always{}; }
  void unhandled_exception() noexcept { m_exception_ptr = std::current_exception(); }
  std::exception_ptr m_exception_ptr{};
};

template <typename return_type> struct promise final : public promise_base {
  auto get_return_object() noexcept -> task<return_type>;
  auto return_value(return_type value) -> void { m_value = std::move(value); }
  auto result() -> return_type && { return std::move(m_value); }
  return_type m_value{};
};

template <> struct promise<void> : public promise_base {
  auto get_return_object() noexcept -> task<void>;
  auto return_void() noexcept -> void {}
  auto result() -> void {}
};
} // namespace detail

template <typename return_type> class [[nodiscard]] task {
public:
  using promise_type = detail::promise<return_type>;
  using coroutine_handle = std::coroutine_handle<promise_type>;

  struct awaitable_base {
    coroutine_handle m_coroutine{nullptr};
    auto await_ready() const noexcept -> bool { return !m_coroutine || m_coroutine.done(); }
    auto await_suspend(std::coroutine_handle<> awaiting) noexcept -> std::coroutine_handle<> {
      return m_coroutine;
    }
  };

  task() noexcept = default;
  explicit task(coroutine_handle handle) : m_coroutine(handle) {}
  task(task &&other) noexcept : m_coroutine(std::exchange(other.m_coroutine, nullptr)) {}
  ~task() {
    if (m_coroutine != nullptr)
      m_coroutine.destroy();
  }

  auto operator co_await() const && noexcept {
    struct awaitable : public awaitable_base {
      auto await_resume() -> decltype(auto) { return std::move(this->m_coroutine.promise()).result(); }
    };
    return awaitable{m_coroutine};
  }

private:
  coroutine_handle m_coroutine{nullptr};
};

namespace detail {
template <typename return_type>
inline auto promise<return_type>::get_return_object() noexcept -> task<return_type> {
  return task<return_type>{std::coroutine_handle<promise<return_type>>::from_promise(*this)};
}
inline auto promise<void>::get_return_object() noexcept -> task<> {
  return task<>{std::coroutine_handle<promise<void>>::from_promise(*this)};
}
} // namespace detail

template <typename awaitable_type> auto sync_wait(awaitable_type &&a) { return 0; }
} // namespace coro
