// Stub shaped like libunifex's unifex/sync_wait.hpp and when_all.hpp:
// customization point objects, not functions.
#pragma once
#include <optional>

namespace unifex {
namespace _sync_wait_cpo {
struct _fn {
  template <typename Sender> std::optional<int> operator()(Sender &&) const {
    return 0;
  }
};
} // namespace _sync_wait_cpo
inline constexpr _sync_wait_cpo::_fn sync_wait{};

namespace _sync_wait_r_cpo {
template <typename Result> struct _fn {
  template <typename Sender>
  std::optional<Result> operator()(Sender &&) const {
    return Result();
  }
};
} // namespace _sync_wait_r_cpo
template <typename Result>
inline constexpr _sync_wait_r_cpo::_fn<Result> sync_wait_r{};

namespace _when_all_cpo {
template <typename... Senders> struct _sender {};
struct _fn {
  template <typename... Senders>
  _sender<Senders...> operator()(Senders &&...) const {
    return {};
  }
};
} // namespace _when_all_cpo
inline constexpr _when_all_cpo::_fn when_all{};
} // namespace unifex
