//===--- PromiseSwallowsExceptionCheck.cpp ---------------------------------===//

#include "checks/PromiseSwallowsExceptionCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

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
  // Only promise types: they create the coroutine's return object and say
  // how it starts.
  const CXXRecordDecl *Class = Handler->getParent();
  auto Has = [&](llvm::StringRef Name) {
    return !Class->lookup(&Result.Context->Idents.get(Name)).empty();
  };
  if (!Has("get_return_object") || !Has("initial_suspend"))
    return;
  bool Keeps = false;
  forEachOwnStmt(Handler->getBody(), [&](const Stmt &S) {
    if (isa<CXXThrowExpr>(S))
      Keeps = true; // `throw;` rethrows; throwing anything else escapes too.
    // A [[noreturn]] call (assert's failure path, a fatal-error helper)
    // ends the program or throws.
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      Keeps = Keeps || calleeIsListed(*Call, Keeping) ||
              (Call->getDirectCallee() && Call->getDirectCallee()->isNoReturn());
    // Calls through unresolved names in templates: judge by name.
    if (const auto *Lookup = dyn_cast<UnresolvedLookupExpr>(&S))
      for (const NamedDecl *D : Lookup->decls())
        Keeps = Keeps || Keeping.matches(*D);
  });
  if (!Keeps)
    Swallowing.push_back(Handler);
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
