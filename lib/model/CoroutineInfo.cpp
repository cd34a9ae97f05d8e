//===--- CoroutineInfo.cpp ------------------------------------------------===//

#include "model/CoroutineInfo.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprObjC.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Config/llvm-config.h"
#include <functional>

using namespace clang;

namespace corolint {

NameList::NameList(llvm::StringRef SemicolonSeparated) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  SemicolonSeparated.split(Parts, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (!Part.empty())
      Names.push_back(Part.str());
  }
}

bool NameList::matches(const NamedDecl &D) const {
  return !Names.empty() && matches(D.getQualifiedNameAsString());
}

bool NameList::matches(llvm::StringRef Q, bool CLibraryNames) const {
  for (llvm::StringRef Name : Names) {
    if (Name.consume_front("::")) {
      if (Q == Name && (CLibraryNames || Name.contains("::")))
        return true;
      continue;
    }
    if (Q == Name ||
        (Q.ends_with(Name) && Q.drop_back(Name.size()).ends_with("::")))
      return true;
  }
  return false;
}

/// The class behind \p T, also for a dependent specialisation of a class
/// template (then its pattern), which is what promise types written inside
/// templates look like.
static const CXXRecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (const auto *RD = T->getAsCXXRecordDecl()) {
    if (const CXXRecordDecl *Definition = RD->getDefinition())
      return Definition;
    // A specialisation nothing in this TU needed complete (the promise of a
    // task that is only returned, never awaited here): its template says
    // what it would be.
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      if (const CXXRecordDecl *Pattern =
              Spec->getSpecializedTemplate()->getTemplatedDecl()->getDefinition())
        return Pattern;
    return RD;
  }
  if (const auto *TST = T->getAs<TemplateSpecializationType>())
    if (const auto *TD = dyn_cast_or_null<ClassTemplateDecl>(
            TST->getTemplateName().getAsTemplateDecl()))
      return TD->getTemplatedDecl()->getDefinition();
  return nullptr;
}

/// The class template \p RD was instantiated from, or null.
static const ClassTemplateDecl *templateOf(const CXXRecordDecl &RD) {
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&RD))
    return Spec->getSpecializedTemplate()->getCanonicalDecl();
  if (const ClassTemplateDecl *TD = RD.getDescribedClassTemplate())
    return TD->getCanonicalDecl();
  return nullptr;
}

/// Calls \p Found for every declaration named \p Name in \p RD or its bases.
static void lookupWithBases(const CXXRecordDecl *RD, DeclarationName Name,
                            llvm::function_ref<void(const NamedDecl &)> Found,
                            unsigned Depth = 0) {
  if (!RD || Depth > 16)
    return;
  RD = RD->getDefinition();
  if (!RD)
    return;
  for (const NamedDecl *D : RD->lookup(Name))
    Found(*D);
  for (const CXXBaseSpecifier &Base : RD->bases())
    lookupWithBases(recordOf(Base.getType()), Name, Found, Depth + 1);
}

static bool hasMember(const CXXRecordDecl *RD, DeclarationName Name) {
  bool Any = false;
  lookupWithBases(RD, Name, [&](const NamedDecl &) { Any = true; });
  return Any;
}

static bool hasMember(const CXXRecordDecl *RD, llvm::StringRef Name,
                      const ASTContext &Ctx) {
  return hasMember(RD, DeclarationName(&Ctx.Idents.get(Name)));
}

/// The type a nested `promise_type` names, as a class.
static const CXXRecordDecl *nestedPromise(const CXXRecordDecl *RD,
                                          const ASTContext &Ctx) {
  const CXXRecordDecl *Promise = nullptr;
  lookupWithBases(RD, &Ctx.Idents.get("promise_type"),
                  [&](const NamedDecl &D) {
                    if (Promise)
                      return;
                    if (const auto *TD = dyn_cast<TypeDecl>(&D))
                      Promise = recordOf(Ctx.getTypeDeclType(TD));
                  });
  return Promise;
}

/// True if \p Param (a function parameter's type) accepts objects of class
/// \p RD: the same class, or the same class template.
static bool sameClassOrTemplate(QualType Param, const CXXRecordDecl &RD) {
  const CXXRecordDecl *ParamRD = recordOf(Param);
  if (!ParamRD)
    return false;
  if (ParamRD->getCanonicalDecl() == RD.getCanonicalDecl())
    return true;
  const ClassTemplateDecl *A = templateOf(*ParamRD);
  return A && A == templateOf(RD);
}

/// A free `operator co_await` declared next to \p RD that takes it.
static bool hasFreeCoawait(const CXXRecordDecl &RD, const ASTContext &Ctx) {
  const DeclContext *DC = RD.getDeclContext()->getRedeclContext();
  if (!DC->isFileContext())
    return false;
  DeclarationName Name =
      Ctx.DeclarationNames.getCXXOperatorName(OO_Coawait);
  for (const NamedDecl *D : DC->lookup(Name)) {
    const FunctionDecl *FD = D->getAsFunction();
    if (FD && FD->getNumParams() >= 1 &&
        sameClassOrTemplate(FD->getParamDecl(0)->getType(), RD))
      return true;
  }
  return false;
}

