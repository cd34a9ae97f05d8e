#include "cannot-throw.h"
#include <asio.hpp>

asio::awaitable<void> compute() {
  (void)twice(21);
  co_return;
}

void start(asio::io_context &Context) {
  asio::co_spawn(Context, compute(), asio::detached);
}
