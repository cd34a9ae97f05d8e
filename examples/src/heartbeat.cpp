// Line I/O helpers and the client keep-alive.
#include "protocol.hpp"

#include <asio/experimental/awaitable_operators.hpp>

#include <utility>
#include <variant>

namespace corodemo {

asio::awaitable<void> write_line(tcp::socket& socket, std::string line) {
  // Taken by value: the frame must own the bytes until async_write is done,
  // whatever happens to the caller's string in the meantime.
  line += '\n';
  co_await asio::async_write(socket, asio::buffer(line), asio::use_awaitable);
}

asio::awaitable<void> send_heartbeat(tcp::socket& socket) {
  co_await write_line(socket, "PING");
}

asio::awaitable<void> send_bye(tcp::socket& socket) {
  // Nothing of ours needs to outlive this call, so hand back write_line's
  // awaitable instead of wrapping it in another coroutine frame.
  return write_line(socket, "BYE");
}

asio::awaitable<void> heartbeat_loop(tcp::socket& socket,
                                     std::chrono::steady_clock::duration interval) {
  asio::steady_timer timer(socket.get_executor());
  while (socket.is_open()) {
    timer.expires_after(interval);
    co_await timer.async_wait(asio::use_awaitable);
    // Quiet chats are normal, but NAT boxes silently drop idle flows; a PING
    // every so often keeps ours alive.
    send_heartbeat(socket);
  }
}

asio::awaitable<std::optional<std::string>> read_line_for(
    tcp::socket& socket, std::string& buffer,
    std::chrono::steady_clock::duration timeout) {
  using namespace asio::experimental::awaitable_operators;

  asio::steady_timer timer(socket.get_executor(), timeout);
  // Whichever finishes first cancels the other, so a silent server costs us
  // at most `timeout`.
  auto result = co_await (
      asio::async_read_until(socket, asio::dynamic_buffer(buffer, max_line_length),
                             '\n', asio::use_awaitable) ||
      timer.async_wait(asio::use_awaitable));

  if (result.index() == 1)
    co_return std::nullopt;
  co_return take_line(buffer, std::get<0>(result));
}

}  // namespace corodemo
