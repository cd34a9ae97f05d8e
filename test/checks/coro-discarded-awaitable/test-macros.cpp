// Test frameworks: the statement of an expect-throw macro is meant to throw
// before it returns a task, and the statement of a death test to end the
// process; nothing there is reported. The same calls outside are.
// RUN: %check-test coro-discarded-awaitable %s -- %std -I%inputs

#include <coro/task.hpp>
#include <gtest/gtest.h>

// A macro of the project's that runs its statement: not a test's.
#define REPEAT_ONCE(statement) \
  do {                         \
    statement;                 \
  } while (false)

struct bad_argument {};
auto parse_port(int text) -> coro::task<int>;
auto crash_now() -> coro::task<>;

void tests() {
  EXPECT_THROW(parse_port(-1), bad_argument);
  EXPECT_DEATH(crash_now(), "aborted");
  ASSERT_DEATH({ crash_now(); }, "aborted");
  REPEAT_ONCE(parse_port(1));
  // CHECK: :[[@LINE-1]]:15: warning: task returned by 'parse_port' is discarded; the coroutine will not run [coro-discarded-awaitable]
  parse_port(2);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'parse_port' is discarded; the coroutine will not run [coro-discarded-awaitable]
}
