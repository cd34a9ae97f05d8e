#include "session.hpp"

cppcoro::task<> a() {
  fetch(1);
  co_return;
}
