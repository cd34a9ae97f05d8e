// Consecutive independent awaits could run concurrently; dependent ones,
// ones sharing an object, and ones in loops are left alone. Off by default.
// RUN: %check-test coro-sequential-awaits %s -- %std -I%inputs
// RUN: %corolint %s -- %std -I%inputs | FileCheck %s --check-prefix=DEFAULT --allow-empty
// DEFAULT-NOT: coro-sequential-awaits

#include <cppcoro/task.hpp>
#include <string>

cppcoro::task<std::string> fetch_user(int id);
cppcoro::task<std::string> fetch_orders(int id);
cppcoro::task<int> fetch_count();
cppcoro::task<> save(const std::string &user);

struct Connection {
  cppcoro::task<std::string> read();
};

cppcoro::task<int> independent(int id) {
  std::string user = co_await fetch_user(id);
  // CHECK: :[[@LINE-1]]:22: warning: 2 independent awaits run one after another; they could run concurrently with 'cppcoro::when_all' [coro-sequential-awaits]
  std::string orders = co_await fetch_orders(id);
  // CHECK: :[[@LINE-1]]:24: note: independent of the await above
  co_await save(user);
  co_return static_cast<int>(orders.size());
}

cppcoro::task<int> three(int id) {
  auto a = co_await fetch_user(id);
  // CHECK: :[[@LINE-1]]:12: warning: 3 independent awaits run one after another
  auto b = co_await fetch_orders(id + 1);
  auto c = co_await fetch_count();
  co_return static_cast<int>(a.size() + b.size()) + c;
}

// Not reported: the result feeds the next await; both use one connection;
// in a loop; a single await.
cppcoro::task<> dependent(int id) {
  std::string user = co_await fetch_user(id);
  co_await save(user);
}
cppcoro::task<> same_object(Connection &connection) {
  auto first = co_await connection.read();
  auto second = co_await connection.read();
}
cppcoro::task<> written(int id) {
  auto a = co_await fetch_user(id++);
  auto b = co_await fetch_orders(id);
}
cppcoro::task<> in_loop() {
  for (int i = 0; i < 3; ++i) {
    co_await fetch_user(i);
    co_await fetch_orders(i);
  }
}

// A sleep or a hop orders what follows it.
cppcoro::task<> schedule_after(int milliseconds);
cppcoro::task<> paced(int id) {
  co_await fetch_user(id);
  co_await schedule_after(50);
  co_await fetch_orders(id);
}
