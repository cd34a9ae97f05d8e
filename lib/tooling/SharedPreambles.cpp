//===--- SharedPreambles.cpp ----------------------------------------------===//

#include "tooling/SharedPreambles.h"
#include "tooling/CompileCommands.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <map>

namespace corolint {

static constexpr llvm::StringLiteral HeaderPrefix = ".corolint-preamble-";

bool isSharedPreambleHeader(llvm::StringRef Path) {
  return llvm::sys::path::filename(Path).starts_with(HeaderPrefix);
}

namespace {

/// The directives a shared preamble may hold: they mean the same in a
/// header as at the top of the file. Not conditionals (they may span the
/// end of the preamble), `#line` (it renumbers the file's own lines),
/// `#include_next` (it searches on from the includer's place).
bool sharable(llvm::StringRef Directive) {
  return llvm::is_contained({"include", "import", "define", "undef", "pragma"},
                            Directive);
}

} // namespace

std::vector<LeadingDirective> leadingDirectives(llvm::StringRef Code) {
  clang::LangOptions LangOpts;
  LangOpts.CPlusPlus = LangOpts.CPlusPlus11 = LangOpts.CPlusPlus20 = true;
  LangOpts.LineComment = true;
  clang::PreambleBounds Bounds = clang::Lexer::ComputePreamble(Code, LangOpts);
  // As ComputePreamble does: a made-up location at offset 1 lets the raw
  // lexer say where each token is.
  const unsigned Start = 1;
  clang::Lexer Raw(clang::SourceLocation::getFromRawEncoding(Start), LangOpts,
                   Code.begin(), Code.begin(), Code.end());
  auto OffsetOf = [&](const clang::Token &T) {
    return T.getLocation().getRawEncoding() - Start;
  };
  std::vector<LeadingDirective> Directives;
  clang::Token T;
  Raw.LexFromRawLexer(T);
  while (T.is(clang::tok::hash) && T.isAtStartOfLine() &&
         OffsetOf(T) < Bounds.Size) {
    unsigned Begin = OffsetOf(T);
    Raw.LexFromRawLexer(T);
    if (!T.is(clang::tok::raw_identifier) || T.isAtStartOfLine() ||
        !sharable(T.getRawIdentifier()))
      break;
    llvm::StringRef Name = T.getRawIdentifier();
    // `#include "x.h"` (or a macro naming it) looks next to the includer
    // first; `#pragma GCC dependency "x"` too.
    bool SearchesFromFile = Name == "include" || Name == "import";
    unsigned LastEnd;
    for (unsigned Token = 0;
         !T.is(clang::tok::eof) && (Token == 0 || !T.isAtStartOfLine());
         ++Token) {
      if (Token == 1 && SearchesFromFile)
        SearchesFromFile = !T.is(clang::tok::less);
      if (Token == 2 && Name == "pragma" && T.is(clang::tok::raw_identifier) &&
          T.getRawIdentifier() == "dependency")
        SearchesFromFile = true;
      LastEnd = OffsetOf(T) + T.getLength();
      Raw.LexFromRawLexer(T);
    }
    // The directive's line must end with it, or with a line comment: the
    // preamble ends at the line's end, and nothing may be cut in two.
    size_t LineEnd = Code.find('\n', LastEnd);
    if (LineEnd == llvm::StringRef::npos)
      break; // A directive without a newline ends the file.
    llvm::StringRef Rest = Code.slice(LastEnd, LineEnd).rtrim("\r").trim();
    if (!Rest.empty() && (!Rest.starts_with("//") || Rest.ends_with("\\")))
      break;
    Directives.push_back({Code.slice(Begin, LineEnd).rtrim("\r").rtrim(),
                          static_cast<unsigned>(LineEnd + 1),
                          SearchesFromFile});
  }
  return Directives;
}

/// The command line (the compiler too: it finds the standard library) without
/// what names this file or its outputs: files that differ only there share a
/// preamble. Empty for a command that
/// includes files of its own before the source (`-include`, a PCH): the
/// shared preamble would come after them, and they would be read twice.
static std::string commandKey(const clang::tooling::CompileCommand &Command) {
  std::string Key = Command.Directory;
  if (!Command.CommandLine.empty())
    Key += '\0' + Command.CommandLine.front();
  std::string File = absolutePathFor(Command, Command.Filename);
  for (size_t I = 1; I < Command.CommandLine.size(); ++I) {
    llvm::StringRef Arg = Command.CommandLine[I];
    if (!Arg.starts_with("-") && absolutePathFor(Command, Arg) == File)
      continue;
    if (Arg.starts_with("-include") || Arg.starts_with("--include") ||
        Arg.starts_with("-imacros") || Arg.starts_with("--imacros"))
      return "";
    if (Arg == "-o" || Arg == "-MF" || Arg == "-MT" || Arg == "-MQ") {
      ++I;
      continue;
    }
    if (Arg.starts_with("-o") || Arg == "-MD" || Arg == "-MMD" ||
        Arg.starts_with("-MF") || Arg.starts_with("-MT") ||
        Arg.starts_with("-MQ"))
      continue;
    Key += '\0';
    Key += Arg;
  }
  return Key;
}

llvm::StringMap<std::shared_ptr<const PreamblePlan>>
planSharedPreambles(const clang::tooling::CompilationDatabase &Compilations,
                    const std::vector<std::string> &Files,
                    llvm::StringRef Directory, unsigned MinimumFiles) {
  struct Candidate {
    std::string File;
    std::string Directory;
    /// Where the command runs.
    std::string WorkingDirectory;
    std::unique_ptr<llvm::MemoryBuffer> Code;
    std::vector<LeadingDirective> Directives;
  };
  // Files that may share a preamble: the same command line, run in the same
  // directory.
  std::map<std::string, std::vector<Candidate>> Groups;
  for (const std::string &File : Files) {
    std::vector<clang::tooling::CompileCommand> Commands =
        Compilations.getCompileCommands(File);
    if (Commands.size() != 1)
      continue;
    llvm::SmallString<256> Dir(
        absolutePathFor(Commands.front(), Commands.front().Filename));
    auto Code = llvm::MemoryBuffer::getFile(Dir);
    if (!Code)
      continue;
    std::vector<LeadingDirective> Directives =
        leadingDirectives((*Code)->getBuffer());
    std::string Command = commandKey(Commands.front());
    if (Directives.empty() || Command.empty())
      continue;
    llvm::sys::path::remove_filename(Dir);
    Groups[Command].push_back({File, std::string(Dir),
                               absolutePathFor(Commands.front(), "."),
                               std::move(*Code), std::move(Directives)});
  }
  llvm::StringMap<std::shared_ptr<const PreamblePlan>> Plan;
  for (auto &[Command, Members] : Groups) {
    // The longest run of leading directives that files have in common, the
    // longest first: a file shares the most it can with the files left.
    size_t Deepest = 0;
    for (const Candidate &C : Members)
      Deepest = std::max(Deepest, C.Directives.size());
    std::vector<bool> Planned(Members.size());
    for (size_t Depth = Deepest; Depth > 0; --Depth) {
      // Directives that look next to the file are shared only by files of one
      // directory, whose header is put there; the others' header goes where
      // the command runs.
      std::map<std::pair<std::string, std::string>, std::vector<size_t>>
          ByBlock;
      for (size_t I = 0; I < Members.size(); ++I) {
        if (Planned[I] || Members[I].Directives.size() < Depth)
          continue;
        std::string Block;
        bool NextToFile = false;
        for (size_t D = 0; D < Depth; ++D) {
          Block += (Members[I].Directives[D].Text + "\n").str();
          NextToFile |= Members[I].Directives[D].SearchesFromFile;
        }
        ByBlock[{NextToFile ? Members[I].Directory : "", Block}].push_back(I);
      }
      for (auto &[Where, Sharing] : ByBlock) {
        if (Sharing.size() < MinimumFiles)
          continue;
        const auto &[FileDirectory, Block] = Where;
        auto Preamble = std::make_shared<PreamblePlan>();
        Preamble->Identity = Command + '\0' + FileDirectory + '\0' + Block;
        std::string Name =
            llvm::utohexstr(llvm::xxh3_64bits(Preamble->Identity));
        Preamble->Representative = Members[Sharing.front()].File;
        llvm::SmallString<256> Header(
            FileDirectory.empty() ? Members[Sharing.front()].WorkingDirectory
                                  : FileDirectory);
        llvm::sys::path::append(Header, HeaderPrefix + Name + ".h");
        Preamble->HeaderPath = std::string(Header);
        Preamble->HeaderText = Block;
        llvm::SmallString<256> PCH(Directory);
        llvm::sys::path::append(PCH, Name + ".pch");
        Preamble->PCHPath = std::string(PCH);
        for (size_t I : Sharing) {
          Preamble->ReplacedBytes[Members[I].File] =
              Members[I].Directives[Depth - 1].End;
          Planned[I] = true;
          Plan[Members[I].File] = Preamble;
        }
      }
    }
  }
  return Plan;
}

void SharedPreamble::waitUnlessFirstWholeParse() {
  std::unique_lock<std::mutex> Guard(BuildLock);
  if (BuildEnded)
    return;
  std::thread::id Self = std::this_thread::get_id();
  if (llvm::find(ParsedWhole, Self) == ParsedWhole.end()) {
    ParsedWhole.push_back(Self);
    return;
  }
  BuildEnd.wait(Guard, [this] { return BuildEnded; });
}

void SharedPreamble::doneWith() {
  if (--Users != 0)
    return;
  // Files parsed whole while it was built may all be done before the build:
  // its result is then kept to the end of the run.
  std::lock_guard<std::mutex> Guard(BuildLock);
  if (BuildEnded)
    Block.PCH.reset();
}

void SharedPreamble::useCached(PrecompiledBlock Kept) {
  Block = std::move(Kept);
  FromCache = true;
  Ready.store(true, std::memory_order_release);
  std::lock_guard<std::mutex> Guard(BuildLock);
  BuildEnded = true;
}

void SharedPreamble::finishBuild(std::optional<PrecompiledBlock> Built) {
  if (Built) {
    Block = std::move(*Built);
    Ready.store(true, std::memory_order_release);
  }
  {
    std::lock_guard<std::mutex> Guard(BuildLock);
    BuildEnded = true;
  }
  BuildEnd.notify_all();
}

} // namespace corolint
