//===--- Filters.cpp ------------------------------------------------------===//

#include "tooling/Filters.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using clang::tidy::ClangTidyError;

namespace corolint {

static llvm::StringRef lineText(llvm::StringRef Text, unsigned Offset) {
  Offset = std::min<unsigned>(Offset, Text.size());
  size_t Start = Text.take_front(Offset).rfind('\n');
  Start = Start == llvm::StringRef::npos ? 0 : Start + 1;
  size_t End = Text.find('\n', Offset);
  return Text.slice(Start, End).trim();
}

unsigned lineOf(llvm::StringRef File, unsigned Offset) {
  auto Buffer = llvm::MemoryBuffer::getFile(File);
  if (!Buffer)
    return 0;
  llvm::StringRef Text = (*Buffer)->getBuffer();
  return Text.take_front(std::min<unsigned>(Offset, Text.size())).count('\n') + 1;
}

/// \p File relative to its repository's top directory, with forward
/// slashes; \p File itself outside any repository.
static std::string pathInRepository(llvm::StringRef File) {
  llvm::SmallString<256> Dir(File);
  llvm::sys::path::remove_filename(Dir);
  for (; !Dir.empty(); Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> Git(Dir);
    llvm::sys::path::append(Git, ".git");
    // A directory in a clone, a file in a worktree or submodule.
    if (!llvm::sys::fs::exists(Git))
      continue;
    llvm::StringRef Relative = llvm::StringRef(File).drop_front(Dir.size());
    Relative = Relative.ltrim(llvm::sys::path::get_separator());
    return llvm::sys::path::convert_to_slash(Relative);
  }
  return File.str();
}

std::vector<std::string> baselineKeys(llvm::ArrayRef<ClangTidyError> Findings,
                                      BaselinePaths Paths) {
  llvm::StringMap<std::string> Texts;
  llvm::StringMap<std::string> Names;
  llvm::StringMap<unsigned> Seen;
  std::vector<std::string> Keys;
  for (const ClangTidyError &E : Findings) {
    auto It = Texts.find(E.Message.FilePath);
    if (It == Texts.end()) {
      auto Buffer = llvm::MemoryBuffer::getFile(E.Message.FilePath);
      It = Texts.try_emplace(E.Message.FilePath,
                             Buffer ? (*Buffer)->getBuffer().str() : "")
               .first;
    }
    const std::string &File = E.Message.FilePath;
    auto Name = Names.find(File);
    if (Name == Names.end())
      Name = Names
                 .try_emplace(File, Paths == BaselinePaths::InRepository
                                        ? pathInRepository(File)
                                        : File)
                 .first;
    std::string Key = E.DiagnosticName + "|" + Name->second + "|" +
                      E.Message.Message + "|" +
                      lineText(It->second, E.Message.FileOffset).str();
    unsigned Occurrence = Seen[Key]++;
    Keys.push_back(Key + "|" + std::to_string(Occurrence));
  }
  return Keys;
}

llvm::Error writeBaseline(llvm::ArrayRef<ClangTidyError> Findings,
                          llvm::StringRef Path) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC)
    return llvm::createStringError(EC, "cannot write '%s': %s",
                                   Path.str().c_str(), EC.message().c_str());
  for (const std::string &Key : baselineKeys(Findings))
    OS << Key << "\n";
  return llvm::Error::success();
}

llvm::Error applyBaseline(std::vector<ClangTidyError> &Findings,
                          llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "cannot read '%s': %s",
                                   Path.str().c_str(),
                                   Buffer.getError().message().c_str());
  std::set<std::string> Known;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n', -1, false);
  for (llvm::StringRef Line : Lines)
    Known.insert(Line.rtrim("\r").str());
  // Either naming: a baseline written before paths were relative still
  // applies where it was written.
  std::vector<std::string> Keys = baselineKeys(Findings);
  std::vector<std::string> OldKeys =
      baselineKeys(Findings, BaselinePaths::Absolute);
  std::vector<ClangTidyError> Kept;
  for (size_t I = 0; I < Findings.size(); ++I)
    if (!Known.count(Keys[I]) && !Known.count(OldKeys[I]))
      Kept.push_back(std::move(Findings[I]));
  Findings = std::move(Kept);
  return llvm::Error::success();
}

ChangedLines parseUnifiedDiff(llvm::StringRef Diff, llvm::StringRef Root) {
  return parseUnifiedDiff(Diff, [&](llvm::StringRef Relative) {
    llvm::SmallString<256> Path(Root);
    llvm::sys::path::append(Path, Relative);
    return std::string(Path);
  });
}

ChangedLines parseUnifiedDiff(
    llvm::StringRef Diff,
    llvm::function_ref<std::string(llvm::StringRef Relative)> Resolve) {
  ChangedLines Changed;
  std::string File;
  llvm::SmallVector<llvm::StringRef, 256> Lines;
  Diff.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    if (Line.consume_front("+++ ")) {
      Line = Line.rtrim("\r");
      if (Line == "/dev/null") {
        File.clear();
        continue;
      }
      Line.consume_front("b/");
      llvm::SmallString<256> Path(Resolve(Line));
      llvm::sys::path::remove_dots(Path, true);
      File = std::string(Path);
      continue;
    }
    // @@ -a,b +start,count @@
    if (File.empty() || !Line.consume_front("@@ "))
      continue;
    llvm::StringRef Added = Line.split(' ').second.split(' ').first;
    if (!Added.consume_front("+"))
      continue;
    auto [StartText, CountText] = Added.split(',');
    unsigned Start = 0, Count = 1;
    if (StartText.getAsInteger(10, Start) ||
        (!CountText.empty() && CountText.getAsInteger(10, Count)))
      continue;
    if (Count > 0)
      Changed[File].push_back({Start, Start + Count - 1});
  }
  return Changed;
}

void keepChanged(std::vector<ClangTidyError> &Findings,
                 const ChangedLines &Changed) {
  std::vector<ClangTidyError> Kept;
  for (ClangTidyError &E : Findings) {
    auto It = Changed.find(E.Message.FilePath);
    if (It == Changed.end())
      continue;
    unsigned Line = lineOf(E.Message.FilePath, E.Message.FileOffset);
    if (llvm::any_of(It->second, [&](const std::pair<unsigned, unsigned> &R) {
          return R.first <= Line && Line <= R.second;
        }))
      Kept.push_back(std::move(E));
  }
  Findings = std::move(Kept);
}

void firstErrorPerFile(std::vector<ClangTidyError> &Findings) {
  std::vector<ClangTidyError> Kept;
  llvm::StringMap<bool> HasError;
  for (ClangTidyError &E : Findings) {
    if (E.DiagnosticName == "clang-diagnostic-error") {
      // Findings are sorted by file: keep each build directory's first.
      std::string Key = E.BuildDirectory + "|" + E.Message.FilePath;
      if (HasError[Key])
        continue;
      HasError[Key] = true;
    }
    Kept.push_back(std::move(E));
  }
  Findings = std::move(Kept);
}

} // namespace corolint
