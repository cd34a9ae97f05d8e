// Stub shaped like seastar/http/client.hh: an HTTP client whose requests
// wait for the server; an abort source passed in bounds one.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>
#include <seastar/core/iostream.hh>
#include <seastar/net/api.hh>

namespace seastar::http {
struct request {
  static request make(std::string method, std::string host, std::string path);
};
struct reply {
  enum class status_type { ok = 200 };
};
class client {
public:
  using reply_handler =
      std::function<future<>(const reply &, input_stream<char> &&body)>;
  explicit client(socket_address addr);
  future<> make_request(request &&req, reply_handler &&handle,
                        std::optional<reply::status_type> &&expected = std::nullopt,
                        abort_source *as = nullptr);
  future<> make_request(const request &req, reply_handler &handle,
                        std::optional<reply::status_type> expected = std::nullopt,
                        abort_source *as = nullptr);
  future<> close() noexcept;
};
} // namespace seastar::http
