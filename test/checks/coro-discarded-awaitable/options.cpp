// The check's options: explicit discards allowed, extra awaitable types for
// a team's own lazy operations, and types to leave alone.
// RUN: %strip-checks %s > %t.cpp
// RUN: not %corolint --checks='-*,coro-discarded-awaitable' %t.cpp --config="{CheckOptions: {coro-discarded-awaitable.AllowExplicitDiscard: true, coro-discarded-awaitable.AwaitableTypes: 'acme::lazy_op', coro-discarded-awaitable.IgnoredAwaitableTypes: 'acme::background_task'}}" -- %std -I%inputs | FileCheck %s -check-prefix=CHECK-MESSAGES --implicit-check-not="{{warning|error}}:"
// RUN: %tidy -checks='-*,coro-discarded-awaitable' -config="{CheckOptions: {coro-discarded-awaitable.AllowExplicitDiscard: true, coro-discarded-awaitable.AwaitableTypes: 'acme::lazy_op', coro-discarded-awaitable.IgnoredAwaitableTypes: 'acme::background_task'}}" %t.cpp -- %std -I%inputs | FileCheck %s -check-prefix=CHECK-MESSAGES --implicit-check-not="{{warning|error}}:"
// Defaults: the explicit discards are reported and acme::lazy_op is unknown.
// RUN: not %corolint --checks='-*,coro-discarded-awaitable' %t.cpp -- %std -I%inputs | FileCheck %s -check-prefix=CHECK-DEFAULTS --implicit-check-not="{{warning|error}}:"
// The options round-trip through clang-tidy's configuration dump.
// RUN: %tidy -checks='-*,coro-discarded-awaitable' -config="{CheckOptions: {coro-discarded-awaitable.AllowExplicitDiscard: true}}" --dump-config %t.cpp -- %std | FileCheck %s -check-prefix=CHECK-CONFIG
// CHECK-CONFIG: coro-discarded-awaitable.AllowExplicitDiscard: 'true'
// CHECK-CONFIG: coro-discarded-awaitable.AwaitableTypes: 'asio::deferred_async_operation;asio::experimental::deferred_async_operation'

#include <cppcoro/task.hpp>

namespace acme {
// A lazy operation: awaited through the team's promise, no await_* members.
struct lazy_op {
  lazy_op(const lazy_op &) = default;
  ~lazy_op();
  int fd;
};
lazy_op read_later(int fd);

struct background_task {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
background_task start_flusher();
} // namespace acme

cppcoro::task<> fetch();

cppcoro::task<> run() {
  (void)fetch();
  // CHECK-DEFAULTS: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited
  [[maybe_unused]] auto kept_for_later = fetch();
  // CHECK-DEFAULTS: :[[@LINE-1]]:25: warning: task 'kept_for_later' is never used
  acme::read_later(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'read_later' is never awaited [coro-discarded-awaitable]
  acme::start_flusher();
  // CHECK-DEFAULTS: :[[@LINE-1]]:3: warning: awaitable returned by 'start_flusher' is never awaited
  fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited
  // CHECK-DEFAULTS: :[[@LINE-2]]:3: warning: task returned by 'fetch' is never awaited
  co_return;
}
