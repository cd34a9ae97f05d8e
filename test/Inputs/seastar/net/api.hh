// Stub shaped like seastar/net/api.hh and socket_defs.hh: connected sockets
// and their streams; each read, write or connect waits for the peer.
#pragma once
#include <seastar/core/future.hh>
#include <seastar/core/iostream.hh>

namespace seastar {
class socket_address {
public:
  socket_address() noexcept;
};
enum class transport { TCP = 6, SCTP = 132 };
struct connected_socket_input_stream_config {};
struct listen_options {
  bool reuse_address = false;
};

class connected_socket {
public:
  connected_socket() noexcept;
  connected_socket(connected_socket &&cs) noexcept;
  connected_socket &operator=(connected_socket &&cs) noexcept;
  ~connected_socket();
  input_stream<char> input(connected_socket_input_stream_config csisc = {});
  output_stream<char> output(size_t buffer_size = 8192);
  void shutdown_output();
  void shutdown_input();
  future<> wait_input_shutdown();
};

class socket {
public:
  socket() = default;
  ~socket();
  future<connected_socket> connect(socket_address sa,
                                   socket_address local = {},
                                   transport proto = transport::TCP);
  void shutdown();
};

struct accept_result {
  connected_socket connection;
  socket_address remote_address;
};

class server_socket {
public:
  server_socket() noexcept;
  server_socket(server_socket &&ss) noexcept;
  ~server_socket();
  future<accept_result> accept();
  void abort_accept();
};
} // namespace seastar
