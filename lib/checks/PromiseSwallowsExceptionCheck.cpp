//===--- PromiseSwallowsExceptionCheck.cpp ---------------------------------===//

#include "checks/PromiseSwallowsExceptionCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

// Calling one of these keeps the exception (current_exception, logging
// frameworks that take it), rethrows it, or ends the program.

PromiseSwallowsExceptionCheck::PromiseSwallowsExceptionCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      KeepingFunctions(listOption(Role::KeepingFunctions)),
      Keeping(KeepingFunctions) {}

void PromiseSwallowsExceptionCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      cxxMethodDecl(hasName("unhandled_exception"), isDefinition(),
                    unless(isExpansionInSystemHeader()))
          .bind("handler"),
      this);
  Finder->addMatcher(functionDefinitions(), this);
}

/// The class as written: the template pattern of an instantiated promise.
static const CXXRecordDecl *asWritten(const CXXRecordDecl *Class) {
  if (!Class)
    return nullptr;
  if (const CXXRecordDecl *Pattern = Class->getTemplateInstantiationPattern())
    Class = Pattern;
  return Class->getCanonicalDecl();
}

void PromiseSwallowsExceptionCheck::check(
    const MatchFinder::MatchResult &Result) {
  if (const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function")) {
    if (!isa_and_nonnull<CoroutineBodyStmt>(Function->getBody()))
      return;
    if (const CXXRecordDecl *Promise = asWritten(promiseOf(*Function)))
      UsedBy.try_emplace(Promise, Function);
    return;
  }
  const auto *Handler = Result.Nodes.getNodeAs<CXXMethodDecl>("handler");
  // Judge the handler as written, once: not each instantiation.
  if (Handler->isTemplateInstantiation() ||
      Handler->getParent()->getTemplateInstantiationPattern())
    return;
  // Only promise types, or the part of one that creates the coroutine's
  // return object or says how it starts (concurrencpp composes its
  // promises from such bases).
  const CXXRecordDecl *Class = Handler->getParent();
  auto Has = [&](llvm::StringRef Name) {
    return !Class->lookup(&Result.Context->Idents.get(Name)).empty();
  };
  if (!Has("get_return_object") && !Has("initial_suspend"))
    return;
  if (!keepsException(*Handler, *Result.Context, /*Depth=*/0))
    Swallowing.push_back(Handler);
}

/// The object whose member \p E names, or nullptr; in a template too
/// (`value_->eos_` where `value_` is a `result<T> *`).
static const Expr *memberBase(const Expr *E) {
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getBase();
  if (const auto *Dependent = dyn_cast<CXXDependentScopeMemberExpr>(E))
    return Dependent->isImplicitAccess() ? nullptr : Dependent->getBase();
  return nullptr;
}

/// True if \p E names the promise's own state: `this`, a member of it, or
/// what a member points to (the result object the promise fills in).
static bool isPromiseState(const Expr *E) {
  E = stripImplicit(E);
  if (const auto *Address = dyn_cast<UnaryOperator>(E))
    E = stripImplicit(Address->getSubExpr());
  if (isa<CXXThisExpr>(E))
    return true;
  if (const auto *Dependent = dyn_cast<CXXDependentScopeMemberExpr>(E);
      Dependent && Dependent->isImplicitAccess())
    return true;
  for (const Expr *Base = memberBase(E); Base;
       Base = memberBase(stripImplicit(Base)))
    if (isa<CXXThisExpr>(stripImplicit(Base)))
      return true;
  return false;
}

/// The function \p Call calls; in a template, where the arguments depend
/// on its parameters, the one function the name can mean.
static const FunctionDecl *calleeAsWritten(const CallExpr &Call) {
  if (const FunctionDecl *Callee = Call.getDirectCallee())
    return Callee;
  const auto *Lookup =
      dyn_cast<UnresolvedLookupExpr>(stripImplicit(Call.getCallee()));
  if (!Lookup || Lookup->getNumDecls() != 1)
    return nullptr;
  return dyn_cast<FunctionDecl>((*Lookup->decls_begin())->getUnderlyingDecl());
}

/// The member of the promise's state that \p Call calls in a template,
/// where the member's type, and so the function, is the instantiation's.
static const CXXDependentScopeMemberExpr *
dependentStateCall(const CallExpr &Call) {
  const auto *Member = dyn_cast<CXXDependentScopeMemberExpr>(Call.getCallee());
  return Member && (Member->isImplicitAccess() ||
                    isPromiseState(Member->getBase()))
             ? Member
             : nullptr;
}

