// A compile error, and an Asio coroutine that cannot be checked past it.
#include <asio.hpp>

asio::awaitable<int> answer() {
  co_return undeclared_answer;
}
