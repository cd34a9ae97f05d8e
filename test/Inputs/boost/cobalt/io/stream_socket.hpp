// Stub shaped like boost/cobalt/io/stream_socket.hpp and write.hpp (Boost
// 1.87+): reads and writes are awaitable operation objects with no timeout
// of their own.
#pragma once
#include <boost/cobalt/spawn.hpp>
#include <coroutine>
#include <cstddef>

namespace boost::cobalt::io {
struct const_buffer_sequence {
  const void *data;
  std::size_t size;
};
struct mutable_buffer_sequence {
  void *data;
  std::size_t size;
};
struct transfer_op {
  bool await_ready() const { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  std::size_t await_resume() { return 0; }
};
struct stream_socket {
  [[nodiscard]] transfer_op read_some(mutable_buffer_sequence buffer);
  [[nodiscard]] transfer_op write_some(const_buffer_sequence buffer);
};
template <typename Stream> transfer_op write(Stream &stream, const_buffer_sequence buffer);
} // namespace boost::cobalt::io
