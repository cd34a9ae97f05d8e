//===--- CoroutineInfo.h - the questions every corolint check asks -------===//
//
// One place answers "is this type awaitable or a coroutine's return type?",
// "is this body a coroutine?", "which statements belong to this body?" and
// "which framework does this name come from?". Checks ask; they do not
// re-derive.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_LIB_COROUTINEINFO_H
#define COROLINT_LIB_COROUTINEINFO_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace corolint {

/// A list of qualified names from a check option, matched against declarations.
/// "a::b" matches a declaration named a::b or x::a::b; "::a::b" only a::b.
/// "::f" (one name in the global namespace) is a C library function: it
/// matches calls of a function with C linkage or declared in a system
/// header, not a project's own C++ function that happens to be named `connect`.
class NameList {
public:
  NameList() = default;
  explicit NameList(llvm::StringRef SemicolonSeparated);
  bool matches(const clang::NamedDecl &D) const;
  /// With \p CLibraryNames false, "::f" entries do not match.
  bool matches(llvm::StringRef QualifiedName, bool CLibraryNames = true) const;

private:
  std::vector<std::string> Names;
};

/// Whether a coroutine starts running when it is called.
enum class CoroutineStart { Unknown, Lazy, Eager };

/// What a class type means to coroutine code.
struct CoroutineTypeInfo {
  /// `co_await` on a value of this type is meaningful: it has
  /// await_ready/await_suspend/await_resume, an `operator co_await`, or is
  /// listed in the AwaitableTypes option.
  bool Awaitable = false;
  /// Awaitable only because an option lists it: `co_await` compiles only
  /// through a promise's await_transform.
  bool AwaitableByName = false;
  /// Coroutines return it: it has a `promise_type`, a `std::coroutine_traits`
  /// specialisation, or `[[clang::coro_return_type]]`.
  bool CoroutineReturn = false;
  /// For coroutine return types, what `initial_suspend` of the promise says.
  CoroutineStart Start = CoroutineStart::Unknown;
  /// The promise type's class, when it could be found.
  const clang::CXXRecordDecl *Promise = nullptr;
  /// Awaiting it may suspend any coroutine and resume it later: its
  /// awaiter's await_suspend takes any coroutine's handle, not only one of
  /// its own kind. A value of the type may still be pending.
  bool AwaitSuspendsAnyCoroutine = false;
};

/// Classifies types structurally, with results cached per class. One instance
/// per check and translation unit.
class CoroutineTypes {
public:
  CoroutineTypes(llvm::StringRef ExtraAwaitables,
                 llvm::StringRef IgnoredTypes);

  CoroutineTypeInfo classify(clang::QualType T, const clang::ASTContext &Ctx);

  /// True if a coroutine whose promise is \p Promise can `co_await` a value
  /// of type \p T: the promise has no `await_transform`, or one of them takes
  /// T (or any specialisation of T's template, or an unconstrained parameter).
  /// With \p NeedsTransform, only an accepting await_transform will do.
  bool promiseAccepts(const clang::CXXRecordDecl *Promise, clang::QualType T,
                      bool NeedsTransform, const clang::ASTContext &Ctx);

  void reset() {
    Cache.clear();
    CoroutineTraits = nullptr;
    LookedUpTraits = false;
  }

private:
  CoroutineTypeInfo compute(const clang::CXXRecordDecl &RD,
                            const clang::ASTContext &Ctx);
  const clang::CXXRecordDecl *
  promiseFromCoroutineTraits(const clang::CXXRecordDecl &RD,
                             const clang::ASTContext &Ctx);

  NameList Extra;
  NameList Ignored;
  llvm::DenseMap<const clang::CXXRecordDecl *, CoroutineTypeInfo> Cache;
  const clang::ClassTemplateDecl *CoroutineTraits = nullptr;
  bool LookedUpTraits = false;
};

/// What most checks match: every function definition outside system
/// headers (lambdas' call operators included), bound to "function". Each
/// check then walks the body once with forEachOwnStmt.
clang::ast_matchers::DeclarationMatcher functionDefinitions();

/// The body of \p FD as the user wrote it: for a coroutine, the statement
/// inside the implicit CoroutineBodyStmt.
const clang::Stmt *userBody(const clang::FunctionDecl &FD);

/// True if \p FD is a coroutine: its body contains co_await, co_yield or
/// co_return of its own (nested lambdas and local classes do not count).
bool isCoroutine(const clang::FunctionDecl &FD);

