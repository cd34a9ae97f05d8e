// Stub shaped like seastar/core/internal/run_in_background.hh.
#pragma once
#include <seastar/core/future.hh>

namespace seastar::internal {
void run_in_background(future<> f);
template <typename Func> void run_in_background(Func &&func) {
  run_in_background(futurize_invoke(std::forward<Func>(func)));
}
} // namespace seastar::internal
