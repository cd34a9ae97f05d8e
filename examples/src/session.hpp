// One Session per connected client, all of them in a single Room.
#pragma once

#include "protocol.hpp"

#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace corodemo {

class Session;

// Sessions live on different strands, so everything shared between them is
// guarded by a plain mutex.
class Room {
 public:
  void join(std::shared_ptr<Session> session);
  void leave(const std::shared_ptr<Session>& session);
  void broadcast(const std::string& line);
  void close_all();
  std::size_t size() const;

  // Newcomers get the recent backlog and the list of who is online before
  // they start receiving live traffic.
  asio::awaitable<void> replay_history(tcp::socket& socket);
  asio::awaitable<void> send_roster(tcp::socket& socket);

 private:
  static constexpr std::size_t history_limit = 50;

  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<Session>> sessions_;
  std::deque<std::string> history_;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Room& room, std::string banner);

  // Static so the coroutine frame owns a strong reference: co_spawn starts
  // the frame later, after the caller's shared_ptr may already be gone.
  static asio::awaitable<void> run(std::shared_ptr<Session> self);

  // Safe to call from any thread.
  void deliver(std::string line);
  void stop();
  const std::string& nick() const { return nick_; }
  tcp::socket::executor_type executor() { return socket_.get_executor(); }

 private:
  asio::awaitable<bool> handshake();
  asio::awaitable<void> reader();
  asio::awaitable<void> writer();
  asio::awaitable<void> flush();

  tcp::socket socket_;
  asio::steady_timer deadline_;
  // Never expires on its own; deliver() cancels it to wake the writer.
  asio::steady_timer write_signal_;
  std::deque<std::string> outbox_;
  std::string read_buffer_;
  std::string nick_;
  std::string banner_;
  Room& room_;
};

}  // namespace corodemo
