// Stub shaped like cpp-httplib's httplib.h: a client keeps its connection
// (and TLS state) between requests.
#pragma once
#include <string>

namespace httplib {
struct Result {
  explicit operator bool() const { return true; }
};
class Client {
public:
  explicit Client(const std::string &scheme_host_port);
  Client(const std::string &host, int port);
  Result Get(const std::string &path);
};
} // namespace httplib