/// What \p FD returns. An `auto` return type stays undeduced until something
/// instantiates the function; corolint skips the bodies of system headers,
/// which may have been the only ones to, so read it off a return statement
/// of the function's pattern (never skipped: Clang keeps the bodies of
/// functions with deduced return types).
static QualType returnedType(const FunctionDecl &FD) {
  QualType T = FD.getReturnType();
  // Inside a template, `auto` counts as deduced (to a dependent type).
  if (!T->getContainedDeducedType() || !T->getContainedDeducedType()
                                            ->getDeducedType()
                                            .isNull())
    return T;
  const FunctionDecl *Pattern = FD.getTemplateInstantiationPattern();
  const Stmt *Body = (Pattern ? Pattern : &FD)->getBody();
  QualType Found;
  llvm::SmallVector<const Stmt *, 16> Work{Body};
  while (!Work.empty() && Found.isNull()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      if (const Expr *Value = Return->getRetValue())
        if (!Value->isTypeDependent())
          Found = Value->IgnoreImplicit()->getType();
      continue;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return Found.isNull() ? T : Found;
}

static CoroutineStart startOfPromise(const CXXRecordDecl *Promise,
                                     const ASTContext &Ctx) {
  CoroutineStart Start = CoroutineStart::Unknown;
  lookupWithBases(Promise, &Ctx.Idents.get("initial_suspend"),
                  [&](const NamedDecl &D) {
                    const FunctionDecl *FD = D.getAsFunction();
                    if (!FD || Start != CoroutineStart::Unknown)
                      return;
                    const CXXRecordDecl *Awaiter =
                        recordOf(returnedType(*FD));
                    if (!Awaiter || !Awaiter->getIdentifier())
                      return;
                    llvm::StringRef Name = Awaiter->getName();
                    if (Name == "suspend_always")
                      Start = CoroutineStart::Lazy;
                    else if (Name == "suspend_never")
                      Start = CoroutineStart::Eager;
                  });
  return Start;
}

static bool takesOnlyOwnHandle(const FunctionDecl &AwaitSuspend);

/// The class `co_await` on a value of class \p RD suspends through: \p RD
/// itself, or what its member or free `operator co_await` returns.
static const CXXRecordDecl *awaiterOf(const CXXRecordDecl &RD,
                                      const ASTContext &Ctx) {
  if (hasMember(&RD, "await_suspend", Ctx))
    return &RD;
  DeclarationName Coawait = Ctx.DeclarationNames.getCXXOperatorName(OO_Coawait);
  const CXXRecordDecl *Awaiter = nullptr;
  auto Consider = [&](const NamedDecl &D) {
    const FunctionDecl *FD = D.getAsFunction();
    if (!Awaiter && FD)
      Awaiter = recordOf(returnedType(*FD));
    // A template's `auto` (Seastar's free operator co_await): the class
    // template its return statement names.
    if (!Awaiter && FD && FD->getBody())
      forEachOwnStmt(FD->getBody(), [&](const Stmt &S) {
        const auto *Return = dyn_cast<ReturnStmt>(&S);
        if (!Awaiter && Return && Return->getRetValue())
          Awaiter = recordOf(Return->getRetValue()->getType());
      });
  };
  lookupWithBases(&RD, Coawait, Consider);
  const DeclContext *DC = RD.getDeclContext()->getRedeclContext();
  if (!Awaiter && DC->isFileContext())
    for (const NamedDecl *D : DC->lookup(Coawait)) {
      const FunctionDecl *FD = D->getAsFunction();
      if (FD && FD->getNumParams() >= 1 &&
          sameClassOrTemplate(FD->getParamDecl(0)->getType(), RD))
        Consider(*D);
    }
  return Awaiter;
}

/// True if awaiting \p RD hands the awaiting coroutine's handle, whatever
/// its promise, to someone who resumes it later: its awaiter's
/// await_suspend takes any coroutine's handle. Such a value may be pending.
static bool awaitSuspendsAnyCoroutine(const CXXRecordDecl &RD,
                                      const ASTContext &Ctx) {
  const CXXRecordDecl *Awaiter = awaiterOf(RD, Ctx);
  bool Any = false;
  lookupWithBases(Awaiter, &Ctx.Idents.get("await_suspend"),
                  [&](const NamedDecl &D) {
                    if (const FunctionDecl *FD = D.getAsFunction())
                      Any = Any || !takesOnlyOwnHandle(*FD);
                  });
  return Any;
}

CoroutineTypes::CoroutineTypes(llvm::StringRef ExtraAwaitables,
                               llvm::StringRef IgnoredTypes)
    : Extra(ExtraAwaitables), Ignored(IgnoredTypes) {}

CoroutineTypeInfo CoroutineTypes::classify(QualType T,
                                           const ASTContext &Ctx) {
  if (T.isNull() || T->isDependentType())
    return {};
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !(RD = RD->getDefinition()))
    return {};
  auto It = Cache.find(RD);
  if (It != Cache.end())
    return It->second;
  CoroutineTypeInfo Info = compute(*RD, Ctx);
  Cache[RD] = Info;
  return Info;
}

