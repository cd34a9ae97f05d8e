// chat_client: joins the room, says its piece, waits for the room to echo
// every line back, then leaves.
//
//   chat_client <server-ip> <port> <nick> [message...]
#include "protocol.hpp"

#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/awaitable_operators.hpp>

#include <exception>
#include <iostream>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace {

using namespace corodemo;

constexpr int max_connect_attempts = 5;
constexpr auto send_spacing = 20ms;
constexpr auto reply_timeout = 3s;

asio::awaitable<void> connect_with_retry(tcp::socket& socket, tcp::endpoint server) {
  asio::steady_timer backoff_timer(socket.get_executor());
  std::chrono::milliseconds backoff = 200ms;
  for (int attempt = 1;; ++attempt) {
    auto [ec] = co_await socket.async_connect(
        server, asio::experimental::as_tuple(asio::use_awaitable));
    if (!ec)
      co_return;
    if (attempt == max_connect_attempts)
      throw std::system_error(ec, "connect to " + server.address().to_string());

    std::clog << "connect attempt " << attempt << " failed: " << ec.message()
              << ", retrying in " << backoff.count() << "ms\n";
    // A failed connect leaves the socket open but unusable on some platforms.
    socket.close();
    backoff_timer.expires_after(backoff);
    backoff_timer.async_wait(asio::use_awaitable);
    backoff *= 2;
  }
}

asio::awaitable<void> converse(tcp::socket& socket, std::string nick,
                               std::vector<std::string> messages) {
  // Build the whole batch up front; each write owns a copy of its line, so
  // `messages` is free to go away.
  std::vector<asio::awaitable<void>> sends;
  sends.reserve(messages.size());
  for (const auto& message : messages)
    sends.push_back(write_line(socket, message));

  for (auto& send : sends) {
    co_await std::move(send);
    // The server has no flood control yet; be polite on its behalf.
    std::this_thread::sleep_for(send_spacing);
  }

  // Banner, history and roster lines arrive too; only our own echoes count.
  const std::string own_prefix = nick + ": ";
  std::size_t outstanding = messages.size();
  std::string buffer;
  while (outstanding > 0) {
    auto line = co_await read_line_for(socket, buffer, reply_timeout);
    if (!line) {
      std::cerr << "server went quiet with " << outstanding << " echoes outstanding\n";
      break;
    }
    std::cout << *line << '\n';
    if (line->starts_with(own_prefix))
      --outstanding;
  }

  auto farewell = send_bye(socket);
  if (socket.is_open())
    co_await std::move(farewell);
}

asio::awaitable<void> run_client(tcp::endpoint server, std::string nick,
                                 std::vector<std::string> messages) {
  tcp::socket socket(co_await asio::this_coro::executor);
  co_await connect_with_retry(socket, server);
  co_await write_line(socket, "HELLO " + nick);

  // Heartbeats only matter while the conversation is going on; || cancels
  // the loop as soon as converse() returns.
  using namespace asio::experimental::awaitable_operators;
  co_await (converse(socket, nick, std::move(messages)) ||
            heartbeat_loop(socket, heartbeat_interval));
}

}  // namespace

int main(int argc, char* argv[]) {
  if (argc < 4) {
    std::cerr << "usage: chat_client <server-ip> <port> <nick> [message...]\n";
    return 1;
  }

  try {
    asio::io_context ctx;
    const tcp::endpoint server(asio::ip::make_address(argv[1]),
                               static_cast<unsigned short>(std::stoi(argv[2])));
    std::vector<std::string> messages(argv + 4, argv + argc);
    if (messages.empty())
      messages.emplace_back("hello");

    asio::co_spawn(ctx, run_client(server, argv[3], std::move(messages)),
                   [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
    ctx.run();
  } catch (const std::exception& e) {
    std::cerr << "chat_client: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
