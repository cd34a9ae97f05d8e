// A coroutine that sleeps on its thread: coro-blocking-sleep, with a fix-it
// to Asio's timer, and once more where a NOLINT comment silences it.
#include <asio.hpp>
#include <thread>

using namespace std::chrono_literals;

asio::awaitable<void> heartbeat(asio::ip::tcp::socket &socket) {
  while (socket.is_open()) {
    std::this_thread::sleep_for(100ms);
    co_await asio::async_write(socket, asio::buffer("ping\n", 5),
                               asio::use_awaitable);
  }
  std::this_thread::sleep_for(1ms); // NOLINT(coro-blocking-sleep): on purpose
}
