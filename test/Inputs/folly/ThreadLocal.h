// Stub shaped like folly/ThreadLocal.h: per-thread storage whose accessors
// return the calling thread's instance.
#pragma once

namespace folly {

template <class T, class Tag = void, class AccessMode = void>
class ThreadLocalPtr {
public:
  constexpr ThreadLocalPtr() noexcept {}
  T *get() const;
  T *operator->() const { return get(); }
  T &operator*() const { return *get(); }
  void reset(T *newPtr = nullptr);
};

template <class T, class Tag = void, class AccessMode = void>
class ThreadLocal {
public:
  constexpr ThreadLocal() noexcept {}
  T *get() const;
  T *get_existing() const;
  T *operator->() const { return get(); }
  T &operator*() const { return *get(); }
  void reset(T *newPtr = nullptr);
};

} // namespace folly
