// A framework added through configuration alone (corolint.Frameworks and
// corolint.<Framework>.<role>), without rebuilding: every check that one of
// its roles concerns honours it, in the driver and in the plugin alike.
// RUN: %strip-checks %s > %t.cpp
// RUN: printf '%%s\n' 'CheckOptions:' '  corolint.Frameworks: Acme' '  corolint.Acme.Namespaces: acme' \
// RUN:   '  corolint.Acme.SpawnFunctions: acme::spawn' '  corolint.Acme.DetachedTokenTypes: acme::detached_t' \
// RUN:   '  corolint.Acme.WaitingFunctions: acme::blocker::wait_here' \
// RUN:   '  corolint.Acme.NetworkOperations: acme::socket::read' \
// RUN:   '  corolint.Acme.RunFromPlainCode: acme::run_until_done' \
// RUN:   '  corolint.Acme.AsyncSleep: "co_await acme::nap(${duration})"' > %t.yaml
// RUN: not %corolint --config-file=%t.yaml %t.cpp -- %std -I%inputs | FileCheck %s -check-prefix=CHECK-MESSAGES --implicit-check-not="{{warning|error}}:"
// RUN: %tidy -checks='-*,coro-*,-coro-sequential-awaits' --config-file=%t.yaml %t.cpp -- %std -I%inputs | FileCheck %s -check-prefix=CHECK-MESSAGES --implicit-check-not="{{warning|error}}:"
// RUN: not %corolint --config-file=%t.yaml --fix --unsafe-fixes %t.cpp -- %std -I%inputs
// RUN: FileCheck %s -check-prefix=CHECK-FIXES --input-file=%t.cpp
// RUN: %clangxx -fsyntax-only %std -I%inputs %t.cpp
//
// Without the configuration, only what corolint knows anyway is reported.
// RUN: %strip-checks %s > %t.plain.cpp
// RUN: not %corolint %t.plain.cpp -- %std -I%inputs | FileCheck %s -check-prefix=PLAIN --implicit-check-not="{{warning|error}}:"
//
// A misspelt field is a configuration mistake, reported and not ignored.
// RUN: printf '%%s\n' 'CheckOptions:' '  corolint.Frameworks: Acme' '  corolint.Acme.SpawnFunction: acme::spawn' > %t.bad.yaml
// RUN: %expect-exit 2 %corolint --config-file=%t.bad.yaml %t.cpp -- %std -I%inputs 2>&1 | FileCheck %s -check-prefix=BAD
// BAD: corolint: error: option 'corolint.Acme.SpawnFunction': a framework has no field 'SpawnFunction'
// RUN: printf '%%s\n' 'CheckOptions:' '  corolint.Acne.SpawnFunctions: acme::spawn' > %t.unlisted.yaml
// RUN: %expect-exit 2 %corolint --config-file=%t.unlisted.yaml %t.cpp -- %std -I%inputs 2>&1 | FileCheck %s -check-prefix=UNLISTED
// UNLISTED: corolint: error: option 'corolint.Acne.SpawnFunctions' names framework 'Acne', which is neither built in nor listed in 'corolint.Frameworks'

#include <acme/acme.hpp>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

acme::task<> work();

// coro-detached-task: the configured spawn function and detached token.
void start(acme::executor ex) {
  acme::spawn(ex, work(), acme::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: exceptions thrown by the spawned coroutine 'work' are silently discarded [coro-detached-task]
  // CHECK-FIXES: acme::spawn(ex, work(), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  acme::spawn(ex, work(), acme::use_task);
}

// coro-blocking-call: the configured waiting function.
acme::task<> waits(acme::blocker &b) {
  b.wait_here();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}'acme::blocker::wait_here'{{.*}} [coro-blocking-call]
  co_return;
}

// coro-missing-timeout: the configured network operation.
acme::task<> reads(acme::socket &s) {
  char buffer[16];
  co_await s.read(buffer, sizeof buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: network operation 'acme::socket::read' is awaited without a timeout{{.*}} [coro-missing-timeout]
}

// coro-blocking-sleep: the framework's asynchronous sleep as the fix-it.
acme::task<> sleeps() {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}sleep{{.*}} [coro-blocking-sleep]
  // CHECK-FIXES: co_await acme::nap(10ms);
  // PLAIN: :[[@LINE-3]]:3: warning: {{.*}}sleep{{.*}} [coro-blocking-sleep]
  // PLAIN: :[[@LINE-4]]:3: note: no fix-it: set the option 'Replacement'
  co_return;
}

// coro-discarded-awaitable: the framework's way to run a task from plain code.
void plain() {
  work();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}} [coro-discarded-awaitable]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: to run it from a function that is not a coroutine, pass it to 'acme::run_until_done'
  // PLAIN: :[[@LINE-3]]:3: warning: {{.*}} [coro-discarded-awaitable]
}