CoroutineTypeInfo CoroutineTypes::compute(const CXXRecordDecl &RD,
                                          const ASTContext &Ctx) {
  CoroutineTypeInfo Info;
  if (Ignored.matches(RD))
    return Info;

  bool Structural =
      (hasMember(&RD, "await_ready", Ctx) &&
       hasMember(&RD, "await_suspend", Ctx) &&
       hasMember(&RD, "await_resume", Ctx)) ||
      hasMember(&RD, Ctx.DeclarationNames.getCXXOperatorName(OO_Coawait)) ||
      hasFreeCoawait(RD, Ctx);
  Info.AwaitableByName = !Structural && Extra.matches(RD);
  Info.Awaitable = Structural || Info.AwaitableByName;

  // The compiler asks std::coroutine_traits<R, ...>::promise_type, which
  // names R::promise_type unless a specialisation says otherwise (Seastar's
  // future names its own, non-coroutine promise there).
  Info.Promise = promiseFromCoroutineTraits(RD, Ctx);
  if (!Info.Promise)
    Info.Promise = nestedPromise(&RD, Ctx);
  if (Structural)
    Info.AwaitSuspendsAnyCoroutine = awaitSuspendsAnyCoroutine(RD, Ctx);
  Info.CoroutineReturn = Info.Promise || RD.hasAttr<CoroReturnTypeAttr>();
  if (Info.Promise)
    Info.Start = startOfPromise(Info.Promise, Ctx);
  return Info;
}

/// The type of class \p RD (LLVM 22 renamed how to ask for it).
static QualType recordType(const CXXRecordDecl &RD, const ASTContext &Ctx) {
#if LLVM_VERSION_MAJOR >= 22
  return Ctx.getCanonicalTagType(&RD);
#else
  return Ctx.getRecordType(&RD);
#endif
}

/// True if \p Actual is an instance of \p Pattern, a partial
/// specialisation's argument (`coroutine_handle<post_promise<T>>` covers
/// `coroutine_handle<post_promise<int>>`, not `coroutine_handle<void>`): the
/// deduction Sema would do, for class template arguments.
static bool instanceOfPattern(QualType Pattern, QualType Actual,
                              unsigned Depth = 0) {
  Pattern = Pattern.getCanonicalType();
  Actual = Actual.getCanonicalType();
  if (Depth > 8 || isa<TemplateTypeParmType>(Pattern.getTypePtr()))
    return true;
  if (const auto *Written =
          dyn_cast<TemplateSpecializationType>(Pattern.getTypePtr())) {
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        Actual->getAsCXXRecordDecl());
    const TemplateDecl *Template =
        Written->getTemplateName().getAsTemplateDecl();
    if (!Spec || !Template ||
        Template->getCanonicalDecl() !=
            Spec->getSpecializedTemplate()->getCanonicalDecl())
      return false;
    llvm::ArrayRef<TemplateArgument> Wanted = Written->template_arguments();
    const TemplateArgumentList &Given = Spec->getTemplateArgs();
    for (unsigned I = 0; I < Wanted.size() && I < Given.size(); ++I)
      if (Wanted[I].getKind() == TemplateArgument::Type &&
          Given[I].getKind() == TemplateArgument::Type &&
          !instanceOfPattern(Wanted[I].getAsType(), Given[I].getAsType(),
                             Depth + 1))
        return false;
    return true;
  }
  return Pattern->isDependentType() || Pattern == Actual;
}

