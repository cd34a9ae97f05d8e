//===--- CorolintCheck.cpp - what every corolint check shares -------------===//

#include "checks/CorolintCheck.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Lex/Lexer.h"

namespace corolint {

static FrameworkTable configuredFrameworks(clang::tidy::ClangTidyContext &Ctx) {
  // Mistakes in the table's options are reported once per run by the
  // front end (validateFrameworkOptions), not by each check.
  std::vector<std::string> Ignored;
  return FrameworkTable::configured(Ctx.getOptions().CheckOptions, Ignored);
}

CorolintCheck::CorolintCheck(llvm::StringRef Name,
                             clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Frameworks(configuredFrameworks(*Context)),
      Types(Options.getLocalOrGlobal(
                "AwaitableTypes",
                Frameworks.names({Role::AwaitableTypes})),
            Options.getLocalOrGlobal("IgnoredAwaitableTypes", "")) {
  DeathTests = NameList(listOption(Role::DeathTestMacros));
}

bool CorolintCheck::inArgumentOf(clang::SourceLocation Loc,
                                 const NameList &Macros) const {
  if (!Sources)
    return false;
  // Up through the macros the location was passed into, to the file.
  while (Loc.isMacroID()) {
    if (Sources->isMacroArgExpansion(Loc) &&
        Macros.matches(clang::Lexer::getImmediateMacroName(Loc, *Sources,
                                                           getLangOpts())))
      return true;
    Loc = Sources->getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

bool CorolintCheck::inExpansionOf(clang::SourceLocation Loc,
                                  const NameList &Macros) const {
  if (!Sources)
    return false;
  while (Loc.isMacroID()) {
    if (Macros.matches(
            clang::Lexer::getImmediateMacroName(Loc, *Sources, getLangOpts())))
      return true;
    Loc = Sources->getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

clang::DiagnosticBuilder CorolintCheck::diag(clang::SourceLocation Loc,
                                             llvm::StringRef Description,
                                             clang::DiagnosticIDs::Level Level) {
  // An ignored diagnostic takes the notes that follow it along.
  if (Level != clang::DiagnosticIDs::Note && inArgumentOf(Loc, DeathTests))
    Level = clang::DiagnosticIDs::Ignored;
  return ClangTidyCheck::diag(Loc, Description, Level);
}

void CorolintCheck::registerMatchers(clang::ast_matchers::MatchFinder *Finder) {
  Finder->addMatcher(functionDefinitions(), this);
}

std::string CorolintCheck::listOption(llvm::StringRef Option,
                                      std::initializer_list<Role> Roles) {
  std::string Value =
      Options.getLocalOrGlobal(Option, Frameworks.names(Roles)).str();
  Stored.emplace_back(Option.str(), Value);
  return Value;
}

std::string CorolintCheck::textOption(llvm::StringRef Option,
                                      llvm::StringRef Default) {
  std::string Value = Options.get(Option, Default).str();
  Stored.emplace_back(Option.str(), Value);
  return Value;
}

void CorolintCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  for (const auto &[Option, Value] : Stored)
    Options.store(Opts, Option, Value);
}

/// True if \p QualifiedName ("asio::cancel_after") names a declaration.
static bool isDeclared(llvm::StringRef QualifiedName,
                       const clang::ASTContext &Ctx) {
  const clang::DeclContext *Scope = Ctx.getTranslationUnitDecl();
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  QualifiedName.split(Parts, "::", -1, /*KeepEmpty=*/false);
  for (size_t I = 0; I < Parts.size(); ++I) {
    clang::IdentifierInfo *Name = &Ctx.Idents.get(Parts[I]);
    auto Found = Scope->lookup(clang::DeclarationName(Name));
    if (Found.empty())
      return false;
    if (I + 1 == Parts.size())
      return true;
    const auto *Next = llvm::dyn_cast<clang::DeclContext>(Found.front());
    if (!Next)
      return false;
    Scope = Next->getPrimaryContext();
  }
  return false;
}

std::optional<clang::FixItHint>
CorolintCheck::includeFor(llvm::StringRef QualifiedName, llvm::StringRef Header,
                          clang::SourceLocation Where,
                          const clang::ASTContext &Ctx) {
  if (Header.empty() || isDeclared(QualifiedName, Ctx))
    return std::nullopt;
  const clang::SourceManager &SM = Ctx.getSourceManager();
  clang::FileID File = SM.getFileID(SM.getExpansionLoc(Where));
  if (!IncludesAdded.insert({File, Header.str()}).second)
    return std::nullopt;
  // After the last `#include` line above \p Where, read from the text: the
  // preprocessor does not see the lines a shared preamble covers.
  llvm::StringRef Text = SM.getBufferData(File);
  unsigned Limit = SM.getFileOffset(SM.getExpansionLoc(Where));
  size_t InsertAt = 0;
  bool Found = false;
  for (size_t Line = 0; Line < Limit && Line < Text.size();) {
    size_t End = Text.find('\n', Line);
    if (End == llvm::StringRef::npos)
      End = Text.size();
    llvm::StringRef Directive = Text.slice(Line, End).ltrim();
    if (Directive.consume_front("#") &&
        Directive.ltrim().starts_with("include")) {
      InsertAt = End;
      Found = true;
    }
    Line = End + 1;
  }
  clang::SourceLocation At =
      SM.getLocForStartOfFile(File).getLocWithOffset(InsertAt);
  return clang::FixItHint::CreateInsertion(
      At, Found ? ("\n#include <" + Header + ">").str()
                : ("#include <" + Header + ">\n").str());
}

bool CorolintCheck::isInstantiated(const clang::Decl &D) {
  for (const clang::DeclContext *DC = llvm::dyn_cast<clang::DeclContext>(&D)
                                          ? llvm::dyn_cast<clang::DeclContext>(&D)
                                          : D.getDeclContext();
       DC; DC = DC->getParent()) {
    if (const auto *FD = llvm::dyn_cast<clang::FunctionDecl>(DC))
      if (FD->isTemplateInstantiation())
        return true;
    if (const auto *RD = llvm::dyn_cast<clang::CXXRecordDecl>(DC))
      if (RD->getTemplateSpecializationKind() ==
              clang::TSK_ImplicitInstantiation ||
          RD->getTemplateSpecializationKind() ==
              clang::TSK_ExplicitInstantiationDefinition)
        return true;
  }
  return false;
}

} // namespace corolint
