// Seastar tells code to stop with exceptions: abort_requested_exception (and
// sleep_aborted, semaphore_aborted) from an abort source, gate_closed_exception
// from a closed gate, broken_semaphore from a semaphore broken on shutdown.
// Catching them as std::exception or (...) and carrying on keeps a
// shutting-down service busy. (A semaphore_timed_out is a timeout, not a
// request to stop.)
// RUN: %check-test coro-swallowed-cancellation %s -- %std -I%inputs

#include <seastar/core/coroutine.hh>
#include <seastar/core/gate.hh>
#include <seastar/core/semaphore.hh>
#include <seastar/core/sleep.hh>

using namespace std::chrono_literals;

seastar::future<> handle_one();
void log_error(const std::exception &e);

seastar::future<> serve(seastar::abort_source &as) {
  for (;;) {
    try {
      co_await seastar::sleep_abortable(1s, as);
      co_await handle_one();
    } catch (const std::exception &e) {
      // CHECK: :[[@LINE-1]]:7: warning: catch of 'std::exception' swallows cancellation: the coroutine keeps running after it was asked to stop [coro-swallowed-cancellation]
      // CHECK: :[[@LINE-4]]:7: note: cancellation is delivered here
      log_error(e);
    }
  }
}

seastar::future<> drain(seastar::gate &g, seastar::semaphore &sem) {
  for (;;) {
    try {
      auto units = co_await seastar::get_units(sem, 1);
      co_await seastar::with_gate(g, [] { return handle_one(); });
    } catch (...) {
      // CHECK: :[[@LINE-1]]:7: warning: catch (...) swallows cancellation
      // CHECK: :[[@LINE-4]]:20: note: cancellation is delivered here
    }
  }
}

// A closed gate alone: with_gate throws gate_closed_exception once stop()
// has closed it, and this loop catches it and enters the gate again.
seastar::future<> pump(seastar::gate &g) {
  for (;;) {
    try {
      co_await seastar::with_gate(g, [] { return handle_one(); });
    } catch (const std::exception &e) {
      // CHECK: :[[@LINE-1]]:7: warning: catch of 'std::exception' swallows cancellation
      // CHECK: :[[@LINE-3]]:7: note: cancellation is delivered here
      log_error(e);
    }
  }
}

// Look-alikes: the cancellation exceptions are caught first and end the
// loop; the handler asks the abort source or the gate; a timeout is caught.
seastar::future<> stops(seastar::abort_source &as, seastar::gate &g,
                        seastar::semaphore &sem) {
  for (;;) {
    try {
      co_await seastar::sleep_abortable(1s, as);
    } catch (const seastar::abort_requested_exception &) {
      co_return;
    } catch (const std::exception &e) {
      log_error(e);
    }
  }
}

seastar::future<> asks(seastar::abort_source &as, seastar::gate &g) {
  for (;;) {
    try {
      co_await seastar::with_gate(g, [] { return handle_one(); });
    } catch (...) {
      if (g.is_closed())
        co_return;
    }
    try {
      co_await seastar::sleep_abortable(1s, as);
    } catch (const std::exception &e) {
      as.check();
      log_error(e);
    }
  }
}

seastar::future<> times_out(seastar::semaphore &sem) {
  for (;;) {
    try {
      co_await sem.wait(seastar::semaphore::duration(1s));
    } catch (const seastar::semaphore_timed_out &) {
    }
    try {
      co_await sem.wait();
    } catch (const seastar::broken_semaphore &) {
      co_return;
    }
  }
}
