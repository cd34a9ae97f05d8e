// A death test's statement is meant to end the process: a blocking call
// there is not reported (by any corolint check). The same call outside, or
// in an assertion that is not a death test, is.
// RUN: %check-test coro-blocking-call %s -- %std -I%inputs

#include <folly/coro/Task.h>
#include <gtest/gtest.h>

folly::coro::Task<int> fetch();

folly::coro::Task<void> death_tests() {
  EXPECT_DEATH(folly::coro::blockingWait(fetch()), "not yet complete");
  ASSERT_DEATH({ folly::coro::blockingWait(fetch()); }, "deadlock");
  EXPECT_TRUE(folly::coro::blockingWait(fetch()) == 1);
  // CHECK: :[[@LINE-1]]:15: warning: coroutine 'death_tests' runs a nested event loop in 'folly::coro::blockingWait', blocking its thread; this can deadlock [coro-blocking-call]
  folly::coro::blockingWait(fetch());
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'death_tests' runs a nested event loop in 'folly::coro::blockingWait'
  co_return;
}
