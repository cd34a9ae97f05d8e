#include "session.hpp"
#include <mutex>

std::mutex m;

cppcoro::task<> b() {
  std::lock_guard<std::mutex> guard(m);
  co_await fetch(2);
}
