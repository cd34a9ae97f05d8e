// Test-only: Debian's Asio 1.22 claiming to be 1.31, without including
// what 1.31 adds (a project that includes Asio's headers one by one).
#pragma once
#include <asio/version.hpp>

#undef ASIO_VERSION
#define ASIO_VERSION 103100 // 1.31.0
