// Stub shaped like libcoro's coro/net/tcp/client.hpp: poll, connect, reads
// and writes take
// a timeout whose default, zero, means wait forever.
#pragma once
#include <chrono>
#include <coro/task.hpp>

namespace coro {
enum class poll_op { read, write };
enum class poll_status { event, timeout, error, closed };
namespace net::tcp {
enum class connect_status { connected, timeout, error };
class client {
public:
  auto connect(std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<connect_status>;
  auto poll(coro::poll_op op, std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<coro::poll_status>;
  template <typename Buffer>
  auto read_some(Buffer &buffer, const std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<int>;
  template <typename Buffer>
  auto write_all(const Buffer &buffer, const std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<int>;
};
} // namespace net::tcp
} // namespace coro
