// Against the real Asio headers (Debian's libasio-dev). The driver runs with
// no ASIO_HAS_* macros: it defines them itself, since Asio 1.22 does not
// detect coroutine support under Clang. clang-tidy needs them spelled out.
// RUN: %check-test coro-discarded-awaitable %s -- %std

#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <asio/experimental/deferred.hpp>
#include <chrono>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;

awaitable<void> send_heartbeat(tcp::socket &socket);

awaitable<void> session(tcp::socket socket) {
  asio::steady_timer timer(socket.get_executor(), std::chrono::seconds(5));
  char data[64];

  timer.async_wait(use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'async_wait' is never awaited; the coroutine will not run [coro-discarded-awaitable]
  // CHECK-FIXES: co_await timer.async_wait(use_awaitable);
  send_heartbeat(socket);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'send_heartbeat' is never awaited; the coroutine will not run
  // CHECK-FIXES: co_await send_heartbeat(socket);
  timer.async_wait(use_awaitable) || socket.async_read_some(asio::buffer(data), use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'operator||' is never awaited
  // CHECK-FIXES: co_await (timer.async_wait(use_awaitable) || socket.async_read_some(asio::buffer(data), use_awaitable));
  asio::co_spawn(socket.get_executor(), send_heartbeat(socket), use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'co_spawn' is never awaited
  // CHECK-FIXES: co_await asio::co_spawn(socket.get_executor(), send_heartbeat(socket), use_awaitable);
  auto beat = send_heartbeat(socket);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'beat' is never used; the coroutine will not run

  // Asio 1.22's awaitable promise cannot await deferred operations: warn, but
  // offer no fix-it that would not compile.
  timer.async_wait(asio::experimental::deferred);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'async_wait' is never awaited
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix-it: the promise type 'awaitable_frame<void, asio::any_io_executor>' of this coroutine does not await 'deferred_async_operation<void (std::error_code), {{.*}}>'
  // CHECK-FIXES: {{^}}  timer.async_wait(asio::experimental::deferred);

  // All of these are real uses.
  co_await timer.async_wait(use_awaitable);
  co_await send_heartbeat(socket);
  co_await (timer.async_wait(use_awaitable) || socket.async_read_some(asio::buffer(data), use_awaitable));
  std::size_t n = co_await asio::async_read(socket, asio::buffer(data), use_awaitable);
  auto executor = co_await asio::this_coro::executor;
  asio::co_spawn(executor, send_heartbeat(socket), asio::detached);
  timer.async_wait([](std::error_code) {});
  auto watchdog = timer.async_wait(use_awaitable);
  co_await std::move(watchdog);
  (void)n;
}

awaitable<void> listener(tcp::acceptor acceptor) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(use_awaitable);
    asio::co_spawn(acceptor.get_executor(), session(std::move(socket)), asio::detached);
  }
}

void start(asio::io_context &context, tcp::socket &socket) {
  send_heartbeat(socket);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'send_heartbeat' is discarded; the coroutine will not run
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: to run it from a function that is not a coroutine, pass it to 'asio::co_spawn'
  asio::co_spawn(context, listener(tcp::acceptor(context, {tcp::v4(), 5555})), asio::detached);
}
