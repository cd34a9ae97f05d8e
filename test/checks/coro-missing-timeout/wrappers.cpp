// Timeouts through wrappers: a helper coroutine that awaits a network
// operation is guarded when every call of it in the translation unit is,
// where it is written or by the callers above. Otherwise the operation is
// reported once, with the unguarded path of callers in notes.
// RUN: %check-test coro-missing-timeout %s --implicit-check-not="{{warning|error|note}}:" -- %std -I%inputs/asio-1.31

#include <asio_cancel_after.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <asio/experimental/deferred.hpp>
#include <asio/experimental/parallel_group.hpp>
#include <string_view>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;

// Reported: no caller on the way up sets a timeout. The notes follow the
// calls up to the function that starts the chain.
awaitable<std::size_t> read_frame(tcp::socket &socket, char (&data)[512]) {
  co_return co_await socket.async_read_some(asio::buffer(data), use_awaitable);
  // CHECK: :[[@LINE-1]]:22: warning: network operation 'asio::basic_stream_socket::async_read_some' is awaited without a timeout; a peer that stops answering keeps this coroutine waiting forever [coro-missing-timeout]
}
awaitable<void> session(tcp::socket &socket) {
  char data[512];
  for (;;)
    co_await read_frame(socket, data);
  // CHECK: :[[@LINE-1]]:14: note: 'read_frame' is awaited here by 'session' without a timeout
}
awaitable<void> serve(tcp::socket socket) {
  co_await session(socket);
  // CHECK: :[[@LINE-1]]:12: note: 'session' is awaited here by 'serve' without a timeout
}
void start(tcp::socket socket) {
  auto executor = socket.get_executor();
  asio::co_spawn(executor, serve(std::move(socket)), asio::detached);
  // CHECK: :[[@LINE-1]]:28: note: 'serve' is called here by 'start' without a timeout
}

// Reported: one caller races the helper against a timer, the other does
// not; the note names the one that does not.
awaitable<void> send_all(tcp::socket &socket, std::string_view text) {
  co_await asio::async_write(socket, asio::buffer(text), use_awaitable);
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'asio::async_write' is awaited without a timeout
}
awaitable<void> greet(tcp::socket &socket, asio::steady_timer &timer) {
  timer.expires_after(5s);
  co_await (send_all(socket, "hello\n") || timer.async_wait(use_awaitable));
}
awaitable<void> farewell(tcp::socket &socket) {
  co_await send_all(socket, "bye\n");
  // CHECK: :[[@LINE-1]]:12: note: 'send_all' is awaited here by 'farewell' without a timeout
}

// Reported: a deadline handed to the helper bounds what the helper hands
// it to (the read), not the write.
awaitable<void> answer(tcp::socket &socket, std::chrono::seconds limit) {
  char data[64];
  std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::cancel_after(limit, use_awaitable));
  co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'asio::async_write' is awaited without a timeout
}
awaitable<void> answer_once(tcp::socket &socket) {
  co_await answer(socket, 5s);
  // CHECK: :[[@LINE-1]]:12: note: 'answer' is awaited here by 'answer_once' without a timeout
}

// Reported: only the helper itself calls it again; no note, as no caller
// is seen.
awaitable<void> read_forever(tcp::socket &socket) {
  char data[64];
  co_await socket.async_read_some(asio::buffer(data), use_awaitable);
  // CHECK: :[[@LINE-1]]:12: warning: network operation 'asio::basic_stream_socket::async_read_some' is awaited without a timeout
  co_await read_forever(socket);
}

// Not reported: the caller's caller races the chain against a timer.
awaitable<std::size_t> read_header(tcp::socket &socket, char (&data)[512]) {
  co_return co_await socket.async_read_some(asio::buffer(data), use_awaitable);
}
awaitable<void> handshake(tcp::socket &socket) {
  char data[512];
  co_await read_header(socket, data);
}
awaitable<void> connect_raced(tcp::socket &socket, asio::steady_timer &timer) {
  timer.expires_after(5s);
  co_await (handshake(socket) || timer.async_wait(use_awaitable));
}

// Not reported: the caller spawns the helper with cancel_after on its own
// completion token, or in a parallel group with a timer.
awaitable<void> write_reply(tcp::socket &socket) {
  co_await asio::async_write(socket, asio::buffer("ok\n", 3), use_awaitable);
}
awaitable<void> reply_bounded(tcp::socket &socket) {
  co_await asio::co_spawn(socket.get_executor(), write_reply(socket),
                          asio::cancel_after(5s, use_awaitable));
}
awaitable<void> write_status(tcp::socket &socket) {
  co_await asio::async_write(socket, asio::buffer("ready\n", 6), use_awaitable);
}
awaitable<void> status_grouped(tcp::socket &socket, asio::steady_timer &timer) {
  co_await asio::experimental::make_parallel_group(
      asio::co_spawn(socket.get_executor(), write_status(socket), asio::experimental::deferred),
      timer.async_wait(asio::experimental::deferred))
      .async_wait(asio::experimental::wait_for_one(), use_awaitable);
}

// Reported: a coroutine lambda held in a variable is named by it; the
// lambda that co_spawn is handed has no caller in sight.
void start_pinger(tcp::socket &socket) {
  auto ping = [&socket]() -> awaitable<void> {
    co_await asio::async_write(socket, asio::buffer("ping", 4), use_awaitable);
    // CHECK: :[[@LINE-1]]:14: warning: network operation 'asio::async_write' is awaited without a timeout
  };
  asio::co_spawn(socket.get_executor(), [&]() -> awaitable<void> {
    co_await ping();
    // CHECK: :[[@LINE-1]]:14: note: 'ping' is awaited here by a lambda without a timeout
  }, asio::detached);
}

// Not reported: a recursive helper whose outer call is raced; the
// recursive call is guarded when the outer one is.
awaitable<void> read_frames(tcp::socket &socket, int left) {
  char data[64];
  co_await socket.async_read_some(asio::buffer(data), use_awaitable);
  if (left > 0)
    co_await read_frames(socket, left - 1);
}
awaitable<void> read_three(tcp::socket &socket, asio::steady_timer &timer) {
  co_await (read_frames(socket, 3) || timer.async_wait(use_awaitable));
}

// Not reported: the race is in a template; the instantiation's call is the
// one that counts, not the template's own dependent one.
awaitable<void> read_block(tcp::socket &socket) {
  char data[64];
  co_await socket.async_read_some(asio::buffer(data), use_awaitable);
}
template <typename Timer>
awaitable<void> read_block_within(tcp::socket &socket, Timer &timer) {
  co_await (read_block(socket) || timer.async_wait(use_awaitable));
}
template awaitable<void> read_block_within(tcp::socket &, asio::steady_timer &);
