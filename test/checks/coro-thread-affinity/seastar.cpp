// A Seastar coroutine resumes on the shard (reactor thread) that started it:
// thread-local state stays valid across its suspensions. (Moving to another
// shard is an explicit smp::submit_to, which runs a new function there.)
// RUN: %check-test coro-thread-affinity %s -- %std -I%inputs

#include <seastar/core/coroutine.hh>
#include <seastar/core/sleep.hh>

using namespace std::chrono_literals;

thread_local int in_flight;

seastar::future<> step();

seastar::future<> tracked() {
  ++in_flight;
  co_await step();
  co_await seastar::sleep(1ms);
  --in_flight;
}