/// True if a call of \p Callee has finished the coroutine when it returns:
/// its definition is a coroutine whose promise suspends neither initially
/// nor finally, and which awaits only awaiters that hand it to its own kind
/// of promise (folly's result/Expected/Optional coroutines, `or_unwind`),
/// never to a scheduler that resumes it later. Such a call is a value, not a
/// task: nothing of the caller's can dangle, nothing is left unawaited.
bool completesWithinCall(const clang::FunctionDecl &Callee);

/// The definition of \p F that the model reads, or nullptr: none in a
/// system header, whose bodies the fast path skips (what is known of them is
/// the framework table's), so that findings are the same with it and
/// without it.
const clang::FunctionDecl *definitionInSight(const clang::FunctionDecl &F);

/// What a check reads of a body, beyond the names it calls (a check that
/// looks for those only needs no note: a body naming what the checks know is
/// never skipped): an answer for which a body out of sight gives the worst
/// case, the one the check reports on (whether it can throw: a skipped body
/// matters only if the check then reports, see WorstCaseReads); or anything
/// (what it returns, where a closure goes).
enum class BodyUse { WorstCase, Everything };

/// As F.hasBody(Definition), for a check about to read the body: a body
/// skipped as quiet (tooling/QuietBodies.h) is noted in quietBodyReads.
bool readableBody(const clang::FunctionDecl &F,
                  const clang::FunctionDecl *&Definition,
                  BodyUse Use = BodyUse::Everything);

/// definitionInSight, for a check about to read the body (see readableBody).
const clang::FunctionDecl *definitionToRead(const clang::FunctionDecl &F,
                                            BodyUse Use = BodyUse::Everything);

/// How many bodies skipped as quiet the checks wanted on this thread since
/// the front end that skips them last cleared this; it analyses the file
/// again, whole, if Read is not zero.
struct QuietBodyReads {
  unsigned Read = 0;
  unsigned WorstCase = 0;
};
QuietBodyReads &quietBodyReads();

/// Made before a check asks a question read with BodyUse::WorstCase; told
/// when the check reports on the answer, which a body skipped as quiet may
/// then have decided.
class WorstCaseReads {
public:
  void reported() const {
    if (quietBodyReads().WorstCase != Before)
      ++quietBodyReads().Read;
  }

private:
  unsigned Before = quietBodyReads().WorstCase;
};

/// True if \p F is known to be an ordinary function, not a coroutine: its
/// definition in sight is not one, or its body in a user's header was
/// skipped because it names no coroutine keyword (tooling/QuietBodies.h).
bool isOrdinaryFunction(const clang::FunctionDecl &F);

/// True if \p Callee, an ordinary function whose body is in sight, waits
/// before it returns: it calls one of \p Waits (`p.get_future().wait()`) or
/// loops until a coroutine is done (`while (!promise.done()) drive();`).
/// A task handed to it, or that it is called on, has run to completion
/// when the call returns.
bool waitsBeforeReturning(const clang::FunctionDecl &Callee,
                          const NameList &Waits);

/// True if coroutines with \p Promise suspend neither initially nor finally:
/// an object of their type that an ordinary function returns is a value,
/// not a handle to work that waits to be awaited.
bool promiseNeverSuspends(const clang::CXXRecordDecl &Promise);

/// True if \p E yields an exception as a value: a call returning
/// `std::exception_ptr` (`std::current_exception()`, a framework's own), or
/// a copy of one.
bool yieldsExceptionPtr(const clang::Expr *E);

/// The promise object's class of coroutine \p FD, if known.
const clang::CXXRecordDecl *promiseOf(const clang::FunctionDecl &FD);

/// Whether a lambda called where it is written (`[&] { ... }()`) counts as
/// part of the enclosing body: it runs right there, on the same thread, but
/// it cannot `co_await` for the enclosing coroutine.
enum class LambdasInvokedOnTheSpot { Exclude, Include };

/// The lambda that \p S calls where it is written (`[&] { ... }()`), if any.
const clang::LambdaExpr *lambdaInvokedOnTheSpot(const clang::Stmt &S);

/// Calls \p Visit on every statement that runs as part of \p Body itself,
/// pre-order. Bodies of nested lambdas, blocks and local classes are skipped:
/// they run at another time, maybe on another thread, and are analysed as
/// functions of their own.
void forEachOwnStmt(
    const clang::Stmt *Body, llvm::function_ref<void(const clang::Stmt &)> Visit,
    LambdasInvokedOnTheSpot Lambdas = LambdasInvokedOnTheSpot::Exclude);

