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

unsigned sharablePreambleSize(llvm::StringRef Code) {
  clang::LangOptions LangOpts;
  LangOpts.CPlusPlus = LangOpts.CPlusPlus11 = LangOpts.CPlusPlus20 = true;
  LangOpts.LineComment = true;
  clang::PreambleBounds Bounds = clang::Lexer::ComputePreamble(Code, LangOpts);
  llvm::StringRef Block = Code.take_front(Bounds.Size);
  // End after the last directive: the comments that follow it often differ
  // from file to file (a file's own header comment), the includes do not.
  unsigned End = 0;
  size_t LineStart = 0;
  while (LineStart < Block.size()) {
    size_t LineEnd = Block.find('\n', LineStart);
    if (LineEnd == llvm::StringRef::npos)
      break; // A directive without a newline ends the file: nothing to skip.
    llvm::StringRef Line = Block.slice(LineStart, LineEnd).trim();
    if (Line.consume_front("#")) {
      llvm::StringRef Name = Line.ltrim();
      if (Name.starts_with("if") || Name.starts_with("el") ||
          Name.starts_with("endif"))
        return 0; // Conditionals may span the end of the block.
      // Continued lines belong to the directive.
      while (Block.slice(LineStart, LineEnd).rtrim("\r").ends_with("\\")) {
        LineStart = LineEnd + 1;
        LineEnd = Block.find('\n', LineStart);
        if (LineEnd == llvm::StringRef::npos)
          return 0;
      }
      End = LineEnd + 1;
    }
    LineStart = LineEnd + 1;
  }
  return End;
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
  struct Group {
    std::vector<std::string> Members;
    std::string Block;
    std::string Directory;
  };
  std::map<std::string, Group> Groups;
  for (const std::string &File : Files) {
    std::vector<clang::tooling::CompileCommand> Commands =
        Compilations.getCompileCommands(File);
    if (Commands.size() != 1)
      continue;
    // The header goes next to the file, wherever the command was run.
    llvm::SmallString<256> Dir(
        absolutePathFor(Commands.front(), Commands.front().Filename));
    auto Code = llvm::MemoryBuffer::getFile(Dir);
    if (!Code)
      continue;
    unsigned Size = sharablePreambleSize((*Code)->getBuffer());
    if (Size == 0)
      continue;
    llvm::sys::path::remove_filename(Dir);
    std::string Block = (*Code)->getBuffer().take_front(Size).str();
    std::string Command = commandKey(Commands.front());
    if (Command.empty())
      continue;
    std::string Key = Command + '\0' + Dir.str().str() + '\0' + Block;
    Group &G = Groups[Key];
    G.Members.push_back(File);
    G.Block = std::move(Block);
    G.Directory = std::string(Dir);
  }
  llvm::StringMap<std::shared_ptr<const PreamblePlan>> Plan;
  for (auto &[Key, G] : Groups) {
    if (G.Members.size() < MinimumFiles)
      continue;
    auto Preamble = std::make_shared<PreamblePlan>();
    Preamble->Identity = Key;
    std::string Name = llvm::utohexstr(llvm::xxh3_64bits(Key));
    Preamble->Representative = G.Members.front();
    llvm::SmallString<256> Header(G.Directory);
    llvm::sys::path::append(Header, HeaderPrefix + Name + ".h");
    Preamble->HeaderPath = std::string(Header);
    Preamble->HeaderText = std::move(G.Block);
    llvm::SmallString<256> PCH(Directory);
    llvm::sys::path::append(PCH, Name + ".pch");
    Preamble->PCHPath = std::string(PCH);
    for (const std::string &File : G.Members)
      Plan[File] = Preamble;
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
