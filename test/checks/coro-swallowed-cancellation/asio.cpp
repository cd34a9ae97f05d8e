// Handlers and error-code tests that swallow cancellation, against the real
// Asio headers.
// RUN: %check-test coro-swallowed-cancellation %s -- %std

#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <cstdio>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

awaitable<void> retry_forever(tcp::socket &socket) {
  char data[64];
  for (;;) {
    try {
      co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    } catch (std::exception &e) {
      // CHECK: :[[@LINE-1]]:7: warning: catch of 'std::exception' swallows cancellation: the coroutine keeps running after it was asked to stop [coro-swallowed-cancellation]
      // CHECK: :[[@LINE-3]]:7: note: cancellation is delivered here
      std::printf("read failed: %s\n", e.what());
    }
  }
}

awaitable<void> continues_after(tcp::socket &socket, asio::steady_timer &timer) {
  char data[64];
  try {
    co_await socket.async_read_some(asio::buffer(data), use_awaitable);
  } catch (...) {
    // CHECK: :[[@LINE-1]]:5: warning: catch (...) swallows cancellation
  }
  co_await timer.async_wait(use_awaitable);
}

awaitable<void> error_codes(tcp::socket &socket) {
  char data[64];
  for (;;) {
    asio::error_code ec;
    std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::redirect_error(use_awaitable, ec));
    // CHECK: :[[@LINE-1]]:21: warning: error code 'ec' is tested for success only: on cancellation (operation_aborted) the loop keeps running after it was asked to stop [coro-swallowed-cancellation]
    if (!ec)
      std::printf("%zu bytes\n", n);
  }
}

awaitable<void> tuples(tcp::socket &socket) {
  char data[64];
  while (socket.is_open()) {
    auto [ec, n] = co_await socket.async_read_some(asio::buffer(data), asio::experimental::as_tuple(use_awaitable));
    // CHECK: :[[@LINE-1]]:20: warning: error code 'ec' is tested for success only
    if (ec)
      continue;
    std::printf("%zu bytes\n", n);
  }
}

// Fine: the handler rethrows, tests for cancellation, or leaves; nothing
// runs after the try (Asio's examples); the error code ends the loop; a
// timer used as a wake-up signal whose error is ignored on purpose.
awaitable<void> rethrows(tcp::socket &socket) {
  char data[64];
  for (;;) {
    try {
      co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    } catch (const asio::system_error &e) {
      if (e.code() == asio::error::operation_aborted)
        throw;
    }
  }
}
awaitable<void> leaves(tcp::socket &socket) {
  char data[64];
  for (;;) {
    try {
      co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    } catch (std::exception &) {
      co_return;
    }
  }
}
awaitable<void> asio_example(tcp::socket socket) {
  try {
    char data[64];
    for (;;)
      co_await socket.async_read_some(asio::buffer(data), use_awaitable);
  } catch (std::exception &e) {
    std::printf("echo Exception: %s\n", e.what());
  }
}
awaitable<void> error_ends_loop(tcp::socket &socket) {
  char data[64];
  for (;;) {
    auto [ec, n] = co_await socket.async_read_some(asio::buffer(data), asio::experimental::as_tuple(use_awaitable));
    if (ec)
      break;
  }
}
awaitable<void> signal_timer(asio::steady_timer &signal) {
  for (;;) {
    asio::error_code ec;
    co_await signal.async_wait(asio::redirect_error(use_awaitable, ec));
  }
}

// A test framework's macro writes its own try/catch.
#define EXPECT_THROWS(expression)                                              \
  do {                                                                         \
    try {                                                                      \
      expression;                                                              \
    } catch (...) {                                                            \
    }                                                                          \
  } while (false)
awaitable<void> tested(tcp::socket &socket) {
  char data[64];
  for (;;)
    EXPECT_THROWS(co_await socket.async_read_some(asio::buffer(data), use_awaitable));
}

// Capturing the exception to pass it on (Asio's own co_spawn entry point).
awaitable<void> captures(tcp::socket &socket, std::exception_ptr &error, asio::steady_timer &timer) {
  char data[64];
  try {
    co_await socket.async_read_some(asio::buffer(data), use_awaitable);
  } catch (...) {
    error = std::current_exception();
  }
  co_await timer.async_wait(use_awaitable);
}

// A handler that takes the exception as a value somewhere that outlives it
// passes it on (a framework's own current_exception(), wrapped or not):
// whoever reads it sees the cancellation.
namespace fw {
std::exception_ptr current_exception() noexcept;
struct error_box {
  explicit error_box(std::exception_ptr e) : held(e) {}
  std::exception_ptr held;
};
} // namespace fw
awaitable<void> passes_on(tcp::socket &socket, std::exception_ptr &first_error) {
  char data[64];
  for (;;) {
    try {
      co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    } catch (...) {
      first_error = fw::current_exception();
    }
    if (first_error)
      co_return;
  }
}
// Captured into the handler's own variable and dropped: swallowed.
awaitable<void> captures_locally(tcp::socket &socket) {
  char data[64];
  for (;;) {
    try {
      co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    } catch (...) {
      // CHECK: :[[@LINE-1]]:7: warning: catch (...) swallows cancellation
      // CHECK: :[[@LINE-3]]:7: note: cancellation is delivered here
      fw::error_box box(fw::current_exception());
    }
  }
}
