#pragma once
#include <cppcoro/task.hpp>

cppcoro::task<int> fetch(int id);

// Included by both translation units: its finding is reported once.
inline cppcoro::task<> refresh() {
  fetch(0);
  co_return;
}
