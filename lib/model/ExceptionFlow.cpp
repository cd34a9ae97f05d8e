//===--- ExceptionFlow.cpp ------------------------------------------------===//

#include "model/ExceptionFlow.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace corolint {

/// Callees nested deeper than this are not read: they count as throwing.
static constexpr unsigned MaxCalleeDepth = 4;

/// True if \p F is declared not to throw. An exception specification not
/// yet computed (an implicit member nobody asked about) counts as one only
/// for trivial members and destructors (implicitly `noexcept`).
static bool declaredNothrow(const FunctionDecl *F) {
  if (!F)
    return false;
  const auto *Proto = F->getType()->getAs<FunctionProtoType>();
  if (!Proto)
    return false;
  if (isUnresolvedExceptionSpec(Proto->getExceptionSpecType()))
    return F->isTrivial() || isa<CXXDestructorDecl>(F);
  return Proto->isNothrow();
}

/// True if a call of \p F ends the program: it neither returns nor throws
/// (`std::abort`, glog's `~LogMessageFatal`).
static bool endsTheProgram(const FunctionDecl *F) {
  return F && F->isNoReturn() && declaredNothrow(F);
}

/// True if evaluating \p S always ends the program, outside any branch:
/// `LOG(FATAL) << fmt::format(...)`, the failing branch of `CHECK(...)`.
/// What such a report computes cannot lose an exception: the process dies
/// either way.
static bool endsProgram(const Stmt *S) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return false;
  if (const auto *Conditional = dyn_cast<AbstractConditionalOperator>(S))
    return endsProgram(Conditional->getCond());
  if (const auto *Binary = dyn_cast<BinaryOperator>(S);
      Binary && Binary->isLogicalOp())
    return endsProgram(Binary->getLHS());
  if (const auto *Call = dyn_cast<CallExpr>(S);
      Call && endsTheProgram(Call->getDirectCallee()))
    return true;
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(S);
      Bind && endsTheProgram(Bind->getTemporary()->getDestructor()))
    return true;
  return llvm::any_of(S->children(), endsProgram);
}

/// Members of members are read this deep: `Try` holds an `exception_wrapper`
/// in an anonymous union, which holds an `exception_ptr`.
static bool carriesError(QualType T, unsigned MemberDepth) {
  const CXXRecordDecl *Class = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Class)
    return false;
  llvm::StringRef Name =
      Class->getIdentifier() ? Class->getName() : llvm::StringRef();
  if (Name == "error_code" || Name == "exception_ptr")
    return true;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Class);
  if (Spec &&
      llvm::is_contained({"tuple", "pair", "variant", "expected"}, Name)) {
    for (const TemplateArgument &Argument : Spec->getTemplateArgs().asArray()) {
      if (Argument.getKind() == TemplateArgument::Type &&
          carriesError(Argument.getAsType(), MemberDepth))
        return true;
      if (Argument.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument &Element : Argument.pack_elements())
          if (Element.getKind() == TemplateArgument::Type &&
              carriesError(Element.getAsType(), MemberDepth))
            return true;
    }
    return false;
  }
  if (MemberDepth == 0 || !Class->hasDefinition())
    return false;
  return llvm::any_of(Class->fields(), [&](const FieldDecl *Field) {
    return carriesError(Field->getType(), MemberDepth - 1);
  });
}

bool carriesError(QualType T) { return carriesError(T, 3); }

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

/// True if \p E is a value that stands for work: a task, or a callable.
/// True if \p Class or a base declares a promise_type (async_simple's Lazy
/// inherits its own).
static bool hasPromiseType(const CXXRecordDecl &Class) {
  DeclarationName Promise(&Class.getASTContext().Idents.get("promise_type"));
  if (!Class.lookup(Promise).empty())
    return true;
  return llvm::any_of(Class.bases(), [](const CXXBaseSpecifier &Base) {
    const CXXRecordDecl *BaseClass = Base.getType()->getAsCXXRecordDecl();
    return BaseClass && BaseClass->hasDefinition() &&
           hasPromiseType(*BaseClass->getDefinition());
  });
}

static bool isWork(const Expr &E) {
  const CXXRecordDecl *Class =
      E.getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!Class || !Class->hasDefinition())
    return false;
  return Class->isLambda() || hasPromiseType(*Class->getDefinition());
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
  // Awaited work handed to the operation (`co_awaitTry(task)`) has its
  // errors in the value too.
  for (const Expr *Argument : Operation->arguments())
    if (!isErrorToken(*Argument) && !isWork(*Argument) && mayThrow(Argument))
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

