//===--- ExceptionFlow.h - can an exception leave this code? --------------===//
//
// The question a detached coroutine raises: if nobody receives its
// exceptions, does it have any to lose? Answered from what the code shows:
// calls declared not to throw, awaits whose errors come back as values
// (`as_tuple`, `redirect_error`, error-code results), handlers that catch
// everything and do not rethrow, objects built from an executor alone,
// callees whose bodies are in sight and throw nothing, reports that end the
// program (`LOG(FATAL) << ...`, `CHECK(...)`: the process dies either way).
// Running out of memory is not an error a handler could act on: allocations
// inside callees do not count, explicit `new` in the code judged does.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_MODEL_EXCEPTIONFLOW_H
#define COROLINT_MODEL_EXCEPTIONFLOW_H

#include "model/CoroutineInfo.h"

namespace corolint {

class ExceptionFlow {
public:
  /// \p ErrorTokens: completion-token types that deliver errors as values
  /// (`redirect_error_t`); \p Executors: executor and execution-context
  /// types, from which an I/O object is built without doing any I/O.
  ExceptionFlow(NameList ErrorTokens, NameList Executors)
      : ErrorTokens(std::move(ErrorTokens)), Executors(std::move(Executors)) {}

  /// True if an exception may leave \p S.
  bool mayThrow(const clang::Stmt *S) const;

  /// True if an exception may leave the body of \p FD; also when its body
  /// is not in sight.
  bool mayEscape(const clang::FunctionDecl &FD) const;

  /// True if an exception may leave the work that task expression \p Task
  /// stands for: the coroutine it calls, or, through functions that only
  /// hand work on (`co_withExecutor(ex, task)`, `co_invoke(lambda)`), the
  /// tasks and callables they are given; also when that work is not in
  /// sight.
  bool workMayThrow(const clang::Expr &Task) const;

private:
  bool awaitMayThrow(const clang::CoawaitExpr &Await) const;
  bool deliversErrorsAsValues(const clang::CoawaitExpr &Await) const;
  bool isErrorToken(const clang::Expr &Argument) const;
  bool builtFromExecutors(const clang::CXXConstructExpr &Construct) const;
  bool calleeMayThrow(const clang::FunctionDecl *Callee) const;
  bool workMayThrow(const clang::Expr &Task, unsigned Depth) const;

  NameList ErrorTokens;
  NameList Executors;
  /// Callees judged by their bodies so far; a callee being judged counts
  /// as throwing (recursion).
  mutable llvm::DenseMap<const clang::FunctionDecl *, bool> CalleeThrows;
  /// How deep in callees' bodies the current question is.
  mutable unsigned CalleeDepth = 0;
  /// Whether the current answer rested on what may read otherwise when
  /// asked from nearer or again: the depth limit, or a body skipped as quiet
  /// (noted anew at each ask, see WorstCaseReads). Such answers are not kept.
  mutable bool Provisional = false;
};

/// True if a value of type \p T carries an error instead of throwing it: an
/// `error_code`, an `exception_ptr`, a tuple, pair, variant or expected that
/// holds one, or a class with a member that does (folly's `Try` and
/// `exception_wrapper`).
bool carriesError(clang::QualType T);

/// The classes a handler catches everything with: `...` and `std::exception`
/// (what Asio's examples catch).
bool catchesEverything(const clang::CXXCatchStmt &Handler);

} // namespace corolint

#endif // COROLINT_MODEL_EXCEPTIONFLOW_H