/// Frameworks such as Asio have no nested promise_type and specialise
/// std::coroutine_traits instead; find the specialisation that covers \p RD.
const CXXRecordDecl *
CoroutineTypes::promiseFromCoroutineTraits(const CXXRecordDecl &RD,
                                           const ASTContext &Ctx) {
  if (!LookedUpTraits) {
    LookedUpTraits = true;
    auto Lookup = [&](const DeclContext *DC,
                      llvm::StringRef Name) -> const NamedDecl * {
      if (!DC)
        return nullptr;
      auto Result = DC->lookup(&Ctx.Idents.get(Name));
      return Result.empty() ? nullptr : Result.front();
    };
    const auto *Std = dyn_cast_or_null<NamespaceDecl>(
        Lookup(Ctx.getTranslationUnitDecl(), "std"));
    for (const DeclContext *DC :
         {static_cast<const DeclContext *>(Std),
          static_cast<const DeclContext *>(dyn_cast_or_null<NamespaceDecl>(
              Std ? Lookup(Std, "__1") : nullptr)),
          static_cast<const DeclContext *>(dyn_cast_or_null<NamespaceDecl>(
              Std ? Lookup(Std, "experimental") : nullptr))}) {
      if ((CoroutineTraits = dyn_cast_or_null<ClassTemplateDecl>(
               Lookup(DC, "coroutine_traits"))))
        break;
    }
  }
  if (!CoroutineTraits)
    return nullptr;

  auto PromiseOf = [&](const CXXRecordDecl *Traits) {
    return nestedPromise(Traits, Ctx);
  };
  auto FirstArg = [](const TemplateArgumentList &Args) -> QualType {
    if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
      return {};
    return Args[0].getAsType();
  };

  for (const ClassTemplateSpecializationDecl *Spec :
       CoroutineTraits->specializations()) {
    QualType Arg = FirstArg(Spec->getTemplateArgs());
    if (!Arg.isNull() && recordOf(Arg) == &RD)
      if (const CXXRecordDecl *Promise = PromiseOf(Spec))
        return Promise;
  }
  llvm::SmallVector<ClassTemplatePartialSpecializationDecl *, 4> Partials;
  const_cast<ClassTemplateDecl *>(CoroutineTraits)
      ->getPartialSpecializations(Partials);
  const ClassTemplateDecl *Template = templateOf(RD);
  for (const ClassTemplatePartialSpecializationDecl *Partial : Partials) {
    QualType Arg = FirstArg(Partial->getTemplateArgs());
    const CXXRecordDecl *ArgRD = recordOf(Arg);
    bool Covers =
        isa<ClassTemplateSpecializationDecl>(RD)
            ? !Arg.isNull() &&
                  instanceOfPattern(Arg, recordType(RD, Ctx))
            : ArgRD && Template && templateOf(*ArgRD) == Template;
    if (Covers)
      if (const CXXRecordDecl *Promise = PromiseOf(Partial))
        return Promise;
  }
  return nullptr;
}

bool CoroutineTypes::promiseAccepts(const CXXRecordDecl *Promise, QualType T,
                                    bool NeedsTransform,
                                    const ASTContext &Ctx) {
  const CXXRecordDecl *Awaited = recordOf(T);
  if (!Promise || !Awaited)
    return !NeedsTransform;
  bool HasTransform = false;
  bool Accepts = false;
  lookupWithBases(
      Promise, &Ctx.Idents.get("await_transform"), [&](const NamedDecl &D) {
        HasTransform = true;
        const FunctionDecl *FD = D.getAsFunction();
        if (!FD || FD->getNumParams() == 0 || Accepts)
          return;
        QualType Param = FD->getParamDecl(0)->getType().getNonReferenceType();
        if (sameClassOrTemplate(Param, *Awaited)) {
          Accepts = true;
          return;
        }
        // A lone unconstrained template parameter takes anything; one with
        // an enable_if-style second parameter or a requires-clause may not.
        const FunctionTemplateDecl *FTD = FD->getDescribedFunctionTemplate();
        if (FTD && FD->getNumParams() == 1 &&
            Param->getAs<TemplateTypeParmType>() &&
            !FTD->getTemplateParameters()->getRequiresClause() &&
            !FD->getTrailingRequiresClause())
          Accepts = true;
      });
  return HasTransform ? Accepts : !NeedsTransform;
}

clang::ast_matchers::DeclarationMatcher functionDefinitions() {
  using namespace clang::ast_matchers;
  return functionDecl(isDefinition(), unless(isExpansionInSystemHeader()))
      .bind("function");
}

/// True if the awaiter method \p Name of \p Promise returns a
/// `suspend_never`-like awaiter.
static bool neverSuspends(const CXXRecordDecl &Promise, llvm::StringRef Name) {
  bool Never = false;
  lookupWithBases(&Promise, &Promise.getASTContext().Idents.get(Name),
                  [&](const NamedDecl &D) {
                    const auto *Method = dyn_cast<CXXMethodDecl>(&D);
                    const CXXRecordDecl *Awaiter =
                        Method ? Method->getReturnType()->getAsCXXRecordDecl()
                               : nullptr;
                    Never = Never || (Awaiter && Awaiter->getIdentifier() &&
                                      Awaiter->getName() == "suspend_never");
                  });
  return Never;
}

