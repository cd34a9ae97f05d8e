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

// Objects that hand out owners of themselves.
template <typename T> class enable_lw_shared_from_this {
public:
  lw_shared_ptr<T> shared_from_this() noexcept;
  lw_shared_ptr<const T> shared_from_this() const noexcept;

protected:
  enable_lw_shared_from_this() noexcept;
  ~enable_lw_shared_from_this();
};
template <typename T> class enable_shared_from_this {
public:
  shared_ptr<T> shared_from_this() noexcept;
  shared_ptr<const T> shared_from_this() const noexcept;

protected:
  enable_shared_from_this() noexcept;
  ~enable_shared_from_this();
};
} // namespace seastar
