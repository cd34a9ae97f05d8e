// With the real Asio headers: a lock held across co_await of an Asio
// operation; an async-safe pattern (lock released before awaiting).
// RUN: %check-test coro-lock-across-suspend %s -- %std

#include <asio.hpp>
#include <deque>
#include <mutex>
#include <string>

struct room {
  std::mutex mutex;
  std::deque<std::string> history;

  asio::awaitable<void> replay(asio::ip::tcp::socket &socket) {
    std::lock_guard<std::mutex> lock(mutex);
    // CHECK: :[[@LINE-1]]:33: warning: lock 'lock' is held across a suspension point
    for (const std::string &line : history)
      co_await asio::async_write(socket, asio::buffer(line), asio::use_awaitable);
    // CHECK: :[[@LINE-1]]:7: note: suspension point is here
  }

  asio::awaitable<void> replay_copy(asio::ip::tcp::socket &socket) {
    std::deque<std::string> copy;
    {
      std::lock_guard<std::mutex> lock(mutex);
      copy = history;
    }
    for (const std::string &line : copy)
      co_await asio::async_write(socket, asio::buffer(line), asio::use_awaitable);
  }
};
