// Blocking waits of other frameworks, from stub headers shaped like them.
// RUN: %check-test coro-blocking-call %s -- %std -I%inputs

#include <async_simple/coro/SyncAwait.h>
#include <concurrencpp/concurrencpp.h>
#include <folly/coro/Task.h>
#include <stdexec/execution.hpp>
#include <unifex/sync_wait.hpp>

folly::coro::Task<int> fetch();
folly::Future<int> legacy_fetch();

folly::coro::Task<int> handler() {
  int a = folly::coro::blockingWait(fetch());
  // CHECK: :[[@LINE-1]]:11: warning: coroutine 'handler' runs a nested event loop in 'folly::coro::blockingWait', blocking its thread; this can deadlock [coro-blocking-call]
  int b = legacy_fetch().get();
  // CHECK: :[[@LINE-1]]:11: warning: coroutine 'handler' waits for another thread in 'folly::Future::get'
  auto c = stdexec::sync_wait(stdexec::just(1));
  // CHECK: :[[@LINE-1]]:12: warning: coroutine 'handler' runs a nested event loop in 'stdexec::sync_wait'
  auto e = unifex::sync_wait_r<int>(stdexec::just(2));
  // CHECK: :[[@LINE-1]]:12: warning: coroutine 'handler' runs a nested event loop in 'unifex::sync_wait_r'
  int d = co_await fetch();
  co_return a + b + d;
}

async_simple::coro::Lazy<int> lazy_fetch();
async_simple::coro::Lazy<int> lazy_handler() {
  int a = async_simple::coro::syncAwait(lazy_fetch());
  // CHECK: :[[@LINE-1]]:11: warning: coroutine 'lazy_handler' runs a nested event loop in 'async_simple::coro::syncAwait', blocking its thread; this can deadlock [coro-blocking-call]
  int b = co_await lazy_fetch();
  co_return a + b;
}

// concurrencpp's result::get is not in the waiting list: its code calls it
// on results known to be ready (after `co_await when_all(...)`), where it
// returns at once.
concurrencpp::result<int> compute();
concurrencpp::result<int> result_handler() {
  auto ready = co_await compute().resolve();
  int a = ready.get();
  co_return a;
}

// The blocking forms are how plain code waits: fine there.
int main() {
  return folly::coro::blockingWait(fetch()) + legacy_fetch().get() +
         async_simple::coro::syncAwait(lazy_fetch());
}
