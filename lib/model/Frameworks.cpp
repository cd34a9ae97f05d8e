//===--- Frameworks.cpp - the framework table -----------------------------===//

#include "model/Frameworks.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>

namespace corolint {

static constexpr llvm::StringLiteral RoleNames[] = {
#define ROLE(Name, Meaning) #Name,
#include "model/Roles.def"
};
static constexpr llvm::StringLiteral TextNames[] = {
#define TEXT(Name, Meaning) #Name,
#include "model/Roles.def"
};

llvm::StringRef roleName(Role R) { return RoleNames[unsigned(R)]; }
llvm::StringRef textName(Text T) { return TextNames[unsigned(T)]; }

std::optional<Role> roleNamed(llvm::StringRef Name) {
  for (unsigned I = 0; I < NumRoles; ++I)
    if (RoleNames[I] == Name)
      return Role(I);
  return std::nullopt;
}

static std::optional<Text> textNamed(llvm::StringRef Name) {
  for (unsigned I = 0; I < NumTexts; ++I)
    if (TextNames[I] == Name)
      return Text(I);
  return std::nullopt;
}

/// Appends \p More to the `;`-separated list \p List.
static void append(std::string &List, llvm::StringRef More) {
  if (More.empty())
    return;
  if (!List.empty())
    List += ';';
  List += More;
}

static void addNamespaces(Framework &F, llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  List.split(Parts, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts)
    F.Namespaces.push_back(Part.trim().str());
}

static std::vector<Framework> builtinEntries() {
  std::vector<Framework> Entries;
  auto Entry = [&](llvm::StringRef Name) -> Framework & {
    for (Framework &F : Entries)
      if (F.Name == Name)
        return F;
    llvm_unreachable("NAMES or TEXT before its FRAMEWORK in Frameworks.def");
  };
#define FRAMEWORK(Id, InNamespaces)                                            \
  Entries.emplace_back();                                                      \
  Entries.back().Name = #Id;                                                   \
  addNamespaces(Entries.back(), InNamespaces);
#define NAMES(Id, R, List) append(Entry(#Id).Names[unsigned(Role::R)], List);
#define TEXT(Id, T, Value) Entry(#Id).Texts[unsigned(Text::T)] = Value;
#include "model/Frameworks.def"
#undef FRAMEWORK
#undef NAMES
#undef TEXT
  return Entries;
}

const FrameworkTable &FrameworkTable::builtin() {
  static const FrameworkTable Table = [] {
    FrameworkTable Built;
    Built.Entries = builtinEntries();
    return Built;
  }();
  return Table;
}

FrameworkTable FrameworkTable::configured(
    const clang::tidy::ClangTidyOptions::OptionMap &Options,
    std::vector<std::string> &Problems) {
  FrameworkTable Table = builtin();
  auto Listed = Options.find("corolint.Frameworks");
  if (Listed != Options.end()) {
    llvm::SmallVector<llvm::StringRef, 4> Names;
    llvm::StringRef(Listed->getValue().Value)
        .split(Names, ';', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef Name : Names) {
      Name = Name.trim();
      if (!Table.find(Name)) {
        Table.Entries.emplace_back();
        Table.Entries.back().Name = Name.str();
      }
    }
  }
  for (const auto &Option : Options) {
    llvm::StringRef Key = Option.getKey();
    if (!Key.consume_front("corolint.") || Key == "Frameworks")
      continue;
    auto [Name, Field] = Key.split('.');
    Framework *F = nullptr;
    for (Framework &Entry : Table.Entries)
      if (Entry.Name == Name)
        F = &Entry;
    llvm::StringRef Value = Option.getValue().Value;
    if (!F) {
      Problems.push_back("option 'corolint." + Key.str() +
                         "' names framework '" + Name.str() +
                         "', which is neither built in nor listed in "
                         "'corolint.Frameworks'");
    } else if (Field == "Namespaces") {
      addNamespaces(*F, Value);
    } else if (std::optional<Role> R = roleNamed(Field)) {
      append(F->Names[unsigned(*R)], Value);
    } else if (std::optional<Text> T = textNamed(Field)) {
      F->Texts[unsigned(*T)] = Value.str();
    } else {
      Problems.push_back("option 'corolint." + Key.str() +
                         "': a framework has no field '" + Field.str() + "'");
    }
  }
  return Table;
}

std::string FrameworkTable::names(std::initializer_list<Role> Roles) const {
  std::string List;
  for (Role R : Roles)
    for (const Framework &F : Entries)
      append(List, F.names(R));
  return List;
}

const Framework *FrameworkTable::find(llvm::StringRef Name) const {
  for (const Framework &F : Entries)
    if (F.Name == Name)
      return &F;
  return nullptr;
}

const Framework *FrameworkTable::frameworkOf(const clang::Decl &D) const {
  llvm::SmallVector<llvm::StringRef, 4> Namespaces;
  for (const clang::DeclContext *DC = D.getDeclContext(); DC;
       DC = DC->getParent())
    if (const auto *NS = llvm::dyn_cast<clang::NamespaceDecl>(DC))
      if (NS->getIdentifier())
        Namespaces.push_back(NS->getName());
  std::reverse(Namespaces.begin(), Namespaces.end());
  std::string Enclosing = llvm::join(Namespaces, "::") + "::";
  const Framework *Best = nullptr;
  size_t BestLength = 0;
  for (const Framework &F : Entries)
    for (const std::string &Namespace : F.Namespaces)
      if (Namespace.size() > BestLength &&
          llvm::StringRef(Enclosing).starts_with(Namespace + "::")) {
        Best = &F;
        BestLength = Namespace.size();
      }
  return Best;
}

} // namespace corolint
