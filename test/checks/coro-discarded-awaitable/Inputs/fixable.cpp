#include <cppcoro/task.hpp>

cppcoro::task<int> fetch_user(int id);

cppcoro::task<int> load() {
  fetch_user(1);
  (void)fetch_user(2);
  int id = co_await fetch_user(3);
  co_return id;
}
