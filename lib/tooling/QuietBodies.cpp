//===--- QuietBodies.cpp --------------------------------------------------===//

#include "tooling/QuietBodies.h"
#include "model/Frameworks.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "llvm/ADT/StringSwitch.h"
#include <algorithm>

using namespace clang;

namespace corolint {

namespace {

bool isCoroutineKeyword(llvm::StringRef Identifier) {
  return Identifier == "co_await" || Identifier == "co_yield" ||
         Identifier == "co_return";
}

bool isCoroutineKeyword(const Token &T) {
  return T.isOneOf(tok::kw_co_await, tok::kw_co_yield, tok::kw_co_return);
}

/// The members the compiler calls on promises and awaiters: the checks read
/// them whatever they contain.
bool isCoroutineProtocol(const FunctionDecl &F) {
  if (F.getOverloadedOperator() == OO_Coawait)
    return true;
  const IdentifierInfo *Name = F.getIdentifier();
  return Name && llvm::StringSwitch<bool>(Name->getName())
                     .Cases("await_ready", "await_suspend", "await_resume",
                            "await_transform", true)
                     .Cases("initial_suspend", "final_suspend",
                            "unhandled_exception", "get_return_object", true)
                     .Cases("get_return_object_on_allocation_failure",
                            "return_value", "return_void", "yield_value", true)
                     .Default(false);
}

/// The unqualified names of a list of the table's (`;` or `,` between
/// entries, `ns::f(args)` in one): what a call in a body spells at least.
void addNames(llvm::StringRef List, llvm::StringSet<> &Names) {
  std::string Separated = List.str();
  std::replace(Separated.begin(), Separated.end(), ',', ';');
  llvm::SmallVector<llvm::StringRef, 16> Entries;
  llvm::StringRef(Separated).split(Entries, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Entry : Entries) {
    Entry =
        Entry.take_until([](char C) { return C == '(' || C == '<'; }).trim();
    size_t Scope = Entry.rfind("::");
    if (Scope != llvm::StringRef::npos)
      Entry = Entry.drop_front(Scope + 2);
    if (!Entry.empty() && isAsciiIdentifierStart(Entry.front()) &&
        llvm::all_of(Entry,
                     [](char C) { return isAsciiIdentifierContinue(C); }))
      Names.insert(Entry);
  }
}

constexpr unsigned MaxMacroDepth = 8;

} // namespace

llvm::StringSet<>
namesChecksKnow(const clang::tidy::ClangTidyOptions::OptionMap &Options) {
  std::vector<std::string> Ignored;
  FrameworkTable Table = FrameworkTable::configured(Options, Ignored);
  llvm::StringSet<> Words;
  for (const Framework &F : Table.entries())
    for (const std::string &Names : F.Names)
      addNames(Names, Words);
  for (const auto &Option : Options)
    addNames(Option.getValue().Value, Words);
  return Words;
}

bool QuietBodies::isQuiet(const Decl &D) {
  const FunctionDecl *F = D.getAsFunction();
  if (!F)
    return false;
  bool Quiet = !needsBody(*F);
  if (!Quiet)
    keep(*F);
  return Quiet;
}

void QuietBodies::keep(const FunctionDecl &F) {
  if (const IdentifierInfo *Name = F.getIdentifier())
    Kept.insert(Name);
  else if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(&F))
    Kept.insert(Constructor->getParent()->getIdentifier());
}

bool QuietBodies::needsBody(const FunctionDecl &F) {
  if (F.getLocation().isMacroID() || isCoroutineProtocol(F))
    return true;
  const SourceManager &SM = PP.getSourceManager();
  return bodyMayMatter(SM.getExpansionRange(F.getEndLoc()).getEnd());
}

