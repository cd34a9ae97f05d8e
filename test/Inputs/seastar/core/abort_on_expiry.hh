// Stub shaped like seastar/core/abort_on_expiry.hh: an abort source that a
// timer triggers at a time point.
#pragma once
#include <seastar/core/abort_source.hh>
#include <seastar/core/timer.hh>

namespace seastar {
template <typename Clock = lowres_clock> class abort_on_expiry {
public:
  using clock = Clock;
  using time_point = typename Clock::time_point;
  abort_on_expiry(time_point timeout);
  abort_on_expiry(abort_on_expiry &&) = delete;
  seastar::abort_source &abort_source();
};
} // namespace seastar
