// Stub shaped like seastar/core/semaphore.hh: a fiber semaphore whose units
// come as a future (get_units) and go back when the units object dies.
#pragma once
#include <cstddef>
#include <exception>
#include <optional>
#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>
#include <seastar/core/timed_out_error.hh>
#include <seastar/core/timer.hh>

namespace seastar {
class broken_semaphore : public std::exception {
public:
  const char *what() const noexcept override;
};
class semaphore_timed_out : public timed_out_error {
public:
  const char *what() const noexcept override;
};
class semaphore_aborted : public abort_requested_exception {
public:
  const char *what() const noexcept override;
};
struct semaphore_default_exception_factory {
  static semaphore_timed_out timeout() noexcept;
  static broken_semaphore broken() noexcept;
  static semaphore_aborted aborted() noexcept;
};

template <typename ExceptionFactory, typename Clock = typename timer<>::clock>
class basic_semaphore : private ExceptionFactory {
public:
  using duration = typename timer<Clock>::duration;
  using time_point = typename timer<Clock>::time_point;
  basic_semaphore(size_t count) noexcept;
  future<> wait(size_t nr = 1) noexcept;
  future<> wait(time_point timeout, size_t nr = 1) noexcept;
  future<> wait(abort_source &as, size_t nr = 1) noexcept;
  future<> wait(duration timeout, size_t nr = 1) noexcept;
  void signal(size_t nr = 1) noexcept;
  bool try_wait(size_t nr = 1) noexcept;
  size_t current() const noexcept;
  size_t waiters() const noexcept;
  void broken() noexcept;
};

template <typename ExceptionFactory = semaphore_default_exception_factory,
          typename Clock = typename timer<>::clock>
class semaphore_units {
public:
  semaphore_units() noexcept;
  semaphore_units(basic_semaphore<ExceptionFactory, Clock> &sem, size_t n) noexcept;
  semaphore_units(semaphore_units &&o) noexcept;
  semaphore_units &operator=(semaphore_units &&o) noexcept;
  semaphore_units(const semaphore_units &) = delete;
  ~semaphore_units() noexcept;
  size_t release() noexcept;
  size_t count() const noexcept;
};

template <typename ExceptionFactory, typename Clock = typename timer<>::clock>
future<semaphore_units<ExceptionFactory, Clock>>
get_units(basic_semaphore<ExceptionFactory, Clock> &sem, size_t units) noexcept;
template <typename ExceptionFactory, typename Clock = typename timer<>::clock>
future<semaphore_units<ExceptionFactory, Clock>>
get_units(basic_semaphore<ExceptionFactory, Clock> &sem, size_t units,
          typename basic_semaphore<ExceptionFactory, Clock>::time_point timeout) noexcept;
template <typename ExceptionFactory, typename Clock>
future<semaphore_units<ExceptionFactory, Clock>>
get_units(basic_semaphore<ExceptionFactory, Clock> &sem, size_t units,
          abort_source &as) noexcept;
template <typename ExceptionFactory, typename Clock = typename timer<>::clock>
std::optional<semaphore_units<ExceptionFactory, Clock>>
try_get_units(basic_semaphore<ExceptionFactory, Clock> &sem, size_t units) noexcept;
template <typename ExceptionFactory, typename Clock = typename timer<>::clock>
semaphore_units<ExceptionFactory, Clock>
consume_units(basic_semaphore<ExceptionFactory, Clock> &sem, size_t units) noexcept;

template <typename ExceptionFactory, typename Func,
          typename Clock = typename timer<>::clock>
futurize_t<std::invoke_result_t<Func>>
with_semaphore(basic_semaphore<ExceptionFactory, Clock> &sem, size_t units,
               Func &&func) noexcept {
  // The continuation owns func; it is destroyed once func has returned.
  return get_units(sem, units).then(
      [func = std::forward<Func>(func)](auto units) mutable {
        return futurize_invoke(std::forward<Func>(func))
            .finally([units = std::move(units)] {});
      });
}

using semaphore = basic_semaphore<semaphore_default_exception_factory>;
} // namespace seastar
