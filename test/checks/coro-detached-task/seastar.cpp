// Seastar's reactor can keep work in the background (run_in_background): it
// waits for it at exit, nobody else can, and its errors are only logged.
// Projects write their own such helpers (Redpanda's ssx::background): they are
// named in the configuration, as DetachingFunctions of a framework.
// RUN: %check-test coro-detached-task %s -- %std -I%inputs
// RUN: %strip-checks %s > %t.cpp
// RUN: not %corolint --checks='-*,coro-detached-task' --config="{CheckOptions: {corolint.Frameworks: 'Redpanda', corolint.Redpanda.Namespaces: 'ssx', corolint.Redpanda.DetachingFunctions: 'ssx::background'}}" %t.cpp -- %std -I%inputs | FileCheck %s -check-prefixes=CHECK,CHECK-SSX --implicit-check-not="{{warning|error}}:"

#include <seastar/core/coroutine.hh>
#include <seastar/core/internal/run_in_background.hh>
#include <seastar/core/reactor.hh>
#include <ssx/future-util.h>

seastar::future<> refresh();
seastar::future<> count_up(int &counter) {
  ++counter;
  co_return;
}

void start(int &counter) {
  seastar::engine().run_in_background(refresh());
  // CHECK: :[[@LINE-1]]:3: warning: work started with 'seastar::reactor::run_in_background' is detached: nobody can wait for it or handle its errors [coro-detached-task]
  seastar::internal::run_in_background([] { return refresh(); });
  // CHECK: :[[@LINE-1]]:3: warning: work started with 'seastar::internal::run_in_background' is detached
  ssx::background(refresh());
  // CHECK-SSX: :[[@LINE-1]]:3: warning: work started with 'ssx::background' is detached
  // A coroutine that cannot throw loses nothing.
  seastar::engine().run_in_background(count_up(counter));
}
