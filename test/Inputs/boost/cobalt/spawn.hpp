// Stub shaped like boost/cobalt/task.hpp and spawn.hpp (Boost 1.84+, not in
// Debian's Boost 1.74): a lazy task and spawn(executor, task, token).
#pragma once
#include <coroutine>
#include <exception>

namespace boost {
namespace asio {
class io_context {};
struct detached_t {};
inline constexpr detached_t detached;
} // namespace asio
namespace cobalt {
template <typename T = void> class task {
public:
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { error = std::current_exception(); }
    std::exception_ptr error;
  };
  bool await_ready() const { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  T await_resume() {}
};
template <typename T, typename CompletionToken>
void spawn(asio::io_context &context, task<T> &&t, CompletionToken &&token) {}
} // namespace cobalt
} // namespace boost
