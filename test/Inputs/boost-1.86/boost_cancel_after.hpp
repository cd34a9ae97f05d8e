// Test-only: Debian's Boost 1.74 plus what Boost 1.86 adds for timeouts, so
// that the boost::asio::cancel_after fix-it can be tested and compiled.
// cancel_after has the real signature; instead of a cancel_after_t it
// returns the token itself, which is enough to compile (not to run) the
// fixed code.
#pragma once
// Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.
#include <utility>
#include <boost/asio.hpp>
#include <chrono>
#include <type_traits>

#undef BOOST_ASIO_VERSION
#define BOOST_ASIO_VERSION 103100 // Boost 1.86's Asio

namespace boost::asio {
template <typename Rep, typename Period, typename CompletionToken>
constexpr std::decay_t<CompletionToken>
cancel_after(const std::chrono::duration<Rep, Period> &timeout,
             CompletionToken &&token) {
  return static_cast<CompletionToken &&>(token);
}
} // namespace boost::asio