/// True if the awaiter of \p Suspend takes only a handle of a specific
/// promise (`coroutine_handle<result_promise<U>>`), not any handle or a
/// template parameter's: it cannot pass the coroutine to a scheduler.
static bool resumesOnlyItsOwnKind(const CoroutineSuspendExpr &Suspend) {
  const CXXMemberCallExpr *Call = nullptr;
  std::function<void(const Stmt *)> Find = [&](const Stmt *S) {
    if (!S || Call)
      return;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S);
        Member && Member->getMethodDecl() &&
        Member->getMethodDecl()->getIdentifier() &&
        Member->getMethodDecl()->getName() == "await_suspend")
      Call = Member;
    for (const Stmt *Child : S->children())
      Find(Child);
  };
  Find(Suspend.getSuspendExpr());
  if (!Call)
    return false;
  return takesOnlyOwnHandle(*Call->getMethodDecl());
}

/// True if \p AwaitSuspend takes only a handle of a specific promise
/// (`coroutine_handle<result_promise<U>>`), not any handle or a template
/// parameter's.
static bool takesOnlyOwnHandle(const FunctionDecl &AwaitSuspend) {
  const FunctionDecl *Method = &AwaitSuspend;
  if (const FunctionDecl *Pattern = Method->getTemplateInstantiationPattern())
    Method = Pattern;
  if (Method->getNumParams() != 1)
    return false;
  QualType Handle = Method->getParamDecl(0)->getType().getNonReferenceType();
  llvm::ArrayRef<TemplateArgument> Arguments;
  const auto *Written = Handle->getAs<TemplateSpecializationType>();
  // `result_promise_handle<U>` names `coroutine_handle<result_promise<U>>`.
  while (Written && Written->isTypeAlias())
    Written = Written->getAliasedType()->getAs<TemplateSpecializationType>();
  if (Written)
    Arguments = Written->template_arguments();
  else if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
               Handle->getAsCXXRecordDecl()))
    Arguments = Spec->getTemplateArgs().asArray();
  if (Arguments.size() != 1 || Arguments[0].getKind() != TemplateArgument::Type)
    return false;
  QualType Promise = Arguments[0].getAsType();
  return !Promise->isVoidType() &&
         !isa<TemplateTypeParmType>(Promise.getCanonicalType().getTypePtr());
}

bool yieldsExceptionPtr(const Expr *E) {
  E = stripImplicit(E);
  // Through copies and one-argument wrappers: `wrapper{current_exception()}`.
  while (true) {
    if (const auto *Copy = dyn_cast_or_null<CXXConstructExpr>(E)) {
      if (Copy->getNumArgs() != 1)
        return false;
      E = stripImplicit(Copy->getArg(0));
    } else if (const auto *List = dyn_cast_or_null<InitListExpr>(E);
               List && List->getNumInits() == 1) {
      E = stripImplicit(List->getInit(0));
    } else if (const auto *Cast = dyn_cast_or_null<CXXFunctionalCastExpr>(E)) {
      E = stripImplicit(Cast->getSubExpr());
    } else {
      break;
    }
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  const CXXRecordDecl *Type =
      Call ? Call->getType()->getAsCXXRecordDecl() : nullptr;
  // libstdc++ declares it as std::__exception_ptr::exception_ptr.
  return Type && Type->getIdentifier() && Type->getName() == "exception_ptr" &&
         llvm::StringRef(Type->getQualifiedNameAsString()).starts_with("std::");
}

bool promiseNeverSuspends(const CXXRecordDecl &Promise) {
  return neverSuspends(Promise, "initial_suspend") &&
         neverSuspends(Promise, "final_suspend");
}

const FunctionDecl *definitionInSight(const FunctionDecl &F) {
  const FunctionDecl *Definition = nullptr;
  if (!F.hasBody(Definition) || !Definition)
    return nullptr;
  const SourceManager &SM = Definition->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(Definition->getLocation())))
    return nullptr;
  return Definition;
}

/// True if a body of \p F, or of the template it was instantiated from, was
/// skipped outside the system headers.
static bool bodySkippedAsQuiet(const FunctionDecl &F) {
  const SourceManager &SM = F.getASTContext().getSourceManager();
  for (const FunctionDecl *Candidate :
       {&F, static_cast<const FunctionDecl *>(
                F.getTemplateInstantiationPattern(/*ForDefinition=*/false))}) {
    if (!Candidate)
      continue;
    for (const FunctionDecl *Redecl : Candidate->redecls())
      if (Redecl->hasSkippedBody() &&
          !SM.isInSystemHeader(SM.getExpansionLoc(Redecl->getLocation())))
        return true;
  }
  return false;
}

QuietBodyReads &quietBodyReads() {
  static thread_local QuietBodyReads Reads;
  return Reads;
}

/// Notes that a check wanted the body of \p F, in vain if it was skipped.
static void noteWanted(const FunctionDecl &F, BodyUse Use) {
  if (!bodySkippedAsQuiet(F))
    return;
  switch (Use) {
  case BodyUse::WorstCase:
    ++quietBodyReads().WorstCase;
    break;
  case BodyUse::Everything:
    ++quietBodyReads().Read;
    break;
  }
}

