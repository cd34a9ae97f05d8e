// Seastar: a future returned by a plain function that made the object it
// runs on (`auto c = make_lw_shared<T>(); return c->run();`) outlives the
// object, whose only owner dies at the return. Seastar's coroutines start
// eagerly: only what they do after their first suspension counts, and one
// that takes an owner before it suspends keeps its object. A discarded
// future (`(void)c.run()`) runs on in the background, as if spawned.
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs

#include <chrono>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/shared_ptr.hh>
#include <seastar/core/sleep.hh>

using namespace std::chrono_literals;

class Poller : public seastar::enable_lw_shared_from_this<Poller> {
public:
  seastar::future<> poll() {
    co_await seastar::sleep(1s);
    ++polls_;
  }
  seastar::future<> poll_owned() {
    auto self = shared_from_this();
    co_await seastar::sleep(1s);
    ++polls_;
  }
  seastar::future<> stop() { co_return; }
  seastar::future<> count_now() {
    ++polls_;
    co_await seastar::sleep(1s);
  }

private:
  int polls_ = 0;
};

seastar::future<> poll_once() {
  auto poller = seastar::make_lw_shared<Poller>();
  return poller->poll();
  // CHECK: :[[@LINE-1]]:10: warning: coroutine 'poll' runs on the object local 'poller' solely owns but is returned and can outlive it [coro-dangling-reference]
  // CHECK: :21:7: note: the object used here, through 'this'
  // CHECK: :[[@LINE-3]]:3: note: the coroutine is returned here
}

// Look-alikes: the owner kept by a continuation, an owner taken before the
// first suspension, `this` used only before it.
seastar::future<> poll_kept() {
  auto poller = seastar::make_lw_shared<Poller>();
  return poller->poll().finally([poller] {});
}

seastar::future<> poll_self_owned() {
  auto poller = seastar::make_lw_shared<Poller>();
  return poller->poll_owned();
}

seastar::future<> poll_early() {
  auto poller = seastar::make_lw_shared<Poller>();
  return poller->count_now();
}

// A discarded future runs on in the background: on a local object, or on
// the only owner's object, it outlives the frame.
void poll_in_background() {
  Poller poller;
  (void)poller.poll();
  // CHECK: :[[@LINE-1]]:9: warning: coroutine 'poll' runs on local 'poller' but is spawned and can outlive it [coro-dangling-reference]
  // CHECK: :21:7: note: the object used here, through 'this'
  // CHECK: :[[@LINE-3]]:3: note: the coroutine is spawned here
  auto owner = seastar::make_lw_shared<Poller>();
  (void)owner->poll();
  // CHECK: :[[@LINE-1]]:9: warning: coroutine 'poll' runs on the object local 'owner' solely owns but is spawned and can outlive it [coro-dangling-reference]
  // CHECK: :21:7: note: the object used here, through 'this'
  // CHECK: :[[@LINE-3]]:3: note: the coroutine is spawned here
  auto kept = seastar::make_lw_shared<Poller>();
  (void)kept->poll().finally([kept] {});
  (void)owner->count_now();
}

// A coroutine that later awaits its object's stop() manages the object's
// life there (a stop() that waits for the fiber, as a gate's close does).
seastar::future<> poll_and_stop() {
  Poller poller;
  (void)poller.poll();
  auto owner = seastar::make_lw_shared<Poller>();
  (void)owner->poll();
  co_await poller.stop();
  co_await owner->stop();
}
