// `void(f())` once became `co_await (void(f()))`, which does not compile.
#include <cppcoro/task.hpp>
cppcoro::task<> log_event(const char *what);
cppcoro::task<> f() {
  void(log_event("dropped"));
  co_return;
}
