// Stub shaped like seastar/core/shared_ptr.hh.
#pragma once

namespace seastar {
template <typename T> class lw_shared_ptr {
public:
  lw_shared_ptr() noexcept;
  lw_shared_ptr(const lw_shared_ptr &) noexcept;
  ~lw_shared_ptr();
  T *operator->() const noexcept;
  T &operator*() const noexcept;
};
template <typename T, typename... A> lw_shared_ptr<T> make_lw_shared(A &&...a);
template <typename T> class shared_ptr {
public:
  shared_ptr() noexcept;
  shared_ptr(const shared_ptr &) noexcept;
  ~shared_ptr();
  T *operator->() const noexcept;
  T &operator*() const noexcept;
};
template <typename T, typename... A> shared_ptr<T> make_shared(A &&...a);
} // namespace seastar
