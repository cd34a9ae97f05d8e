// Seastar work left running on `this`: a discarded eager future
// (`(void)loop()`), run_in_background, in a shared-owned class or in one
// whose gate the work does not enter. Gates entered through with_gate,
// try_with_gate or a holder, owners taken before the first suspension,
// and self-deleting classes keep the object alive.
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs

#include <chrono>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/gate.hh>
#include <seastar/core/internal/run_in_background.hh>
#include <seastar/core/shared_ptr.hh>
#include <seastar/core/sleep.hh>
#include <ssx/future-util.h>

using namespace std::chrono_literals;

class Connection : public seastar::enable_lw_shared_from_this<Connection> {
public:
  void start() {
    (void)pump();
    // CHECK: :[[@LINE-1]]:11: warning: member coroutine 'pump' runs on after its result is discarded and uses 'this' after it suspends, but nothing keeps 'Connection' alive until it finishes [coro-dangling-reference]
    // CHECK: :41:9: note: 'this' used here, after the coroutine suspends
    // CHECK: :19:7: note: 'Connection' is shared-owned (it derives from 'enable_lw_shared_from_this<Connection>'): capture or pass 'shared_from_this()' in the spawned work
    seastar::internal::run_in_background(pump());
    // CHECK: :[[@LINE-1]]:42: warning: member coroutine 'pump' is spawned by 'seastar::internal::run_in_background' and uses 'this' after it suspends
  }
  // Look-alikes: an owner taken before the first suspension, an owner
  // handed to the work.
  void start_owned() {
    (void)pump_owned();
    (void)pump_with(shared_from_this());
    (void)pump().finally([self = shared_from_this()] {});
  }

private:
  seastar::future<> pump() {
    for (;;) {
      co_await seastar::sleep(1ms);
      ++packets;
    }
  }
  seastar::future<> pump_owned() {
    auto self = shared_from_this();
    co_await seastar::sleep(1ms);
    ++packets;
  }
  seastar::future<> pump_with(seastar::lw_shared_ptr<Connection> self) {
    co_await seastar::sleep(1ms);
    ++packets;
  }
  int packets = 0;
};

class Server {
public:
  void start() {
    (void)accept_loop();
    // CHECK: :[[@LINE-1]]:11: warning: member coroutine 'accept_loop' runs on after its result is discarded and uses 'this' after it suspends, but nothing keeps 'Server' alive until it finishes [coro-dangling-reference]
    // CHECK: :88:7: note: 'this' used here, after the coroutine suspends
    // CHECK: :91:17: note: 'Server' waits for its work through 'pending', which this work does not enter
    // A lambda called on the spot is reported for its closure alone.
    (void)[this]() -> seastar::future<> {
      // CHECK: :[[@LINE-1]]:11: warning: lambda coroutine is called on a temporary closure
      co_await seastar::sleep(1ms);
      ++accepted;
    }();
  }
  // Look-alikes: the work enters the gate that stop() closes and awaits.
  void start_gated() {
    (void)seastar::try_with_gate(pending, [this] { return accept_loop(); });
    (void)seastar::with_gate(pending, [this] { return accept_loop(); });
    (void)accept_loop().finally([holder = pending.hold()] {});
    // A project's helper handed the gate enters it.
    (void)ssx::spawn_with_gate_then(pending, [this] { return accept_loop(); });
  }
  // Stored in a member that stop() awaits: an assignment's result is not a
  // discarded future.
  void start_stored() { fiber = accept_loop(); }
  // Awaited here: the caller's frame keeps the object.
  seastar::future<> serve() { co_await accept_loop(); }
  seastar::future<> stop() { return pending.close(); }

private:
  seastar::future<> accept_loop() {
    co_await seastar::sleep(1ms);
    ++accepted;
  }
  int accepted = 0;
  seastar::gate pending;
  seastar::future<> fiber = seastar::make_ready_future<>();
};

// A class that deletes itself when its work is done, and one whose work
// uses `this` only before it first suspends.
class Flusher : public seastar::enable_shared_from_this<Flusher> {
public:
  void start() { (void)run(); }
  void start_quick() { (void)announce(); }

private:
  seastar::future<> run() {
    co_await seastar::sleep(1ms);
    ++flushed;
    delete this;
  }
  seastar::future<> announce() {
    ++flushed;
    co_await seastar::sleep(1ms);
  }
  int flushed = 0;
};
