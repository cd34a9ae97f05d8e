// Stub shaped like seastar/core/seastar.hh: the free network functions.
#pragma once
#include <seastar/core/future.hh>
#include <seastar/net/api.hh>

namespace seastar {
server_socket listen(socket_address sa);
server_socket listen(socket_address sa, listen_options opts);
future<connected_socket> connect(socket_address sa);
future<connected_socket> connect(socket_address sa, socket_address local,
                                 transport proto);
socket make_socket();
} // namespace seastar
