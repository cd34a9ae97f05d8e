// Stub shaped like seastar/core/app-template.hh: run() starts the reactor
// and calls func once it has started; defined in app-template.cc (out of
// sight), where func goes into a future::then continuation that is
// destroyed once func has returned its future.
#pragma once
#include <functional>
#include <seastar/core/future.hh>

namespace seastar {
class app_template {
public:
  app_template() noexcept;
  ~app_template();
  int run(int ac, char **av, std::function<future<int>()> &&func) noexcept;
  int run(int ac, char **av, std::function<future<>()> &&func) noexcept;
  int run_deprecated(int ac, char **av, std::function<void()> &&func) noexcept;
};
} // namespace seastar
