// Test-only: what Asio 1.31's <asio/cancel_after.hpp> declares, for
// Debian's Asio 1.22. cancel_after has the real signature; instead of a
// cancel_after_t it returns the token itself, which is enough to compile
// (not to run) the fixed code.
#pragma once
#include <chrono>
#include <type_traits>

namespace asio {
template <typename Rep, typename Period, typename CompletionToken>
constexpr std::decay_t<CompletionToken>
cancel_after(const std::chrono::duration<Rep, Period> &timeout,
             CompletionToken &&token) {
  return static_cast<CompletionToken &&>(token);
}
} // namespace asio