bool readableBody(const FunctionDecl &F, const FunctionDecl *&Definition,
                  BodyUse Use) {
  if (F.hasBody(Definition))
    return true;
  noteWanted(F, Use);
  return false;
}

const FunctionDecl *definitionToRead(const FunctionDecl &F, BodyUse Use) {
  const FunctionDecl *Definition = definitionInSight(F);
  if (!Definition)
    noteWanted(F, Use);
  return Definition;
}

bool isOrdinaryFunction(const FunctionDecl &F) {
  if (const FunctionDecl *Definition = definitionInSight(F))
    return !isCoroutine(*Definition);
  return bodySkippedAsQuiet(F);
}

bool completesWithinCall(const FunctionDecl &Callee) {
  const FunctionDecl *Definition = nullptr;
  if (!Callee.hasBody(Definition) || !isCoroutine(*Definition))
    return false;
  const CXXRecordDecl *Promise = promiseOf(*Definition);
  if (!Promise || !neverSuspends(*Promise, "initial_suspend") ||
      !neverSuspends(*Promise, "final_suspend"))
    return false;
  bool MaySuspend = false;
  forEachOwnStmt(userBody(*Definition), [&](const Stmt &S) {
    if (isa<CoyieldExpr, DependentCoawaitExpr>(S))
      MaySuspend = true;
    else if (const auto *Await = dyn_cast<CoawaitExpr>(&S))
      MaySuspend = MaySuspend || !resumesOnlyItsOwnKind(*Await);
  });
  return !MaySuspend;
}

/// True if \p Condition asks whether a coroutine is `done()`.
static bool asksDone(const Stmt *Condition) {
  bool Asks = false;
  forEachOwnStmt(Condition, [&](const Stmt &S) {
    DeclarationName Name;
    if (const auto *Member = dyn_cast<MemberExpr>(&S))
      Name = Member->getMemberDecl()->getDeclName();
    else if (const auto *Dependent = dyn_cast<CXXDependentScopeMemberExpr>(&S))
      Name = Dependent->getMember();
    const IdentifierInfo *Identifier = Name.getAsIdentifierInfo();
    Asks = Asks || (Identifier && Identifier->getName() == "done");
  });
  return Asks;
}

bool waitsBeforeReturning(const FunctionDecl &Callee, const NameList &Waits) {
  const FunctionDecl *Definition = nullptr;
  if (!Callee.hasBody(Definition) || isCoroutine(*Definition))
    return false;
  bool Waited = false;
  forEachOwnStmt(Definition->getBody(), [&](const Stmt &S) {
    if (Waited)
      return;
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      Waited = calleeIsListed(*Call, Waits);
    else if (const auto *While = dyn_cast<WhileStmt>(&S))
      Waited = asksDone(While->getCond());
    else if (const auto *Do = dyn_cast<DoStmt>(&S))
      Waited = asksDone(Do->getCond());
    else if (const auto *For = dyn_cast<ForStmt>(&S))
      Waited = asksDone(For->getCond());
  });
  return Waited;
}

const Stmt *userBody(const FunctionDecl &FD) {
  const Stmt *Body = FD.getBody();
  if (const auto *Coro = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    return Coro->getBody();
  return Body;
}

const LambdaExpr *lambdaInvokedOnTheSpot(const Stmt &S) {
  const auto *Call = dyn_cast<CXXOperatorCallExpr>(&S);
  if (!Call || Call->getOperator() != OO_Call || Call->getNumArgs() == 0)
    return nullptr;
  return dyn_cast<LambdaExpr>(stripImplicit(Call->getArg(0)));
}

static void walkOwn(const Stmt *S, LambdasInvokedOnTheSpot Lambdas,
                    llvm::function_ref<void(const Stmt &)> Visit) {
  if (!S)
    return;
  Visit(*S);
  if (Lambdas == LambdasInvokedOnTheSpot::Include)
    if (const LambdaExpr *Invoked = lambdaInvokedOnTheSpot(*S))
      walkOwn(Invoked->getBody(), Lambdas, Visit);
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    for (const Expr *Init : Lambda->capture_inits())
      walkOwn(Init, Lambdas, Visit);
    return;
  }
  if (isa<BlockExpr>(S))
    return;
  for (const Stmt *Child : S->children())
    walkOwn(Child, Lambdas, Visit);
}

void forEachOwnStmt(const Stmt *Body,
                    llvm::function_ref<void(const Stmt &)> Visit,
                    LambdasInvokedOnTheSpot Lambdas) {
  walkOwn(Body, Lambdas, Visit);
}

bool isCoroutine(const FunctionDecl &FD) {
  const Stmt *Body = FD.getBody();
  if (!Body)
    return false;
  if (isa<CoroutineBodyStmt>(Body))
    return true;
  // Templates that were never instantiated keep a plain body.
  bool Found = false;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    Found = Found || isa<CoroutineSuspendExpr, DependentCoawaitExpr,
                         CoreturnStmt>(S);
  });
  return Found;
}

