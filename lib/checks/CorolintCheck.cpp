//===--- CorolintCheck.cpp - what every corolint check shares -------------===//

#include "checks/CorolintCheck.h"

namespace corolint {

static FrameworkTable configuredFrameworks(clang::tidy::ClangTidyContext &Ctx) {
  // Mistakes in the table's options are reported once per run by the
  // front end (validateFrameworkOptions), not by each check.
  std::vector<std::string> Ignored;
  return FrameworkTable::configured(Ctx.getOptions().CheckOptions, Ignored);
}

static std::string joinedNames(const FrameworkTable &Table,
                               std::initializer_list<Role> Roles) {
  std::string List;
  for (Role R : Roles) {
    std::string Names = Table.names(R);
    if (!List.empty() && !Names.empty())
      List += ';';
    List += Names;
  }
  return List;
}

CorolintCheck::CorolintCheck(llvm::StringRef Name,
                             clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Frameworks(configuredFrameworks(*Context)),
      Types(Options.getLocalOrGlobal(
                "AwaitableTypes",
                joinedNames(Frameworks, {Role::AwaitableTypes})),
            Options.getLocalOrGlobal("IgnoredAwaitableTypes", "")) {}

void CorolintCheck::registerMatchers(clang::ast_matchers::MatchFinder *Finder) {
  Finder->addMatcher(functionDefinitions(), this);
}

std::string CorolintCheck::listOption(llvm::StringRef Option,
                                      std::initializer_list<Role> Roles) {
  std::string Value =
      Options.getLocalOrGlobal(Option, joinedNames(Frameworks, Roles)).str();
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

} // namespace corolint
