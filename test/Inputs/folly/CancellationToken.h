// Stub shaped like folly/CancellationToken.h: a token and the source that
// requests cancellation through it.
#pragma once

namespace folly {
class CancellationToken {
public:
  bool isCancellationRequested() const noexcept;
};
class CancellationSource {
public:
  CancellationToken getToken() const noexcept;
  bool requestCancellation() const noexcept;
};
} // namespace folly