/// The statements directly under \p S whose value is discarded: children of
/// a compound statement, bodies of if/loops/labels, the increment of a for.
llvm::SmallVector<const clang::Expr *, 4>
discardedSubExprs(const clang::Stmt &S);

/// Strips implicit nodes and parentheses that do not change what was written.
const clang::Expr *stripImplicit(const clang::Expr *E);

/// The names a call answers to, for matching against option lists:
/// `Class::method` for the class declaring the method and for the class of
/// the object it is called on (`std::future::wait` matches although
/// libstdc++ declares it in a base); the qualified name of a free function.
/// No template arguments anywhere.
llvm::SmallVector<std::string, 2> calleeNames(const clang::CallExpr &Call);

/// The callee as messages name it: `'std::future::get'`, or `this call`.
std::string quotedCalleeName(const clang::CallExpr &Call);

/// False if \p Call calls a C++ function of the project's own in the
/// global namespace: C library names (`::connect`) are not its names.
bool mayCallCLibrary(const clang::CallExpr &Call);

/// True if any of \p Call's names is in \p Names.
bool calleeIsListed(const clang::CallExpr &Call, const NameList &Names);

/// The arguments of a call or a construction, each with the parameter it
/// binds to (none for a member call operator's object, nor for variadic
/// arguments).
llvm::SmallVector<std::pair<const clang::ParmVarDecl *, const clang::Expr *>, 4>
argumentsByParameter(const clang::Expr &CallOrConstruct);

/// The variable, parameter or member \p E names: `x`, `this->m`, `m`, also
/// through `std::move(x)`; nullptr for anything else.
const clang::ValueDecl *namedVariable(const clang::Expr *E);

/// How many arguments of \p Call are written: defaulted ones at the end (an
/// Asio operation's default token, its constraint parameters) are not.
unsigned writtenArgumentCount(const clang::CallExpr &Call);

/// The class a catch handler catches (by value, reference or pointer to
/// it), or nullptr for `catch (...)` and non-class types.
const clang::CXXRecordDecl *caughtClass(const clang::CXXCatchStmt &Handler);

/// The first `co_await`, `co_yield` or dependent await that runs as part of
/// \p S itself (not in nested lambdas), in source order, or nullptr.
const clang::Stmt *firstSuspensionIn(const clang::Stmt *S);

/// Where \p E starts in the source. Clang 22 reports an overloaded
/// operator call (`a || b`, `f(x)` on a lambda) as starting at its operator.
clang::SourceLocation beginOf(const clang::Expr &E);

/// True if \p Do is the `do { ... } while (0)` a macro writes around its
/// statements (Boost.Test's `while (dummy_cond())` too): it runs once.
bool isMacroStatementWrapper(const clang::DoStmt &Do);

/// The body of loop \p S (for, range-for, while, do), or nullptr if \p S
/// is not a loop (a macro's do-while wrapper is none).
const clang::Stmt *loopBody(const clang::Stmt &S);

/// True if \p Call calls a lambda that \p Caller's template arguments chose
/// (`callable(args...)` in a bridge instantiated with the user's lambda:
/// `co_spawn`'s entry point, `cobalt::with`): the lambda's body is the
/// caller's code, searched where it is written, and this call is not one
/// the user wrote.
bool callsTemplateArgument(const clang::CallExpr &Call,
                           const clang::FunctionDecl &Caller);

/// True if \p FD is a lambda's call operator.
bool isLambdaCallOperator(const clang::FunctionDecl *FD);

/// Where \p S sits if `co_await` may not be used there ("a catch handler",
/// "the initializer of a static variable"), or nothing: fix-its that add a
/// `co_await` must not be offered there.
std::optional<llvm::StringRef> awaitForbiddenIn(const clang::Stmt &S,
                                                const clang::ASTContext &Ctx);

/// The note of a check that offers no `co_await` fix-it for that reason;
/// %0 is the place awaitForbiddenIn named.
inline constexpr llvm::StringLiteral AwaitForbiddenNote =
    "no fix-it: 'co_await' cannot be used in %0";

/// How messages name a coroutine: "coroutine 'f'" or "lambda coroutine".
std::string describeCoroutine(const clang::FunctionDecl &Coroutine);

} // namespace corolint

#endif // COROLINT_LIB_COROUTINEINFO_H
