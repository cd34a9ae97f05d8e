// Blocking I/O inside coroutines: POSIX, stdio, and Asio's synchronous
// operations (their async_ forms are what a coroutine should use).
// RUN: %check-test coro-blocking-call %s -- %std

#include <asio.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <netdb.h>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

using asio::awaitable;
using asio::ip::tcp;

awaitable<void> posix(int fd) {
  char buffer[128];
  ::read(fd, buffer, sizeof buffer);
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'posix' does blocking I/O in 'read', blocking its thread [coro-blocking-call]
  recv(fd, buffer, sizeof buffer, 0);
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'posix' does blocking I/O in 'recv'
  addrinfo *info = nullptr;
  getaddrinfo("example.org", "80", nullptr, &info);
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'posix' does blocking I/O in 'getaddrinfo'
  FILE *file = fopen("/etc/hosts", "r");
  // CHECK: :[[@LINE-1]]:16: warning: coroutine 'posix' does blocking I/O in 'fopen'
  fgets(buffer, sizeof buffer, file);
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'posix' does blocking I/O in 'fgets'
  std::system("true");
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'posix' does blocking I/O in 'system'
  std::string line;
  std::getline(std::cin, line);
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'posix' does blocking I/O in 'std::getline'
  std::istringstream in("not blocking");
  std::getline(in, line);
  co_return;
}

awaitable<void> asio_sync(tcp::socket &socket, tcp::resolver &resolver) {
  char data[64];
  socket.read_some(asio::buffer(data));
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'asio_sync' does blocking I/O in 'asio::basic_stream_socket::read_some'
  asio::write(socket, asio::buffer(data));
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'asio_sync' does blocking I/O in 'asio::write'
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), 80));
  // CHECK: :[[@LINE-1]]:3: warning: coroutine 'asio_sync' does blocking I/O in 'asio::basic_stream_socket::connect'
  auto endpoints = resolver.resolve("localhost", "80");
  // CHECK: :[[@LINE-1]]:20: warning: coroutine 'asio_sync' does blocking I/O in 'asio::ip::basic_resolver::resolve'

  // The asynchronous forms are fine.
  co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
  co_await asio::async_write(socket, asio::buffer(data), asio::use_awaitable);
  co_await resolver.async_resolve("localhost", "80", asio::use_awaitable);
}

// Through ordinary functions, depth-limited (MaxCallDepth, default 3).
std::string read_config_file() {
  FILE *f = std::fopen("/etc/app.conf", "r");
  std::fclose(f);
  return {};
}
std::string load_settings() { return read_config_file(); }
std::string settings() { return load_settings(); }
std::string cached_settings() { return settings(); }

awaitable<void> startup() {
  auto direct = read_config_file();
  // CHECK: :[[@LINE-1]]:17: warning: coroutine 'startup' does blocking I/O in 'fopen' through 'read_config_file', blocking its thread
  // CHECK: :60:13: note: 'read_config_file' calls 'fopen' here
  auto two_levels = settings();
  // CHECK: :[[@LINE-1]]:21: warning: coroutine 'startup' does blocking I/O in 'fopen' through 'settings'
  // CHECK: note: 'settings' calls 'load_settings' here
  // CHECK: note: 'load_settings' calls 'read_config_file' here
  // CHECK: note: 'read_config_file' calls 'fopen' here
  auto too_deep = cached_settings();
  co_return;
}

// A function that tests errno against EAGAIN, EWOULDBLOCK or EINPROGRESS
// works on non-blocking descriptors (option NonBlockingMarkers): its I/O
// calls return at once, and it awaits readiness instead.
#include <cerrno>
awaitable<void> wait_writable(int fd);
awaitable<int> connect_nonblocking(int fd, const sockaddr *address, socklen_t length) {
  int result = ::connect(fd, address, length);
  if (result == -1 && errno == EINPROGRESS)
    co_await wait_writable(fd);
  co_return result;
}
ssize_t try_read(int fd, char *buffer) {
  ssize_t n = ::read(fd, buffer, 1);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
    return 0;
  return n;
}
awaitable<void> drain(int fd) {
  char buffer[1];
  while (try_read(fd, buffer) > 0) {
  }
  co_return;
}

// A project's own function named like a POSIX call is not the C library's:
// `::connect` names only a function with C linkage or from a system header.
namespace {
struct peer {};
}
bool connect(peer &) { return true; }
awaitable<void> own_connect(peer &p) {
  connect(p);
  co_return;
}

// An object driven by readiness events: the coroutine awaits its poll()
// before (or instead of) reading, so its descriptor is non-blocking and
// recv() returns at once.
class event_socket {
public:
  awaitable<bool> poll_readable();
  long recv(char *buffer, unsigned long size) { return ::recv(fd, buffer, size, 0); }
  awaitable<long> read_some(char *buffer, unsigned long size) {
    if (co_await poll_readable())
      co_return recv(buffer, size);
    co_return 0;
  }
  // The same read in a coroutine that never awaits the object's readiness
  // blocks its thread.
  awaitable<long> read_blindly(char *buffer, unsigned long size) {
    co_return recv(buffer, size);
    // CHECK: :[[@LINE-1]]:15: warning: coroutine 'read_blindly' does blocking I/O in 'recv' through 'event_socket::recv', blocking its thread [coro-blocking-call]
    // CHECK: :[[@LINE-11]]:56: note: 'event_socket::recv' calls 'recv' here
  }

private:
  int fd = -1;
};

// A descriptor created non-blocking returns at once: SOCK_NONBLOCK where a
// local is made, or a non-blocking option in the member's initialiser (as
// libcoro's servers make their accept socket). Look-alike: the same server
// without the flag.
class nonblocking_server {
public:
  nonblocking_server() : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)) {}
  awaitable<int> accept_one() { co_return ::accept(fd_, nullptr, nullptr); }

private:
  int fd_;
};
class blocking_server {
public:
  blocking_server() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {}
  awaitable<int> accept_one() { co_return ::accept(fd_, nullptr, nullptr); }
  // CHECK: :[[@LINE-1]]:43: warning: coroutine 'accept_one' does blocking I/O in 'accept', blocking its thread [coro-blocking-call]

private:
  int fd_;
};
awaitable<long> read_fresh_socket() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  char buffer[8];
  co_return ::recv(fd, buffer, sizeof buffer, 0);
}

namespace coro::net {
struct socket {
  enum class blocking_t { yes, no };
  explicit socket(blocking_t blocking);
  int native_handle() const;
};
} // namespace coro::net
class event_server {
public:
  event_server() : accept_socket_(coro::net::socket::blocking_t::no) {}
  awaitable<int> accept_one() {
    co_return ::accept(accept_socket_.native_handle(), nullptr, nullptr);
  }

private:
  coro::net::socket accept_socket_;
};