bool ExceptionFlow::calleeMayThrow(const FunctionDecl *Callee) const {
  if (!Callee)
    return true;
  if (declaredNothrow(Callee))
    return false;
  // An override nobody sees may throw.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
      Method && Method->isVirtual() && !Method->hasAttr<FinalAttr>() &&
      !Method->getParent()->hasAttr<FinalAttr>())
    return true;
  const FunctionDecl *Definition = nullptr;
  unsigned SkippedBefore = quietBodyReads().WorstCase;
  if (!readableBody(*Callee, Definition, BodyUse::WorstCase)) {
    Provisional = Provisional || quietBodyReads().WorstCase != SkippedBefore;
    return true;
  }
  if (isCoroutine(*Definition))
    return true;
  if (auto Known = CalleeThrows.find(Definition); Known != CalleeThrows.end())
    return Known->second;
  if (CalleeDepth >= MaxCalleeDepth) {
    Provisional = true;
    return true;
  }
  CalleeThrows[Definition] = true;
  bool ProvisionalBefore = std::exchange(Provisional, false);
  ++CalleeDepth;
  bool Throws = mayThrow(Definition->getBody());
  if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(Definition))
    for (const CXXCtorInitializer *Init : Constructor->inits())
      Throws = Throws || mayThrow(Init->getInit());
  --CalleeDepth;
  // An answer that depended on what lay beyond the depth limit, or on a
  // skipped body, may differ when asked again: it is not kept.
  if (Provisional)
    CalleeThrows.erase(Definition);
  else
    CalleeThrows[Definition] = Throws;
  Provisional = Provisional || ProvisionalBefore;
  return Throws;
}

bool ExceptionFlow::mayThrow(const Stmt *S) const {
  if (!S)
    return false;
  if (isa<CXXThrowExpr, CXXDynamicCastExpr, CoyieldExpr, DependentCoawaitExpr>(
          S))
    return true;
  // An allocation in the code judged is its own choice; one inside a callee
  // fails only when memory runs out.
  if (isa<CXXNewExpr>(S) && CalleeDepth == 0)
    return true;
  if (const auto *E = dyn_cast<Expr>(S); E && endsProgram(E))
    return false;
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
      Call && calleeMayThrow(Call->getDirectCallee()))
    return true;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S);
      Construct && calleeMayThrow(Construct->getConstructor()) &&
      !builtFromExecutors(*Construct))
    return true;
  for (const Stmt *Child : S->children())
    if (mayThrow(Child))
      return true;
  return false;
}

bool ExceptionFlow::mayEscape(const FunctionDecl &FD) const {
  const FunctionDecl *Definition = nullptr;
  if (!readableBody(FD, Definition, BodyUse::WorstCase))
    return true;
  return mayThrow(userBody(*Definition));
}

bool ExceptionFlow::workMayThrow(const Expr &Task) const {
  return workMayThrow(Task, 0);
}

/// How many hands work may pass through before it counts as out of sight.
static constexpr unsigned MaxHandOvers = 4;

bool ExceptionFlow::workMayThrow(const Expr &Task, unsigned Depth) const {
  if (Depth > MaxHandOvers)
    return true;
  const Expr *E = stripImplicit(&Task);
  // A task moved out of a local: the work it was made with.
  if (const auto *Local = dyn_cast_or_null<VarDecl>(namedVariable(E));
      Local && Local->isLocalVarDecl() && Local->getInit())
    E = stripImplicit(Local->getInit());
  if (const auto *Copy = dyn_cast<CXXConstructExpr>(E);
      Copy && Copy->getNumArgs() == 1 && isWork(*Copy->getArg(0)))
    return workMayThrow(*Copy->getArg(0), Depth + 1);
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
    return mayEscape(*Lambda->getCallOperator());
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return true;
  const FunctionDecl *Callee = Call->getDirectCallee();
  const FunctionDecl *Definition = nullptr;
  if (Callee && Callee->hasBody(Definition) && isCoroutine(*Definition))
    return mayEscape(*Definition);
  // An ordinary function runs no work of its own in the task it returns:
  // what it throws, it throws to its caller, here.
  llvm::SmallVector<const Expr *, 4> Handed;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    Handed.push_back(Member->getImplicitObjectArgument());
  Handed.append(Call->arg_begin(), Call->arg_end());
  bool HandsWork = false;
  for (const Expr *Argument : Handed) {
    if (!Argument || !isWork(*Argument))
      continue;
    HandsWork = true;
    if (workMayThrow(*Argument, Depth + 1))
      return true;
  }
  return !HandsWork;
}

} // namespace corolint
