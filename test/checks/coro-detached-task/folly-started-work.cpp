// A discarded eager start loses only what the started work can throw: the
// work is followed through the functions that hand it on (co_withExecutor,
// co_invoke, a local), and callees whose bodies are in sight are read.
// RUN: %check-test coro-detached-task %s -- %std -I%inputs

#include <folly/coro/Task.h>

folly::coro::Task<void> refresh_cache();

// A fatal report in the style of glog's LOG(FATAL): the temporary's
// destructor ends the program.
struct FatalReport {
  [[noreturn]] ~FatalReport();
  FatalReport &operator<<(const char *text);
};
#define FATAL_REPORT FatalReport()
// A report that returns.
struct Report {
  ~Report();
  Report &operator<<(const char *text);
};
#define CHECK_THAT(condition) (condition) ? (void)0 : (void)(FATAL_REPORT << #condition)

struct Widget {
  ~Widget();
};

int counter;
void count() { ++counter; }
void count_or_fail() {
  if (++counter > 100)
    throw std::overflow_error("too many");
}

// The work's errors come back as a value and end the program if present.
folly::coro::Task<void> guarded(folly::coro::Task<void> work) {
  auto outcome = co_await folly::coro::co_awaitTry(std::move(work));
  CHECK_THAT(!outcome.hasException());
  if (outcome.hasException())
    FATAL_REPORT << "unexpected: " << outcome.exception().what();
  count();
}

// The same, but the outcome's value() rethrows what it holds.
folly::coro::Task<void> rethrowing(folly::coro::Task<void> work) {
  auto outcome = co_await folly::coro::co_awaitTry(std::move(work));
  outcome.value();
}

void nothing_to_lose(folly::coro::Executor *executor, Widget *widget) {
  auto deleteTask = folly::coro::co_invoke([widget]() -> folly::coro::Task<void> {
    delete widget;
    co_return;
  });
  folly::coro::co_withExecutor(executor, std::move(deleteTask)).start();
  folly::coro::co_withExecutor(executor, guarded(refresh_cache())).start();
  folly::coro::co_withExecutor(
      executor, folly::coro::co_invoke([]() -> folly::coro::Task<void> {
        count();
        co_return;
      }))
      .start();
}

void errors_lost(folly::coro::Executor *executor) {
  folly::coro::co_withExecutor(executor, rethrowing(refresh_cache())).start();
  // CHECK: :[[@LINE-1]]:3: warning: result of 'folly::coro::TaskWithExecutor::start' is discarded: the started work is detached and its errors are lost
  auto plain = folly::coro::co_invoke([]() -> folly::coro::Task<void> {
    co_await refresh_cache();
  });
  folly::coro::co_withExecutor(executor, std::move(plain)).start();
  // CHECK: :[[@LINE-1]]:3: warning: result of 'folly::coro::TaskWithExecutor::start' is discarded: the started work is detached and its errors are lost
  folly::coro::co_withExecutor(
      executor, folly::coro::co_invoke([]() -> folly::coro::Task<void> {
        count_or_fail();
        co_return;
      }))
      .start();
  // CHECK: :[[@LINE-6]]:3: warning: result of 'folly::coro::TaskWithExecutor::start' is discarded: the started work is detached and its errors are lost
  // A report that does not end the program may itself throw.
  folly::coro::co_withExecutor(
      executor, folly::coro::co_invoke([]() -> folly::coro::Task<void> {
        auto outcome = co_await folly::coro::co_awaitTry(refresh_cache());
        if (outcome.hasException())
          Report() << outcome.exception().what();
      }))
      .start();
  // CHECK: :[[@LINE-7]]:3: warning: result of 'folly::coro::TaskWithExecutor::start' is discarded: the started work is detached and its errors are lost
}
