//===--- ThreadAffinityCheck.h - coro-thread-affinity -----------*- C++ -*-===//

#ifndef COROLINT_LIB_THREADAFFINITYCHECK_H
#define COROLINT_LIB_THREADAFFINITYCHECK_H

#include "checks/CorolintCheck.h"

namespace corolint {

/// Finds state bound to the current thread used across a suspension point:
/// a `thread_local` used on both sides of a `co_await`, a reference or
/// pointer to one, a thread id, or an object bound to the thread that made
/// it, kept across it (also into the next iteration of a loop). See
/// docs/checks/coro-thread-affinity.md.
class ThreadAffinityCheck : public CorolintCheck {
public:
  ThreadAffinityCheck(llvm::StringRef Name,
                      clang::tidy::ClangTidyContext *Context);
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  const std::string ThreadIdFunctions;
  const std::string SingleThreadCoroutineTypes;
  const std::string ThreadAffineTypes;
  const std::string ThreadLocalAccessors;
  NameList ThreadIds, SingleThreadTypes, AffineTypes, Accessors;
};

} // namespace corolint

#endif // COROLINT_LIB_THREADAFFINITYCHECK_H