const CXXRecordDecl *promiseOf(const FunctionDecl &FD) {
  const auto *Coro = dyn_cast_or_null<CoroutineBodyStmt>(FD.getBody());
  if (!Coro || !Coro->getPromiseDecl())
    return nullptr;
  return recordOf(Coro->getPromiseDecl()->getType());
}

llvm::SmallVector<const Expr *, 4> discardedSubExprs(const Stmt &S) {
  llvm::SmallVector<const Expr *, 4> Out;
  auto Add = [&](const Stmt *Sub) {
    if (const auto *E = dyn_cast_or_null<Expr>(Sub))
      Out.push_back(E);
  };
  if (const auto *Compound = dyn_cast<CompoundStmt>(&S)) {
    for (const Stmt *Child : Compound->body())
      Add(Child);
  } else if (const auto *If = dyn_cast<IfStmt>(&S)) {
    Add(If->getThen());
    Add(If->getElse());
  } else if (const auto *For = dyn_cast<ForStmt>(&S)) {
    Add(For->getInc());
    Add(For->getBody());
  } else if (const auto *While = dyn_cast<WhileStmt>(&S)) {
    Add(While->getBody());
  } else if (const auto *Do = dyn_cast<DoStmt>(&S)) {
    Add(Do->getBody());
  } else if (const auto *Range = dyn_cast<CXXForRangeStmt>(&S)) {
    Add(Range->getBody());
  } else if (const auto *Case = dyn_cast<SwitchCase>(&S)) {
    Add(Case->getSubStmt());
  } else if (const auto *Label = dyn_cast<LabelStmt>(&S)) {
    Add(Label->getSubStmt());
  } else if (const auto *Attributed = dyn_cast<AttributedStmt>(&S)) {
    Add(Attributed->getSubStmt());
  }
  return Out;
}

const Expr *stripImplicit(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParens();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

/// The names a call answers to: `Class::method` for the class that declares
/// the method and for the class of the object it is called on (so that
/// `std::future::wait`, declared in a private base, matches), and the
/// qualified name of a free function.
llvm::SmallVector<std::string, 2> calleeNames(const CallExpr &Call) {
  llvm::SmallVector<std::string, 2> Names;
  // A function object at namespace scope, called by its name: the
  // customization point objects of senders libraries (`stdexec::sync_wait`,
  // `unifex::sync_wait_r<int>`).
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call);
      Op && Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
    if (const auto *Ref =
            dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
      if (const auto *Object = dyn_cast<VarDecl>(Ref->getDecl());
          Object && Object->getIdentifier() && Object->hasGlobalStorage() &&
          !Object->isStaticLocal()) {
        Names.push_back(Object->getQualifiedNameAsString());
        return Names;
      }
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return Names;
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (!Method) {
    Names.push_back(Callee->getQualifiedNameAsString());
    return Names;
  }
  Names.push_back(Method->getParent()->getQualifiedNameAsString() +
                  "::" + Method->getName().str());
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    QualType Type =
        Member->getImplicitObjectArgument()->IgnoreImpCasts()->getType();
    if (Type->isPointerType())
      Type = Type->getPointeeType();
    const CXXRecordDecl *Object = Type->getAsCXXRecordDecl();
    if (Object &&
        Object->getCanonicalDecl() != Method->getParent()->getCanonicalDecl())
      Names.push_back(Object->getQualifiedNameAsString() + "::" +
                      Method->getName().str());
  }
  return Names;
}

/// How a message names the function \p Call calls: qualified, without
/// template arguments, by the class it is called on.
std::string quotedCalleeName(const CallExpr &Call) {
  llvm::SmallVector<std::string, 2> Names = calleeNames(Call);
  return Names.empty() ? std::string("this call") : "'" + Names.back() + "'";
}

bool mayCallCLibrary(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || isa<CXXMethodDecl>(Callee) ||
      !Callee->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return true;
  return Callee->isExternC() ||
         Callee->getASTContext().getSourceManager().isInSystemHeader(
             Callee->getLocation());
}

bool calleeIsListed(const CallExpr &Call, const NameList &Names) {
  bool CLibrary = mayCallCLibrary(Call);
  for (const std::string &Name : calleeNames(Call))
    if (Names.matches(Name, CLibrary))
      return true;
  return false;
}

