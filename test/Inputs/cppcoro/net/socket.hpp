// Stub shaped like cppcoro/net/socket.hpp: operations with and without a
// cancellation token.
#pragma once
#include <cppcoro/task.hpp>
#include <cstddef>

namespace cppcoro {
class cancellation_token {};
namespace net {
class ip_endpoint {};
class socket_recv_operation {
public:
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  std::size_t await_resume() { return 0; }
};
class socket {
public:
  socket_recv_operation recv(void *buffer, std::size_t size) noexcept;
  socket_recv_operation recv(void *buffer, std::size_t size, cancellation_token ct) noexcept;
  socket_recv_operation connect(const ip_endpoint &remote) noexcept;
  socket_recv_operation connect(const ip_endpoint &remote, cancellation_token ct) noexcept;
};
} // namespace net
} // namespace cppcoro
