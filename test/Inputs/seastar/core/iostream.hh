// Stub shaped like seastar/core/iostream.hh and temporary_buffer.hh.
#pragma once
#include <cstddef>
#include <string>
#include <seastar/core/future.hh>

namespace seastar {
template <typename CharType> class temporary_buffer {
public:
  temporary_buffer() noexcept;
  temporary_buffer(temporary_buffer &&) noexcept;
  temporary_buffer &operator=(temporary_buffer &&) noexcept;
  const CharType *get() const noexcept;
  size_t size() const noexcept;
  bool empty() const noexcept;
};
template <typename CharType> class input_stream final {
public:
  using tmp_buf = temporary_buffer<CharType>;
  input_stream() noexcept = default;
  input_stream(input_stream &&) = default;
  future<temporary_buffer<CharType>> read_exactly(size_t n) noexcept;
  template <typename Consumer> future<> consume(Consumer &&c) noexcept;
  future<tmp_buf> read() noexcept;
  future<tmp_buf> read_up_to(size_t n) noexcept;
  future<> close() noexcept;
  future<> skip(uint64_t n) noexcept;
  bool eof() const noexcept;
};
template <typename CharType> class output_stream final {
public:
  output_stream() noexcept = default;
  output_stream(output_stream &&) noexcept = default;
  future<> write(const CharType *buf, size_t n) noexcept;
  future<> write(const CharType *buf) noexcept;
  future<> write(const std::basic_string<CharType> &s) noexcept;
  future<> write(temporary_buffer<CharType>) noexcept;
  future<> flush() noexcept;
  future<> close() noexcept;
};
} // namespace seastar
