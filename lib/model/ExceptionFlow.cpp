//===--- ExceptionFlow.cpp ------------------------------------------------===//

#include "model/ExceptionFlow.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace corolint {

/// True if \p F is declared not to throw. An exception specification not
/// yet computed (an implicit member nobody asked about) counts as one only
/// for trivial members.
static bool declaredNothrow(const FunctionDecl *F) {
  if (!F)
    return false;
  const auto *Proto = F->getType()->getAs<FunctionProtoType>();
  if (!Proto)
    return false;
  if (isUnresolvedExceptionSpec(Proto->getExceptionSpecType()))
    return F->isTrivial();
  return Proto->isNothrow();
}

bool carriesError(QualType T) {
  const CXXRecordDecl *Class = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Class || !Class->getIdentifier())
    return false;
  if (Class->getName() == "error_code" || Class->getName() == "exception_ptr")
    return true;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Class);
  if (!Spec || !llvm::is_contained({"tuple", "pair", "variant", "expected"},
                                   Class->getName()))
    return false;
  for (const TemplateArgument &Argument : Spec->getTemplateArgs().asArray()) {
    if (Argument.getKind() == TemplateArgument::Type &&
        carriesError(Argument.getAsType()))
      return true;
    if (Argument.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument &Element : Argument.pack_elements())
        if (Element.getKind() == TemplateArgument::Type &&
            carriesError(Element.getAsType()))
          return true;
  }
  return false;
}

bool catchesEverything(const CXXCatchStmt &Handler) {
  if (Handler.getCaughtType().isNull())
    return true;
  const CXXRecordDecl *Class = caughtClass(Handler);
  return Class && Class->getQualifiedNameAsString() == "std::exception";
}

/// The operation a `co_await` starts: `socket.async_read_some(...)`.
static const CallExpr *awaitedCall(const CoawaitExpr &Await) {
  return dyn_cast_or_null<CallExpr>(stripImplicit(Await.getOperand()));
}

bool ExceptionFlow::isErrorToken(const Expr &Argument) const {
  const CXXRecordDecl *Token =
      Argument.getType().getNonReferenceType()->getAsCXXRecordDecl();
  return Token && ErrorTokens.matches(*Token);
}

bool ExceptionFlow::deliversErrorsAsValues(const CoawaitExpr &Await) const {
  if (carriesError(Await.getType()))
    return true;
  const CallExpr *Operation = awaitedCall(Await);
  return Operation &&
         llvm::any_of(Operation->arguments(),
                      [&](const Expr *Argument) { return isErrorToken(*Argument); });
}

bool ExceptionFlow::awaitMayThrow(const CoawaitExpr &Await) const {
  // The awaiter's own members are the framework's; what they report as a
  // value does not throw. The operation's arguments are the caller's code,
  // but for the token that makes errors values.
  if (!deliversErrorsAsValues(Await))
    return true;
  const CallExpr *Operation = awaitedCall(Await);
  if (!Operation)
    return mayThrow(Await.getOperand());
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Operation))
    if (mayThrow(Member->getImplicitObjectArgument()))
      return true;
  for (const Expr *Argument : Operation->arguments())
    if (!isErrorToken(*Argument) && mayThrow(Argument))
      return true;
  return false;
}

bool ExceptionFlow::builtFromExecutors(const CXXConstructExpr &Construct) const {
  if (Construct.getNumArgs() == 0)
    return false;
  for (const Expr *Argument : Construct.arguments()) {
    const CXXRecordDecl *Class =
        Argument->getType().getNonReferenceType()->getAsCXXRecordDecl();
    if (!Class || !Executors.matches(*Class) || mayThrow(Argument))
      return false;
  }
  return true;
}

bool ExceptionFlow::mayThrow(const Stmt *S) const {
  if (!S)
    return false;
  if (isa<CXXThrowExpr, CXXNewExpr, CXXDynamicCastExpr, CoyieldExpr,
          DependentCoawaitExpr>(S))
    return true;
  if (const auto *Await = dyn_cast<CoawaitExpr>(S))
    return awaitMayThrow(*Await);
  // `co_return x;` hands x to the promise: the promise's call is the
  // framework's.
  if (const auto *Return = dyn_cast<CoreturnStmt>(S))
    return mayThrow(Return->getOperand());
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    bool CatchesAll = false;
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
      const CXXCatchStmt &Handler = *Try->getHandler(I);
      bool Throws = false;
      forEachOwnStmt(Handler.getHandlerBlock(), [&](const Stmt &Node) {
        Throws = Throws || isa<CXXThrowExpr>(Node);
      });
      if (Throws)
        return true;
      CatchesAll = CatchesAll || catchesEverything(Handler);
    }
    return !CatchesAll && mayThrow(Try->getTryBlock());
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    for (const Expr *Init : Lambda->capture_inits())
      if (mayThrow(Init))
        return true;
    return false;
  }
  if (isa<BlockExpr>(S))
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S);
      Call && !declaredNothrow(Call->getDirectCallee()))
    return true;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S);
      Construct && !declaredNothrow(Construct->getConstructor()) &&
      !builtFromExecutors(*Construct))
    return true;
  for (const Stmt *Child : S->children())
    if (mayThrow(Child))
      return true;
  return false;
}

bool ExceptionFlow::mayEscape(const FunctionDecl &FD) const {
  const FunctionDecl *Definition = nullptr;
  if (!FD.hasBody(Definition))
    return true;
  return mayThrow(userBody(*Definition));
}

} // namespace corolint
