// A corolint finding and a clang-tidy one in one coroutine.
#include <asio.hpp>
#include <string>
#include <thread>
#include <utility>

using namespace std::chrono_literals;

void consume(std::string text);

asio::awaitable<void> greet(std::string name) {
  std::this_thread::sleep_for(100ms);
  consume(std::move(name));
  consume(name);
  co_return;
}
