// A non-owning callable reference of the function_ref kind (llvm, folly,
// P0792), shaped like a library header: for void signatures it drops what
// the callable returns.
#pragma once
#pragma GCC system_header
#include <type_traits>

namespace acme {
template <typename Signature> class function_ref;
template <typename R, typename... Args> class function_ref<R(Args...)> {
public:
  template <typename F>
  function_ref(F &&f)
      : object((void *)&f), call([](void *o, Args... a) -> R {
          if constexpr (std::is_void_v<R>)
            (*(std::remove_reference_t<F> *)o)(a...);
          else
            return (*(std::remove_reference_t<F> *)o)(a...);
        }) {}
  R operator()(Args... a) const { return call(object, a...); }

private:
  void *object;
  R (*call)(void *, Args...);
};
} // namespace acme
