//===--- CorolintCheck.h - what every corolint check shares ---------------===//
//
// The base of corolint's checks: the C++20 gate, the function-definition
// matcher, the framework table as the configuration extends it, the type
// model built once from the global options, and the option lists whose
// defaults come from that table (stored back for --dump-config).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_LIB_CHECKS_COROLINTCHECK_H
#define COROLINT_LIB_CHECKS_COROLINTCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "model/CoroutineInfo.h"
#include "model/Frameworks.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include <initializer_list>
#include <set>

namespace corolint {

class CorolintCheck : public clang::tidy::ClangTidyCheck {
public:
  CorolintCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override {
    return LO.CPlusPlus20;
  }
  /// Matches functionDefinitions(), bound to "function".
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void onStartOfTranslationUnit() override {
    Types.reset();
    IncludesAdded.clear();
  }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override {
    Sources = &SM;
  }

protected:
  using ClangTidyCheck::diag;
  /// As ClangTidyCheck::diag, but a warning written in the statement of a
  /// death test (`EXPECT_DEATH(statement, ...)`, DeathTestMacros) is
  /// dropped with its notes: that code is meant to end the process.
  clang::DiagnosticBuilder
  diag(clang::SourceLocation Loc, llvm::StringRef Description,
       clang::DiagnosticIDs::Level Level = clang::DiagnosticIDs::Warning);
  /// True if \p Loc is written in an argument of one of \p Macros.
  bool inArgumentOf(clang::SourceLocation Loc, const NameList &Macros) const;
  /// True if \p Loc is written by one of \p Macros (in its body, at any
  /// depth of expansion).
  bool inExpansionOf(clang::SourceLocation Loc, const NameList &Macros) const;

  /// The list option \p Option: the check's own value, else the global one,
  /// else the framework table's names for \p Roles.
  std::string listOption(llvm::StringRef Option,
                         std::initializer_list<Role> Roles);
  std::string listOption(Role R) { return listOption(roleName(R), {R}); }
  /// A text option with a fixed default, stored like the lists.
  std::string textOption(llvm::StringRef Option, llvm::StringRef Default);
  /// The insertion of `#include <Header>` into the file of \p Where that a
  /// fix-it using \p QualifiedName needs: none if the name is declared in
  /// the translation unit already, or if an earlier fix-it of this check
  /// adds the header to that file.
  std::optional<clang::FixItHint> includeFor(llvm::StringRef QualifiedName,
                                             llvm::StringRef Header,
                                             clang::SourceLocation Where,
                                             const clang::ASTContext &Ctx);
  /// True if \p D is, or is inside, a template instantiation: code whose
  /// meaning depends on template arguments, which a fix-it must not edit.
  static bool isInstantiated(const clang::Decl &D);

  /// Text \p T of the framework \p D belongs to; empty if none says.
  llvm::StringRef frameworkText(const clang::Decl *D, Text T) const {
    const Framework *F = D ? Frameworks.frameworkOf(*D) : nullptr;
    return F ? F->text(T) : llvm::StringRef();
  }

  const FrameworkTable Frameworks;
  /// Awaitable and coroutine types, configured by the global options
  /// AwaitableTypes and IgnoredAwaitableTypes.
  mutable CoroutineTypes Types;

private:
  std::vector<std::pair<std::string, std::string>> Stored;
  NameList DeathTests;
  const clang::SourceManager *Sources = nullptr;
  /// The headers includeFor() added, per file.
  std::set<std::pair<clang::FileID, std::string>> IncludesAdded;
};

} // namespace corolint

#endif // COROLINT_LIB_CHECKS_COROLINTCHECK_H
