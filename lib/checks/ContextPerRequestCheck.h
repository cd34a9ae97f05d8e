//===--- ContextPerRequestCheck.h - coro-context-per-request ----*- C++ -*-===//
//
// Finds expensive, reusable objects (TLS contexts, event loops, HTTP
// clients, curl handles) and connections to the same endpoint made anew for
// every request in a coroutine: in a loop of the coroutine, or in a
// coroutine that a loop starts on every iteration; see
// docs/checks/coro-context-per-request.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_LIB_CHECKS_CONTEXTPERREQUESTCHECK_H
#define COROLINT_LIB_CHECKS_CONTEXTPERREQUESTCHECK_H

#include "checks/CorolintCheck.h"
#include "llvm/ADT/DenseMap.h"

namespace corolint {

/// Finds expensive contexts made per request in coroutines. See
/// docs/checks/coro-context-per-request.md.
class ContextPerRequestCheck : public CorolintCheck {
public:
  ContextPerRequestCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Context);
  // registerMatchers: CorolintCheck's, every function definition outside
  // system headers, bound to "function".
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  /// An expensive object made in a coroutine outside its loops.
  struct Pending {
    const clang::FunctionDecl *Coroutine;
    const clang::Stmt *Made;
    std::string What;
  };
  void walk(const clang::Stmt *S, const clang::Stmt *Loop,
            const clang::FunctionDecl &Function, bool InCoroutine);
  /// What \p S makes that is expensive ('asio::ssl::context'), or empty.
  std::string expensiveObject(const clang::Stmt &S) const;
  void report(const clang::Stmt &Made, llvm::StringRef What,
              const clang::Stmt &Loop, const clang::FunctionDecl *StartedHere);
  void checkConnections(const clang::Stmt &Loop, const clang::Stmt *Body,
                        const clang::ASTContext &Ctx);

  const std::string ExpensiveContextTypes;
  const std::string ExpensiveContextFunctions;
  const std::string ConnectFunctions;
  NameList ContextTypes, ContextFunctions, Connects;
  /// Per coroutine (its pattern's canonical declaration), the first loop
  /// that starts it on every iteration.
  llvm::DenseMap<const clang::FunctionDecl *, const clang::Stmt *>
      StartedInLoop;
  std::vector<Pending> Candidates;
};

} // namespace corolint

#endif // COROLINT_LIB_CHECKS_CONTEXTPERREQUESTCHECK_H
