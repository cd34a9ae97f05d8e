// Test-only: Debian's Asio 1.22 plus what Asio 1.31 adds for timeouts, so
// that the cancel_after fix-it can be tested and compiled.
#pragma once
#include <asio.hpp>
#include <asio_1_31_version.hpp>
#include <asio/cancel_after.hpp>