bool PromiseSwallowsExceptionCheck::keepsException(const FunctionDecl &Handler,
                                                   const ASTContext &Ctx,
                                                   unsigned Depth) {
  const FunctionDecl *Definition = nullptr;
  if (!readableBody(Handler, Definition))
    return true; // Not visible: nothing to say.
  const SourceManager &SM = Ctx.getSourceManager();
  bool Keeps = false;
  forEachOwnStmt(Definition->getBody(), [&](const Stmt &S) {
    if (Keeps)
      return;
    if (isa<CXXThrowExpr>(S))
      Keeps = true; // `throw;` rethrows; throwing anything else escapes too.
    // Judged as written, whatever NDEBUG says: `assert(false)` ends the
    // program in the builds that test it.
    SourceLocation Loc = S.getBeginLoc();
    if (Loc.isMacroID() &&
        Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts()) == "assert")
      Keeps = true;
    // Calls through unresolved names in templates: judge by name.
    if (const auto *Lookup = dyn_cast<UnresolvedLookupExpr>(&S))
      for (const NamedDecl *D : Lookup->decls())
        Keeps = Keeps || Keeping.matches(*D);
    // The exception as a value, stored into the promise's state.
    if (const auto *Assign = dyn_cast<BinaryOperator>(&S);
        Assign && Assign->isAssignmentOp() && isPromiseState(Assign->getLHS()) &&
        yieldsExceptionPtr(Assign->getRHS()))
      Keeps = true;
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call)
      return;
    // In a template: `inner_.unhandled_exception()` delegates to a handler
    // the instantiation chooses (not in sight, it may keep the exception);
    // `result_->emplaceException(exception_wrapper{current_exception()})`
    // hands the exception to the promise's state.
    if (const CXXDependentScopeMemberExpr *Member = dependentStateCall(*Call)) {
      const IdentifierInfo *Name = Member->getMember().getAsIdentifierInfo();
      if ((Name && Name->getName() == "unhandled_exception") ||
          llvm::any_of(Call->arguments(), yieldsExceptionPtr)) {
        Keeps = true;
        return;
      }
    }
    const FunctionDecl *Callee = calleeAsWritten(*Call);
    // A [[noreturn]] call (assert's failure path, a fatal-error helper)
    // ends the program or throws.
    if (calleeIsListed(*Call, Keeping) || (Callee && Callee->isNoReturn())) {
      Keeps = true;
      return;
    }
    auto Arguments = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
    // The callee may change the promise's state: it gets a member or `this`
    // by non-const reference or pointer, or is a non-const member function
    // called on it.
    bool GetsState = false;
    auto Pairs = argumentsByParameter(*Call);
    if (!Call->getDirectCallee() && Callee)
      for (unsigned I = 0; I < Arguments.size() && I < Callee->getNumParams();
           ++I)
        Pairs.emplace_back(Callee->getParamDecl(I), Arguments[I]);
    for (const auto &[Param, Arg] : Pairs) {
      QualType Type = Param ? Param->getType() : QualType();
      GetsState = GetsState ||
                  (isPromiseState(Arg) && !Type.isNull() &&
                   (Type->isPointerType() || Type->isReferenceType()) &&
                   !Type->getPointeeType().isConstQualified());
    }
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
        Operator && !Arguments.empty() && isPromiseState(Arguments.front()))
      GetsState = true;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      GetsState = GetsState ||
                  (isPromiseState(Member->getImplicitObjectArgument()) &&
                   Member->getMethodDecl() && !Member->getMethodDecl()->isConst());
    // `m_exception = current_exception();` through an operator, or
    // `activate(wrapper_, current_exception())`.
    if (GetsState && llvm::any_of(Arguments, yieldsExceptionPtr)) {
      Keeps = true;
      return;
    }
    if (!Callee)
      return;
    // Delegation to another promise (`inner_.unhandled_exception()`), or to
    // a helper given the promise's state: judged by the callee's body; a
    // body not in sight may keep it.
    bool Delegates = Callee->getIdentifier() &&
                     Callee->getName() == "unhandled_exception";
    if (Delegates || GetsState) {
      const FunctionDecl *Body = nullptr;
      if (!readableBody(*Callee, Body) || Depth >= 3 ||
          keepsException(*Callee, Ctx, Depth + 1))
        Keeps = true;
    }
  });
  return Keeps;
}

void PromiseSwallowsExceptionCheck::onEndOfTranslationUnit() {
  for (const CXXMethodDecl *Handler : Swallowing) {
    const auto *Body = dyn_cast<CompoundStmt>(Handler->getBody());
    diag(Handler->getLocation(),
         "%0 %select{ignores|drops}1 the exception: every coroutine whose "
         "promise is %2 fails silently")
        << Handler << !(Body && Body->body_empty())
        << ("'" + Handler->getParent()->getQualifiedNameAsString() + "'");
    auto User = UsedBy.find(asWritten(Handler->getParent()));
    if (User != UsedBy.end())
      diag(User->second->getLocation(), "%0 is one such coroutine",
           DiagnosticIDs::Note)
          << User->second;
  }
  Swallowing.clear();
  UsedBy.clear();
}

} // namespace corolint
