// Stub shaped like seastar/core/abort_source.hh: a request to stop, which
// the operations bound to it see as abort_requested_exception.
#pragma once
#include <exception>
#include <optional>
#include <seastar/core/timer.hh>

namespace seastar {
class abort_requested_exception : public std::exception {
public:
  const char *what() const noexcept override { return "abort requested"; }
};

class abort_source {
public:
  class subscription {
  public:
    subscription() = default;
    subscription(subscription &&) noexcept;
    ~subscription();
  };
  abort_source() = default;
  abort_source(abort_source &&) = default;
  template <typename Func> std::optional<subscription> subscribe(Func &&f);
  void request_abort() noexcept;
  void request_abort_ex(std::exception_ptr ex) noexcept;
  bool abort_requested() const noexcept;
  void check() const;
  const std::exception_ptr &abort_requested_exception_ptr() const noexcept;
  virtual std::exception_ptr get_default_exception() const noexcept;
};
} // namespace seastar
