//===--- Frameworks.h - what corolint knows about coroutine frameworks ----===//
//
// One table, as data: each framework is one entry (Frameworks.def) listing,
// per role, the names of its functions and types that play that role, and a
// few texts for messages and fix-its. Check options take their defaults
// from it; a configuration can add a framework of its own, or names to a
// built-in one, without rebuilding:
//
//   CheckOptions:
//     corolint.Frameworks: 'Acme'
//     corolint.Acme.Namespaces: 'acme'
//     corolint.Acme.SpawnFunctions: 'acme::spawn'
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_LIB_MODEL_FRAMEWORKS_H
#define COROLINT_LIB_MODEL_FRAMEWORKS_H

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace corolint {

/// What a listed name does. Each role is also the name of the check option
/// (local to a check, or global) that overrides its default list.
enum class Role : unsigned {
#define ROLE(Name, Meaning) Name,
#include "model/Roles.def"
};
inline constexpr unsigned NumRoles = 0
#define ROLE(Name, Meaning) +1
#include "model/Roles.def"
    ;

/// The option name of \p R ("SpawnFunctions").
llvm::StringRef roleName(Role R);
/// The role an option name stands for, if any.
std::optional<Role> roleNamed(llvm::StringRef Name);

/// The texts of a framework that are not name lists.
enum class Text : unsigned {
#define TEXT(Name, Meaning) Name,
#include "model/Roles.def"
};
inline constexpr unsigned NumTexts = 0
#define TEXT(Name, Meaning) +1
#include "model/Roles.def"
    ;
llvm::StringRef textName(Text T);

/// One framework: its namespaces, its names per role and its texts.
struct Framework {
  std::string Name;
  /// Outermost first, `::`-separated ("boost::asio"); a declaration belongs
  /// to the framework whose longest namespace encloses it.
  std::vector<std::string> Namespaces;
  std::array<std::string, NumRoles> Names;
  std::array<std::string, NumTexts> Texts;

  llvm::StringRef names(Role R) const { return Names[unsigned(R)]; }
  llvm::StringRef text(Text T) const { return Texts[unsigned(T)]; }
};

/// The built-in frameworks and those a configuration adds or extends.
class FrameworkTable {
public:
  /// The built-in entries only.
  static const FrameworkTable &builtin();

  /// The built-in entries with what \p Options say under `corolint.`:
  /// `corolint.Frameworks` names frameworks to add (or extend, when a name
  /// is a built-in one), `corolint.<Framework>.<Role or Text>` their data.
  /// A key naming no known field is a configuration mistake: its
  /// description is appended to \p Problems.
  static FrameworkTable
  configured(const clang::tidy::ClangTidyOptions::OptionMap &Options,
             std::vector<std::string> &Problems);

  /// Every entry's names for \p R, `;`-separated, in table order.
  std::string names(Role R) const { return names({R}); }
  /// The same for several roles, one after the other.
  std::string names(std::initializer_list<Role> Roles) const;

  /// The framework \p D belongs to by its enclosing namespaces, if known.
  const Framework *frameworkOf(const clang::Decl &D) const;

  const Framework *find(llvm::StringRef Name) const;
  llvm::ArrayRef<Framework> entries() const { return Entries; }

private:
  std::vector<Framework> Entries;
};

} // namespace corolint

#endif // COROLINT_LIB_MODEL_FRAMEWORKS_H
