// Stub shaped like seastar/core/gate.hh: work enters a gate; close() waits
// for it and makes later entries fail with gate_closed_exception.
#pragma once
#include <exception>
#include <optional>
#include <seastar/core/future.hh>

namespace seastar {
class gate_closed_exception : public std::exception {
public:
  const char *what() const noexcept override { return "gate closed"; }
};

class gate {
public:
  gate() = default;
  gate(gate &&) noexcept;
  ~gate();
  bool try_enter() noexcept;
  void enter();
  void leave() noexcept;
  void check() const;
  future<> close() noexcept;
  bool is_closed() const noexcept;
  class holder {
  public:
    holder() noexcept;
    explicit holder(gate &g);
    holder(const holder &x) noexcept;
    holder(holder &&x) noexcept;
    ~holder();
    void release() noexcept;
  };
  holder hold();
  std::optional<holder> try_hold() noexcept;
};

template <typename Func> inline auto with_gate(gate &g, Func &&func) {
  return futurize_invoke(std::forward<Func>(func)).finally([h = g.hold()] {});
}
template <typename Func>
inline auto try_with_gate(gate &g, Func &&func) noexcept {
  return futurize_invoke(std::forward<Func>(func)).finally([h = g.hold()] {});
}
} // namespace seastar
