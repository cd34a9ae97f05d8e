// A co_await fix-it in a catch handler, where co_await is not allowed: the
// fuzz target aborted on this once the fixed code stopped compiling.
#include <cppcoro/task.hpp>
cppcoro::task<> log_event(const char *what);
cppcoro::task<> f() {
  try {
    co_await log_event("try");
  } catch (...) {
    log_event("failed");
  }
}
