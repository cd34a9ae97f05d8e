// concurrencpp: result::get() and wait() block until the coroutine has
// finished, so a temporary it was given lives long enough when the wait is
// in the same full expression; not when the result is kept and waited for
// later.
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs

#include <concurrencpp/concurrencpp.h>
#include <string>

concurrencpp::result<int> count_lines(const std::string &path) {
  co_await concurrencpp::resume_on_background{};
  co_return static_cast<int>(path.size());
}

void waited_on_the_spot() {
  int lines = count_lines(std::string("a.txt")).get();
  count_lines("b.txt").wait();
}

void waited_later() {
  auto pending = count_lines(std::string("c.txt"));
  // CHECK: :[[@LINE-1]]:30: warning: temporary bound to parameter 'path' of coroutine 'count_lines' is destroyed at the end of the full expression, while the coroutine may still use it [coro-dangling-reference]
  // CHECK: :10:58: note: parameter 'path' declared here
  pending.get();
}
