// Stub shaped like seastar/core/future.hh: an eager, [[nodiscard]] future
// whose continuations (.then, .finally, .handle_exception) run when it
// resolves, and whose get() waits (in a seastar::thread) or throws. The
// continuation keeps the callable until it has run, not until the future
// the callable returns resolves.
#pragma once
#include <functional>
#include <exception>
#include <source_location>
#include <type_traits>
#include <utility>

namespace seastar {

template <typename T = void> class promise;
template <typename T = void> class future;

template <typename T> struct futurize { using type = future<T>; };
template <typename T> struct futurize<future<T>> { using type = future<T>; };
template <typename T> using futurize_t = typename futurize<T>::type;

namespace internal {
class future_base {
protected:
  future_base() noexcept = default;
};
template <typename Func, typename T> struct future_result {
  using type = std::invoke_result_t<Func, T>;
  using future_type = futurize_t<type>;
};
template <typename Func> struct future_result<Func, void> {
  using type = std::invoke_result_t<Func>;
  using future_type = futurize_t<type>;
};
struct task {
  virtual ~task() = default;
  virtual void run_and_dispose() noexcept = 0;
};
void schedule(task *t) noexcept;
// Holds the callable until the future it waits for resolves and the
// callable has run; then it is destroyed.
template <typename Result, typename Func> struct continuation final : task {
  Func func;
  promise<typename Result::value_type> pr;
  explicit continuation(Func &&f) : func(std::move(f)) {}
  void run_and_dispose() noexcept override { delete this; }
};
template <typename Result, typename Func> Result continue_with(Func &&func) {
  auto *c = new continuation<Result, std::decay_t<Func>>(std::forward<Func>(func));
  Result result = c->pr.get_future();
  schedule(c);
  return result;
}
} // namespace internal

template <typename T>
class [[nodiscard]] future : private internal::future_base {
public:
  // Seastar names its own promise here; coroutines get theirs from the
  // std::coroutine_traits specialisation in seastar/core/coroutine.hh.
  using promise_type = promise<T>;
  using value_type = T;

  future(future &&) noexcept;
  future(const future &) = delete;
  future &operator=(future &&) noexcept;
  ~future();

  // Waits in a seastar::thread; elsewhere the future must be available.
  T get() {
    wait();
    return take_available();
  }
  void wait() noexcept;
  bool available() const noexcept;
  bool failed() const noexcept;
  std::exception_ptr get_exception() noexcept;
  T take_available();

  template <typename Func,
            typename Result = typename internal::future_result<Func, T>::future_type>
  Result then(Func &&func,
              std::source_location sl = std::source_location::current()) noexcept {
    return internal::continue_with<Result>(std::forward<Func>(func));
  }
  template <typename Func,
            typename Result = futurize_t<std::invoke_result_t<Func, future>>>
  Result then_wrapped(Func &&func, std::source_location sl =
                                       std::source_location::current()) && noexcept {
    return internal::continue_with<Result>(std::forward<Func>(func));
  }
  template <typename Func>
  future<T> finally(Func &&func,
                    std::source_location sl = std::source_location::current()) noexcept {
    return internal::continue_with<future<T>>(std::forward<Func>(func));
  }
  template <typename Func>
  future<T> handle_exception(Func &&func, std::source_location sl =
                                              std::source_location::current()) noexcept {
    return internal::continue_with<future<T>>(std::forward<Func>(func));
  }
  template <typename Func>
  future<T> handle_exception_type(
      Func &&func,
      std::source_location sl = std::source_location::current()) noexcept {
    return internal::continue_with<future<T>>(std::forward<Func>(func));
  }
  future<> discard_result(
      std::source_location sl = std::source_location::current()) noexcept;
  void ignore_ready_future() noexcept;
  void forward_to(promise<T> &&pr) noexcept;
};

template <typename T> class promise {
public:
  promise() noexcept;
  promise(promise &&) noexcept;
  ~promise();
  future<T> get_future() noexcept;
  template <typename... A> void set_value(A &&...a) noexcept;
  void set_exception(std::exception_ptr &&ex) noexcept;
};

template <typename T = void, typename... A>
future<T> make_ready_future(A &&...value) noexcept;
template <typename T = void>
future<T> make_exception_future(std::exception_ptr &&ex) noexcept;
template <typename T = void, typename Exception>
future<T> make_exception_future(Exception &&ex) noexcept;

// Calls func now and turns what it returns (or throws) into a future; like
// Seastar's futurize<T>::invoke, through std::invoke.
template <typename Func, typename... Args>
auto futurize_invoke(Func &&func, Args &&...args) noexcept
    -> futurize_t<std::invoke_result_t<Func, Args...>> {
  using Result = std::invoke_result_t<Func, Args...>;
  if constexpr (std::is_void_v<Result>) {
    std::invoke(std::forward<Func>(func), std::forward<Args>(args)...);
    return make_ready_future<>();
  } else if constexpr (std::is_same_v<futurize_t<Result>, Result>) {
    return std::invoke(std::forward<Func>(func), std::forward<Args>(args)...);
  } else {
    return make_ready_future<Result>(
        std::invoke(std::forward<Func>(func), std::forward<Args>(args)...));
  }
}

} // namespace seastar
