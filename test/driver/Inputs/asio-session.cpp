#include <asio.hpp>

using asio::awaitable;
using asio::use_awaitable;

awaitable<void> pause(asio::steady_timer &timer) {
  timer.expires_after(std::chrono::seconds(1));
  // The line below is line 9; the test expects the finding there.
  timer.async_wait(use_awaitable);
  co_await timer.async_wait(use_awaitable);
}
