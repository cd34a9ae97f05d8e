// Wire protocol shared by echo_server and chat_client: newline-delimited
// text. "HELLO <nick>" opens a session, "PING" gets "PONG", "BYE" ends it,
// and anything else is relayed to the whole room as "<nick>: <text>".
#pragma once

#include <asio.hpp>

#include <chrono>
#include <optional>
#include <string>

namespace corodemo {

using asio::ip::tcp;
using namespace std::chrono_literals;

// Bounds the read buffer so a peer that never sends '\n' cannot grow it forever.
inline constexpr std::size_t max_line_length = 4096;
inline constexpr auto heartbeat_interval = 5s;
inline constexpr auto handshake_timeout = 10s;

// Pops one line (as measured by async_read_until) off `buffer`. Telnet
// users send "\r\n", so strip both.
inline std::string take_line(std::string& buffer, std::size_t n) {
  std::string line = buffer.substr(0, n);
  buffer.erase(0, n);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
    line.pop_back();
  return line;
}

asio::awaitable<void> write_line(tcp::socket& socket, std::string line);
asio::awaitable<void> send_heartbeat(tcp::socket& socket);
asio::awaitable<void> send_bye(tcp::socket& socket);
asio::awaitable<void> heartbeat_loop(tcp::socket& socket,
                                     std::chrono::steady_clock::duration interval);

// Returns std::nullopt if no complete line arrives within `timeout`.
asio::awaitable<std::optional<std::string>> read_line_for(
    tcp::socket& socket, std::string& buffer,
    std::chrono::steady_clock::duration timeout);

}  // namespace corodemo
