// Stub shaped like seastar/core/reactor.hh: the reactor can keep a future in
// the background; it waits for it at exit, and nobody else can.
#pragma once
#include <seastar/core/future.hh>

namespace seastar {
class reactor {
public:
  void run_in_background(future<> f);
  template <typename Func> void run_in_background(Func &&func) {
    run_in_background(futurize_invoke(std::forward<Func>(func)));
  }
};
reactor &engine();
} // namespace seastar
