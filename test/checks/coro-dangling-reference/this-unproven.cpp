// A class that is neither shared-owned nor has a gate or scope: what keeps
// its object alive (a server living in main, a member of a longer-lived
// object) is decided where the object is made, often in another file, so
// its spawned work is reported only with ReportUnprovenOwners.
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs
// RUN: not %corolint --checks='-*,coro-dangling-reference' --config="{CheckOptions: {coro-dangling-reference.ReportUnprovenOwners: true}}" %s -- %std -I%inputs | FileCheck %s -check-prefix=UNPROVEN --implicit-check-not="{{warning|error}}:"
// RUN: %tidy -checks='-*,coro-dangling-reference' -config="{CheckOptions: {coro-dangling-reference.ReportUnprovenOwners: true}}" %s -- %std -I%inputs | FileCheck %s -check-prefix=UNPROVEN --implicit-check-not="{{warning|error}}:"
// RUN: %tidy -checks='-*,coro-dangling-reference' -config="{CheckOptions: {coro-dangling-reference.ReportUnprovenOwners: true}}" --dump-config %s -- %std | FileCheck %s -check-prefix=CONFIG
// CONFIG: coro-dangling-reference.ReportUnprovenOwners: 'true'
// RUN: %expect-exit 2 %corolint --verify-config --config="{CheckOptions: {coro-dangling-reference.ReportUnprovenOwner: true}}" %s 2>&1 | FileCheck %s -check-prefix=MISSPELT
// MISSPELT: unknown option 'coro-dangling-reference.ReportUnprovenOwner' in --config; did you mean 'coro-dangling-reference.ReportUnprovenOwners'?

#include <coro/scheduler.hpp>
#include <coro/task.hpp>

class Notifier {
public:
  explicit Notifier(coro::scheduler &s) : sched(s) {}
  void notify_all() {
    sched.spawn_detached(wake_all());
    // UNPROVEN: :[[@LINE-1]]:26: warning: member coroutine 'wake_all' is spawned by 'coro::scheduler::spawn_detached' and uses 'this' when it runs, but nothing keeps 'Notifier' alive until it finishes [coro-dangling-reference]
    // UNPROVEN: :[[@LINE+9]]:7: note: 'this' used here
    // UNPROVEN: :[[@LINE-7]]:7: note: nothing in 'Notifier' shows that it outlives the work (an owner held by the work, a gate or scope its destructor waits for)
  }
  // A static member coroutine has no `this`; one that never uses it is
  // not reported either.
  void tick() { sched.spawn_detached(count()); }

private:
  coro::task<void> wake_all() {
    ++woken;
    co_return;
  }
  static coro::task<void> count() { co_return; }
  coro::scheduler &sched;
  int woken = 0;
};

// A destructor that waits for the work keeps the object alive whatever
// the option says.
class Joined {
public:
  explicit Joined(coro::scheduler &s) : sched(s) {}
  ~Joined() { coro::sync_wait(sched.spawn_joinable(drain())); }
  void start() { sched.spawn_detached(work()); }

private:
  coro::task<void> work() {
    ++done;
    co_return;
  }
  coro::task<void> drain() { co_return; }
  coro::scheduler &sched;
  int done = 0;
};
