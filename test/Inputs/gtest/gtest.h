// Stub shaped like googletest's death-test and expect-throw macros: the
// statement is passed down through inner macros, as gtest.h does.
#pragma once
#include <cstdlib>

namespace testing::internal {
bool InDeathTestChild();
void ReportFailure(const char *message);
} // namespace testing::internal

#define GTEST_EXECUTE_STATEMENT_(statement) \
  do {                                      \
    statement;                              \
  } while (false)
#define GTEST_DEATH_TEST_(statement, regex)              \
  if (::testing::internal::InDeathTestChild()) {         \
    GTEST_EXECUTE_STATEMENT_(statement);                 \
    std::exit(0);                                        \
  }
#define EXPECT_EXIT(statement, predicate, regex) GTEST_DEATH_TEST_(statement, regex)
#define EXPECT_DEATH(statement, regex) EXPECT_EXIT(statement, 0, regex)
#define ASSERT_DEATH(statement, regex) EXPECT_EXIT(statement, 0, regex)

#define GTEST_TEST_THROW_(statement, expected_exception)            \
  try {                                                              \
    GTEST_EXECUTE_STATEMENT_(statement);                             \
    ::testing::internal::ReportFailure("no exception");             \
  } catch (expected_exception const &) {                             \
  }
#define EXPECT_THROW(statement, expected_exception) \
  GTEST_TEST_THROW_(statement, expected_exception)
#define EXPECT_TRUE(condition) \
  if (!(condition))            \
  ::testing::internal::ReportFailure(#condition)
