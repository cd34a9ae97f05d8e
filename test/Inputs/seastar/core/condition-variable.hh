// Stub shaped like seastar/core/condition-variable.hh.
#pragma once
#include <exception>
#include <seastar/core/future.hh>

namespace seastar {
class broken_condition_variable : public std::exception {};
class condition_variable_timed_out : public std::exception {};
class condition_variable {
public:
  future<> wait() noexcept;
  template <typename Pred> future<> wait(Pred &&pred) noexcept;
  void signal() noexcept;
  void broadcast() noexcept;
  void broken() noexcept;
};
} // namespace seastar