llvm::SmallVector<std::pair<const ParmVarDecl *, const Expr *>, 4>
argumentsByParameter(const Expr &CallOrConstruct) {
  const FunctionDecl *Callee = nullptr;
  llvm::ArrayRef<const Expr *> Args;
  if (const auto *Call = dyn_cast<CallExpr>(&CallOrConstruct)) {
    Callee = Call->getDirectCallee();
    Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
    // A call operator's object is argument 0 of the operator call.
    if (isa<CXXOperatorCallExpr>(Call) &&
        isa_and_nonnull<CXXMethodDecl>(Callee))
      Args = Args.drop_front();
  } else if (const auto *Construct =
                 dyn_cast<CXXConstructExpr>(&CallOrConstruct)) {
    Callee = Construct->getConstructor();
    Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
  }
  llvm::SmallVector<std::pair<const ParmVarDecl *, const Expr *>, 4> Pairs;
  for (unsigned I = 0; Callee && I < Args.size() && I < Callee->getNumParams();
       ++I)
    Pairs.emplace_back(Callee->getParamDecl(I), Args[I]);
  return Pairs;
}

const ValueDecl *namedVariable(const Expr *E) {
  E = E ? stripImplicit(E) : nullptr;
  if (const auto *Move = dyn_cast_or_null<CallExpr>(E);
      Move && Move->getNumArgs() == 1 && Move->getDirectCallee() &&
      Move->getDirectCallee()->isInStdNamespace() &&
      Move->getDirectCallee()->getIdentifier() &&
      (Move->getDirectCallee()->getName() == "move" ||
       Move->getDirectCallee()->getName() == "forward"))
    E = stripImplicit(Move->getArg(0));
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

unsigned writtenArgumentCount(const CallExpr &Call) {
  unsigned Written = Call.getNumArgs();
  while (Written > 0 && isa<CXXDefaultArgExpr>(Call.getArg(Written - 1)))
    --Written;
  return Written;
}

const CXXRecordDecl *caughtClass(const CXXCatchStmt &Handler) {
  QualType Caught = Handler.getCaughtType();
  return Caught.isNull() ? nullptr
                         : Caught.getNonReferenceType()->getAsCXXRecordDecl();
}

const Stmt *firstSuspensionIn(const Stmt *S) {
  const Stmt *Found = nullptr;
  forEachOwnStmt(S, [&](const Stmt &Node) {
    if (!Found && isa<CoroutineSuspendExpr, DependentCoawaitExpr>(Node))
      Found = &Node;
  });
  return Found;
}

SourceLocation beginOf(const Expr &E) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(&E);
  if (!Op || Op->getNumArgs() == 0)
    return E.getBeginLoc();
  bool PrefixUnary = Op->getNumArgs() == 1 && Op->getOperator() != OO_Call &&
                     Op->getOperator() != OO_Arrow;
  return PrefixUnary ? Op->getOperatorLoc() : beginOf(*Op->getArg(0));
}




bool isMacroStatementWrapper(const DoStmt &Do) {
  return Do.getDoLoc().isMacroID() && Do.getWhileLoc().isMacroID();
}

const Stmt *loopBody(const Stmt &S) {
  if (const auto *Do = dyn_cast<DoStmt>(&S); Do && isMacroStatementWrapper(*Do))
    return nullptr;
  if (const auto *For = dyn_cast<ForStmt>(&S))
    return For->getBody();
  if (const auto *While = dyn_cast<WhileStmt>(&S))
    return While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(&S))
    return Do->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&S))
    return Range->getBody();
  return nullptr;
}

bool callsTemplateArgument(const CallExpr &Call, const FunctionDecl &Caller) {
  const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call);
  return Operator && Operator->getOperator() == OO_Call &&
         Caller.isTemplateInstantiation() &&
         isLambdaCallOperator(Call.getDirectCallee()) &&
         !lambdaInvokedOnTheSpot(Call);
}

bool isLambdaCallOperator(const FunctionDecl *FD) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(FD);
  return Method && Method->getParent()->isLambda();
}

std::string describeCoroutine(const FunctionDecl &Coroutine) {
  if (isLambdaCallOperator(&Coroutine))
    return "lambda coroutine";
  return "coroutine '" + Coroutine.getNameAsString() + "'";
}

std::optional<llvm::StringRef> awaitForbiddenIn(const Stmt &S,
                                                const ASTContext &Context) {
  // The parent map is built once, on first use: logically const.
  ASTContext &Ctx = const_cast<ASTContext &>(Context);
  DynTypedNodeList Parents = Ctx.getParents(S);
  while (!Parents.empty()) {
    const DynTypedNode &Parent = Parents[0];
    if (Parent.get<CXXCatchStmt>())
      return llvm::StringRef("a catch handler");
    if (const auto *Var = Parent.get<VarDecl>())
      if (Var->isStaticLocal() || Var->getTLSKind() != VarDecl::TLS_None)
        return llvm::StringRef("the initializer of a static variable");
    if (Parent.get<FunctionDecl>() || Parent.get<LambdaExpr>() ||
        Parent.get<BlockDecl>())
      return std::nullopt;
    Parents = Ctx.getParents(Parent);
  }
  return std::nullopt;
}

} // namespace corolint
