// A handler that does not complete normally does not swallow cancellation:
// it throws, rethrows, or calls a function that never returns
// ([[noreturn]]), also through a test framework's macro. A handler that
// returns normally (a non-fatal check, a log) still swallows it.
// RUN: %check-test coro-swallowed-cancellation %s -- %std -I%inputs

#include <acme/unit_test.hpp>
#include <cstdlib>
#include <exception>
#include <seastar/core/coroutine.hh>
#include <seastar/core/sleep.hh>

using namespace std::chrono_literals;

seastar::future<> handle_one();

seastar::future<> fatal(seastar::abort_source &as) {
  for (;;) {
    try {
      co_await seastar::sleep_abortable(1s, as);
    } catch (...) {
      ACME_FAIL("should not reach");
    }
    try {
      co_await handle_one();
    } catch (const std::exception &) {
      ACME_REQUIRE(false);
    }
    try {
      co_await handle_one();
    } catch (...) {
      std::abort();
    }
    try {
      co_await handle_one();
    } catch (...) {
      std::rethrow_exception(std::current_exception());
    }
  }
}

seastar::future<> non_fatal(seastar::abort_source &as) {
  for (;;) {
    try {
      co_await seastar::sleep_abortable(1s, as);
    } catch (...) {
      // CHECK: :[[@LINE-1]]:7: warning: catch (...) swallows cancellation: the coroutine keeps running after it was asked to stop [coro-swallowed-cancellation]
      // CHECK: :[[@LINE-3]]:7: note: cancellation is delivered here
      ACME_CHECK(false);
    }
  }
}
