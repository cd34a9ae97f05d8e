// Test-only: Debian's Asio 1.22 plus what Asio 1.31 adds for timeouts, so
// that the cancel_after fix-it can be tested and compiled. cancel_after has
// the real signature; instead of a cancel_after_t it returns the token
// itself, which is enough to compile (not to run) the fixed code.
#pragma once
#include <asio.hpp>
#include <chrono>
#include <type_traits>

#undef ASIO_VERSION
#define ASIO_VERSION 103100 // 1.31.0

namespace asio {
template <typename Rep, typename Period, typename CompletionToken>
constexpr std::decay_t<CompletionToken>
cancel_after(const std::chrono::duration<Rep, Period> &timeout,
             CompletionToken &&token) {
  return static_cast<CompletionToken &&>(token);
}
} // namespace asio
