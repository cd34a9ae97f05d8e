// Boost.Test's BOOST_FAIL ends the test case: it reports at the REQUIRE
// level, and the compiled library throws, which the macro's code does not
// show (FatalTestMacros). A handler that reaches it does not swallow
// cancellation; one with a non-fatal BOOST_CHECK or BOOST_ERROR does.
// Against the real Boost.Test headers (Debian's libboost-dev).
// RUN: %check-test coro-swallowed-cancellation %s -- %std -I%inputs

#include <boost/test/unit_test.hpp>
#include <seastar/core/coroutine.hh>
#include <seastar/core/sleep.hh>

using namespace std::chrono_literals;

seastar::future<> handle_one();

seastar::future<> fatal(seastar::abort_source &as) {
  for (;;) {
    try {
      co_await seastar::sleep_abortable(1s, as);
    } catch (...) {
      BOOST_FAIL("should not reach");
    }
    co_await handle_one();
  }
}

seastar::future<> non_fatal(seastar::abort_source &as) {
  for (;;) {
    try {
      co_await seastar::sleep_abortable(1s, as);
    } catch (...) {
      // CHECK: :[[@LINE-1]]:7: warning: catch (...) swallows cancellation: the coroutine keeps running after it was asked to stop [coro-swallowed-cancellation]
      BOOST_ERROR("should not reach");
    }
    try {
      co_await handle_one();
    } catch (...) {
      // CHECK: :[[@LINE-1]]:7: warning: catch (...) swallows cancellation
      BOOST_CHECK(false);
    }
  }
}
