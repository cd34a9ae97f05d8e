// echo_server: a tiny chat room. Every line a client sends is relayed to
// everyone connected, the sender included, which is what makes it an echo.
//
//   echo_server <port> [motd-file]
//   echo_server --check-motd <motd-file>
#include "session.hpp"

#include <csignal>
#include <fstream>
#include <future>
#include <iostream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace {

using namespace corodemo;

std::string load_motd(const std::string& path) {
  if (path.empty())
    return "welcome to corodemo";
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot open MOTD file " + path);
  std::string text;
  std::getline(in, text);
  return text;
}

asio::awaitable<void> listener(tcp::acceptor acceptor, Room& room,
                               std::future<std::string> motd) {
  const std::string banner = motd.get();
  for (;;) {
    // A strand per connection: the session's reader, writer and timers all
    // run on it, while different sessions still spread across the pool.
    tcp::socket socket = co_await acceptor.async_accept(
        asio::make_strand(acceptor.get_executor()), asio::use_awaitable);
    auto session = std::make_shared<Session>(std::move(socket), room, banner);
    asio::co_spawn(session->executor(), Session::run(session), asio::detached);
  }
}

asio::awaitable<void> report_stats(Room& room, std::chrono::seconds every) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  for (;;) {
    timer.expires_after(every);
    co_await timer.async_wait(asio::use_awaitable);
    std::clog << "[stats] " << room.size() << " clients connected\n";
  }
}

}  // namespace

int main(int argc, char* argv[]) {
  if (argc < 2) {
    std::cerr << "usage: echo_server <port> [motd-file]\n"
                 "       echo_server --check-motd <motd-file>\n";
    return 1;
  }

  try {
    const std::string first = argv[1];
    const std::string motd_path = argc > 2 ? argv[2] : "";

    // The MOTD may live on a slow network share; read it while we set up.
    std::future<std::string> motd =
        std::async(std::launch::async, load_motd, motd_path);
    if (first == "--check-motd") {
      std::cout << motd.get() << '\n';
      return 0;
    }

    asio::io_context ctx;
    const auto port = static_cast<unsigned short>(std::stoi(first));
    tcp::acceptor acceptor(ctx, {tcp::v4(), port});
    Room room;

    asio::co_spawn(ctx, listener(std::move(acceptor), room, std::move(motd)),
                   asio::detached);
    asio::co_spawn(ctx, report_stats(room, 60s), [](std::exception_ptr e) {
      try {
        if (e)
          std::rethrow_exception(e);
      } catch (const std::exception& ex) {
        std::clog << "stats reporter stopped: " << ex.what() << '\n';
      }
    });

    asio::signal_set signals(ctx, SIGINT, SIGTERM);
    signals.async_wait([&](const std::error_code&, int) {
      room.close_all();
      ctx.stop();
    });

    std::vector<std::jthread> workers;
    for (unsigned i = 1; i < std::thread::hardware_concurrency(); ++i)
      workers.emplace_back([&ctx] { ctx.run(); });
    ctx.run();
  } catch (const std::exception& e) {
    std::cerr << "echo_server: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
