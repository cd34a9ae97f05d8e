// Stub of a unit-test framework shaped like Boost.Test's tools: each
// assertion macro is a `do { ... } while (dummy_cond())` statement around a
// pass point and a call. A fatal failure either calls a function declared
// [[noreturn]] (ACME_FAIL) or throws in the macro itself (ACME_REQUIRE); a
// non-fatal check logs and returns (ACME_CHECK).
#pragma once

namespace acme::test {
struct execution_aborted {};
inline bool dummy_cond() { return false; }
inline void passpoint(const char *, int) {}
[[noreturn]] void fail_fatal(const char *message, const char *file, int line);
bool report_check(bool passed, const char *message, const char *file, int line);
} // namespace acme::test

#define ACME_FAIL(M)                                                          \
  do {                                                                        \
    ::acme::test::passpoint(__FILE__, __LINE__);                              \
    ::acme::test::fail_fatal((M), __FILE__, __LINE__);                        \
  } while (::acme::test::dummy_cond())

#define ACME_REQUIRE(P)                                                       \
  do {                                                                        \
    ::acme::test::passpoint(__FILE__, __LINE__);                              \
    if (!(P))                                                                 \
      throw ::acme::test::execution_aborted();                                \
  } while (::acme::test::dummy_cond())

#define ACME_CHECK(P)                                                         \
  do {                                                                        \
    ::acme::test::passpoint(__FILE__, __LINE__);                              \
    ::acme::test::report_check((P), #P, __FILE__, __LINE__);                  \
  } while (::acme::test::dummy_cond())
