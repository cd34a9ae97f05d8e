//===--- QuietBodies.h - header bodies no check can need --------*- C++ -*-===//
//
// Decides, before the parser reads a function body in a header, from the
// body's raw tokens, whether any check could report in it or read it.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_LIB_TOOLING_QUIETBODIES_H
#define COROLINT_LIB_TOOLING_QUIETBODIES_H

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/AST/Decl.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"

namespace corolint {

/// The unqualified names the checks look for: of every entry of the
/// framework table, as configured, and of every list in the checks' options.
llvm::StringSet<>
namesChecksKnow(const clang::tidy::ClangTidyOptions::OptionMap &Options);

class QuietBodies {
public:
  QuietBodies(clang::Preprocessor &PP, const llvm::StringSet<> &Known)
      : PP(PP), Known(Known) {}

  /// Whether the body of \p D, about to be parsed, is one that no check
  /// reports in or reads: not a member of the coroutine protocol, and naming
  /// (directly or through a macro) no coroutine keyword, no word of the
  /// names the checks know and no function whose body was kept. Unsure (a
  /// body spelled by a macro, preprocessor directives in it): false.
  bool isQuiet(const clang::Decl &D);

private:
  /// Whether the tokens after \p DeclaratorEnd, to the end of the body,
  /// name what a check may need (see isQuiet); also true when the body
  /// cannot be read with certainty.
  bool bodyMayMatter(clang::SourceLocation DeclaratorEnd);
  bool macroMayMatter(const clang::IdentifierInfo &Name, unsigned Depth);
  bool mayMatter(llvm::StringRef Identifier);
  /// Whether \p F's body must be parsed (see isQuiet).
  bool needsBody(const clang::FunctionDecl &F);
  void keep(const clang::FunctionDecl &F);

  clang::Preprocessor &PP;
  const llvm::StringSet<> &Known;
  /// The names of the functions whose bodies were kept: who calls one may
  /// reach what it does.
  llvm::DenseSet<const clang::IdentifierInfo *> Kept;
  /// Per macro: does it matter, and how many bodies were kept when decided.
  llvm::DenseMap<const clang::MacroInfo *, std::pair<bool, size_t>>
      MacroVerdicts;
};

} // namespace corolint

#endif // COROLINT_LIB_TOOLING_QUIETBODIES_H
