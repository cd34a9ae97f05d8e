// Stub shaped like seastar/core/timed_out_error.hh.
#pragma once
#include <exception>

namespace seastar {
class timed_out_error : public std::exception {
public:
  const char *what() const noexcept override { return "timedout"; }
};
struct default_timeout_exception_factory {
  static auto timeout() { return timed_out_error(); }
};
} // namespace seastar
