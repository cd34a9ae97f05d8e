// No coroutine: what clangd says and nothing more.
#include <chrono>
#include <thread>

int slow_square(int x) {
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return x * x;
}
