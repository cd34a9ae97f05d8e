#include "matters.h"

coro::task<void> run(Worker &W) {
  napTwice();
  W.step();
  co_await wrapper();
}
