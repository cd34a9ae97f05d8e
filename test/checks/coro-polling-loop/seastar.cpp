// A Seastar coroutine that sleeps between checks of a flag, instead of
// waiting on a condition variable the producer signals.
// RUN: %check-test coro-polling-loop %s -- %std -I%inputs

#include <seastar/core/condition-variable.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/sleep.hh>

using namespace std::chrono_literals;

struct replica {
  bool is_ready() const;
  seastar::condition_variable changed;
};

seastar::future<> wait_for_catch_up(replica &r) {
  while (!r.is_ready())
    // CHECK: :[[@LINE-1]]:3: warning: loop polls 'replica::is_ready' and sleeps between checks instead of awaiting an event [coro-polling-loop]
    co_await seastar::sleep(10ms);
  // CHECK: :[[@LINE-1]]:14: note: sleeps here between checks; await a 'seastar::condition_variable' the producer signals instead
}

// Not reported: the loop waits on the condition variable.
seastar::future<> waits(replica &r) {
  while (!r.is_ready())
    co_await r.changed.wait();
}