bool QuietBodies::bodyMayMatter(SourceLocation DeclaratorEnd) {
  const SourceManager &SM = PP.getSourceManager();
  if (DeclaratorEnd.isInvalid())
    return true;
  auto [File, Offset] = SM.getDecomposedLoc(DeclaratorEnd);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid || Offset >= Buffer.size())
    return true;
  Lexer Raw(SM.getLocForStartOfFile(File), PP.getLangOpts(), Buffer.begin(),
            Buffer.begin() + Offset, Buffer.end());
  Token T;
  Raw.LexFromRawLexer(T); // the declarator's last token
  // Between the declarator and the body: virt-specifiers, a requires-clause;
  // the body begins with `{`, a constructor's `:` or a function-try-block.
  bool InBody = false;
  int Braces = 0, Parens = 0;
  while (true) {
    Raw.LexFromRawLexer(T);
    if (T.is(tok::eof))
      return true;
    if (T.is(tok::hash) && T.isAtStartOfLine())
      return true; // a directive may hide or double the braces
    if (T.is(tok::raw_identifier)) {
      llvm::StringRef Name = T.getRawIdentifier();
      if (!InBody && Name == "try") {
        InBody = true;
        continue;
      }
      if (mayMatter(Name))
        return true;
      continue;
    }
    switch (T.getKind()) {
    case tok::l_paren:
    case tok::l_square:
      ++Parens;
      break;
    case tok::r_paren:
    case tok::r_square:
      --Parens;
      break;
    case tok::colon:
      if (Parens == 0 && Braces == 0)
        InBody = true;
      break;
    case tok::semi:
    case tok::equal:
      if (!InBody && Parens == 0)
        return true; // not a definition we understand
      break;
    case tok::l_brace:
      if (Parens == 0 && Braces == 0)
        InBody = true;
      ++Braces;
      break;
    case tok::r_brace:
      if (--Braces < 0)
        return true;
      if (Braces == 0 && Parens == 0 && InBody) {
        // A member initialiser `m{...}`, or a handler of a function-try-block
        // follows: the body goes on.
        Token Next;
        Raw.LexFromRawLexer(Next);
        if (Next.is(tok::eof))
          return false;
        if (Next.isOneOf(tok::comma, tok::l_brace)) {
          if (Next.is(tok::l_brace))
            ++Braces;
          continue;
        }
        if (Next.is(tok::raw_identifier) && Next.getRawIdentifier() == "catch")
          continue;
        return false;
      }
      break;
    default:
      break;
    }
  }
}

bool QuietBodies::mayMatter(llvm::StringRef Identifier) {
  if (isCoroutineKeyword(Identifier) || Known.contains(Identifier))
    return true;
  auto Entry = PP.getIdentifierTable().find(Identifier);
  if (Entry == PP.getIdentifierTable().end())
    return false; // never seen: neither a macro nor a function
  const IdentifierInfo &Name = *Entry->getValue();
  return Kept.contains(&Name) ||
         (Name.hasMacroDefinition() && macroMayMatter(Name, 0));
}

bool QuietBodies::macroMayMatter(const IdentifierInfo &Name, unsigned Depth) {
  const MacroInfo *Macro = PP.getMacroInfo(&Name);
  if (!Macro)
    return false;
  if (Depth >= MaxMacroDepth)
    return true;
  // A verdict of no stands only until another body is kept.
  auto Cached = MacroVerdicts.find(Macro);
  if (Cached != MacroVerdicts.end() &&
      (Cached->second.first || Cached->second.second == Kept.size()))
    return Cached->second.first;
  MacroVerdicts[Macro] = {false, Kept.size()}; // a macro naming itself
  bool Matters = false;
  for (const Token &T : Macro->tokens()) {
    const IdentifierInfo *Word = T.getIdentifierInfo();
    if (isCoroutineKeyword(T) ||
        (Word &&
         (Known.contains(Word->getName()) || Kept.contains(Word) ||
          (Word->hasMacroDefinition() && macroMayMatter(*Word, Depth + 1))))) {
      Matters = true;
      break;
    }
  }
  MacroVerdicts[Macro] = {Matters, Kept.size()};
  return Matters;
}

} // namespace corolint
