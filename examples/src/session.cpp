#include "session.hpp"

#include <asio/experimental/awaitable_operators.hpp>

#include <iostream>
#include <utility>

namespace corodemo {

void Room::join(std::shared_ptr<Session> session) {
  std::lock_guard<std::mutex> lock(mutex_);
  sessions_.push_back(std::move(session));
}

void Room::leave(const std::shared_ptr<Session>& session) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::erase(sessions_, session);
}

void Room::broadcast(const std::string& line) {
  std::vector<std::shared_ptr<Session>> recipients;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    history_.push_back(line);
    if (history_.size() > history_limit)
      history_.pop_front();
    recipients = sessions_;
  }
  // deliver() only queues, but there is still no reason to hold the room
  // lock while touching every session.
  for (const auto& session : recipients)
    session->deliver(line);
}

void Room::close_all() {
  std::vector<std::shared_ptr<Session>> sessions;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    sessions.swap(sessions_);
  }
  for (const auto& session : sessions)
    session->stop();
}

std::size_t Room::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return sessions_.size();
}

asio::awaitable<void> Room::replay_history(tcp::socket& socket) {
  // Keep broadcast() from trimming the deque while we walk it.
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& line : history_)
    co_await write_line(socket, "history: " + line);
}

asio::awaitable<void> Room::send_roster(tcp::socket& socket) {
  std::string roster = "online:";
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& session : sessions_)
      roster += " " + session->nick();
  }
  co_await write_line(socket, std::move(roster));
}

Session::Session(tcp::socket socket, Room& room, std::string banner)
    : socket_(std::move(socket)),
      deadline_(socket_.get_executor()),
      write_signal_(socket_.get_executor(), asio::steady_timer::time_point::max()),
      banner_(std::move(banner)),
      room_(room) {}

asio::awaitable<void> Session::run(std::shared_ptr<Session> self) {
  Session& s = *self;
  try {
    if (!co_await s.handshake())
      co_return;
    co_await write_line(s.socket_, s.banner_);
    co_await s.room_.replay_history(s.socket_);
    co_await s.room_.send_roster(s.socket_);

    s.room_.join(self);
    s.room_.broadcast("* " + s.nick_ + " joined");

    // The writer idles forever on write_signal_; when the reader finishes,
    // || cancels it for us.
    using namespace asio::experimental::awaitable_operators;
    co_await (s.reader() || s.writer());
  } catch (const std::exception& e) {
    std::clog << "session " << (s.nick_.empty() ? "<anonymous>" : s.nick_)
              << " ended: " << e.what() << '\n';
  }

  s.room_.leave(self);
  if (!s.nick_.empty())
    s.room_.broadcast("* " + s.nick_ + " left");

  s.outbox_.push_back("BYE");
  auto goodbye = s.flush();
  std::error_code ignored;
  s.socket_.shutdown(tcp::socket::shutdown_both, ignored);
  s.socket_.close(ignored);
}

void Session::deliver(std::string line) {
  // The outbox belongs to this session's strand; callers may be on any thread.
  asio::post(socket_.get_executor(),
             [self = shared_from_this(), line = std::move(line)]() mutable {
               self->outbox_.push_back(std::move(line));
               self->write_signal_.cancel_one();
             });
}

void Session::stop() {
  // Only used on server shutdown, right before the io_context is stopped,
  // so there is nobody left to race with on the strand.
  send_bye(socket_);
  std::error_code ignored;
  socket_.close(ignored);
}

asio::awaitable<bool> Session::handshake() {
  // A peer that connects and never introduces itself would otherwise hold a
  // session open indefinitely. Cancelling the socket fails the pending read.
  deadline_.expires_after(handshake_timeout);
  deadline_.async_wait([this](std::error_code ec) {
    if (!ec)
      socket_.cancel();
  });

  std::size_t n = co_await asio::async_read_until(
      socket_, asio::dynamic_buffer(read_buffer_, max_line_length), '\n',
      asio::use_awaitable);
  deadline_.cancel();

  std::string hello = take_line(read_buffer_, n);
  if (!hello.starts_with("HELLO ") || hello.size() <= 6) {
    co_await write_line(socket_, "ERR expected HELLO <nick>");
    co_return false;
  }
  nick_ = hello.substr(6);
  co_return true;
}

asio::awaitable<void> Session::reader() {
  for (;;) {
    std::size_t n = co_await asio::async_read_until(
        socket_, asio::dynamic_buffer(read_buffer_, max_line_length), '\n',
        asio::use_awaitable);
    std::string line = take_line(read_buffer_, n);

    if (line == "BYE")
      co_return;
    if (line == "PING") {
      deliver("PONG");
      continue;
    }
    if (!line.empty())
      room_.broadcast(nick_ + ": " + line);
  }
}

asio::awaitable<void> Session::writer() {
  for (;;) {
    if (outbox_.empty()) {
      // operation_aborted is the normal wake-up from deliver(), not an error.
      std::error_code ec;
      co_await write_signal_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    co_await flush();
  }
}

asio::awaitable<void> Session::flush() {
  while (!outbox_.empty()) {
    co_await write_line(socket_, outbox_.front());
    outbox_.pop_front();
  }
}

}  // namespace corodemo
