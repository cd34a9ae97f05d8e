// Boost.Cobalt's spawn starts a task that the caller does not await, with
// any completion token: work on `this`, or on a local object, must keep its
// object alive until it finishes.
// RUN: %check-test coro-dangling-reference %s -- %std -I%inputs

#include <boost/cobalt/spawn.hpp>
#include <memory>

namespace cobalt = boost::cobalt;

class Ticker : public std::enable_shared_from_this<Ticker> {
public:
  void start(boost::asio::io_context &context) {
    cobalt::spawn(context, tick(), boost::asio::detached);
    // CHECK: :[[@LINE-1]]:28: warning: member coroutine 'tick' is spawned by 'boost::cobalt::spawn' and uses 'this' when it runs, but nothing keeps 'Ticker' alive until it finishes [coro-dangling-reference]
    // CHECK: :[[@LINE+12]]:7: note: 'this' used here
    // CHECK: :[[@LINE-6]]:7: note: 'Ticker' is shared-owned (it derives from 'enable_shared_from_this<Ticker>'): capture or pass 'shared_from_this()' in the spawned work
    cobalt::spawn(context, tick_owned(shared_from_this()),
                  boost::asio::detached);
  }
  cobalt::task<void> tick_owned(std::shared_ptr<Ticker> self) {
    ++ticks_;
    co_return;
  }

private:
  cobalt::task<void> tick() {
    ++ticks_;
    co_return;
  }
  int ticks_ = 0;
};

void start_on_local(boost::asio::io_context &context) {
  Ticker ticker;
  cobalt::spawn(context, ticker.tick_owned(nullptr), boost::asio::detached);
  // CHECK: :[[@LINE-1]]:26: warning: coroutine 'tick_owned' runs on local 'ticker' but is spawned and can outlive it [coro-dangling-reference]
  // CHECK: :[[@LINE-16]]:7: note: the object used here, through 'this'
  // CHECK: :[[@LINE-3]]:3: note: the coroutine is spawned here
}
