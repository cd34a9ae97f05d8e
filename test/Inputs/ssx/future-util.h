// A project's own background helpers, shaped like Redpanda's ssx
// (src/v/ssx/future-util.h): seastar has none; corolint learns them from the
// configuration.
#pragma once
#include <seastar/core/future.hh>
#include <seastar/core/gate.hh>

namespace ssx {
// Runs the future to its end; its exception is logged and dropped.
inline void background(seastar::future<> f) {
  (void)std::move(f).handle_exception([](std::exception_ptr) {});
}
template <typename Func>
seastar::future<> spawn_with_gate_then(seastar::gate &g, Func &&func) {
  return seastar::try_with_gate(g, std::forward<Func>(func));
}
} // namespace ssx
