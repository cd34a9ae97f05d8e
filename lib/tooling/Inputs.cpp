//===--- Inputs.cpp - which files a run lints, and which lines changed ----===//

#include "tooling/Inputs.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

using namespace clang;

namespace corolint {

static llvm::Error problem(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// An error message of LLVM's ("Expected array.") as corolint says it.
static std::string asClangSays(llvm::StringRef Message) {
  Message = Message.trim().rtrim('.');
  if (Message.empty())
    return "";
  return llvm::StringRef(Message.substr(0, 1)).lower() +
         Message.substr(1).str();
}

/// The compile commands in \p Dir (compile_commands.json or
/// compile_flags.txt), read as Clang's tools read them. A problem says what
/// is wrong with the file that is there, not only that none was usable.
static llvm::Expected<std::unique_ptr<tooling::CompilationDatabase>>
loadFromDirectory(llvm::StringRef Dir) {
  auto Problem = [&](const llvm::Twine &Why) {
    return problem("cannot read the compilation database in '" + Dir +
                   "': " + Why);
  };
  llvm::SmallString<256> JSON(Dir);
  llvm::sys::path::append(JSON, "compile_commands.json");
  bool HasJSON = llvm::sys::fs::exists(JSON);
  std::string Reason;
  if (auto DB =
          tooling::CompilationDatabase::autoDetectFromDirectory(Dir, Reason)) {
    // Clang's tools would skip every file ("Compile command not found").
    if (HasJSON && DB->getAllCompileCommands().empty())
      return Problem("compile_commands.json lists no compile commands");
    return std::move(DB);
  }
  if (!HasJSON)
    return Problem(
        "neither compile_commands.json nor compile_flags.txt is there");
  // Reason lists every kind of database tried; the JSON parser's own
  // message is the one that matters.
  std::string Why;
  if (!tooling::JSONCompilationDatabase::loadFromFile(
          JSON, Why, tooling::JSONCommandLineSyntax::AutoDetect))
    return Problem("compile_commands.json: " + asClangSays(Why));
  return Problem(asClangSays(Reason));
}

/// The directory whose compile commands apply to \p File: the nearest one
/// above it with a compile_commands.json or compile_flags.txt, or with them
/// in its build/ subdirectory (as clangd looks). Empty if none.
static std::string databaseDirectoryAbove(llvm::StringRef File) {
  llvm::SmallString<256> Dir(File);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  llvm::sys::path::remove_filename(Dir);
  auto HasDatabase = [](llvm::StringRef D) {
    for (llvm::StringRef Name :
         {"compile_commands.json", "compile_flags.txt"}) {
      llvm::SmallString<256> Path(D);
      llvm::sys::path::append(Path, Name);
      if (llvm::sys::fs::exists(Path))
        return true;
    }
    return false;
  };
  for (; !Dir.empty(); Dir = llvm::sys::path::parent_path(Dir)) {
    if (HasDatabase(Dir))
      return std::string(Dir);
    llvm::SmallString<256> Build(Dir);
    llvm::sys::path::append(Build, "build");
    if (HasDatabase(Build))
      return std::string(Build);
  }
  return "";
}

llvm::Expected<std::unique_ptr<tooling::CompilationDatabase>>
loadCompilations(const CommandSource &Source,
                 const std::vector<std::string> &Files) {
  if (Source.HasSeparator)
    return std::make_unique<tooling::FixedCompilationDatabase>(
        ".", Source.CompilerArgs);
  if (!Source.BuildPath.empty()) {
    if (!llvm::sys::fs::is_directory(Source.BuildPath))
      return problem("build directory '" + Source.BuildPath +
                     "' does not exist");
    return loadFromDirectory(Source.BuildPath);
  }
  if (Files.empty())
    return problem("no input files; give source files, or -p <build-dir>");
  std::string Dir = databaseDirectoryAbove(Files.front());
  if (Dir.empty())
    return problem(
        "no compilation database found for '" + Files.front() +
        "'; use -p <build-dir> or give compiler arguments after '--'");
  return loadFromDirectory(Dir);
}

static llvm::Expected<std::vector<llvm::GlobPattern>>
compileGlobs(const std::vector<std::string> &Globs) {
  std::vector<llvm::GlobPattern> Patterns;
  for (const std::string &Glob : Globs) {
    auto Pattern = llvm::GlobPattern::create(Glob);
    if (!Pattern)
      return problem("invalid glob '" + Glob +
                     "': " + llvm::toString(Pattern.takeError()));
    Patterns.push_back(std::move(*Pattern));
  }
  return Patterns;
}

static bool anyMatches(const std::vector<llvm::GlobPattern> &Patterns,
                       llvm::StringRef Path) {
  return llvm::any_of(Patterns,
                      [&](const llvm::GlobPattern &P) { return P.match(Path); });
}

llvm::Expected<std::vector<std::string>>
selectFiles(const std::vector<std::string> &Files,
            const tooling::CompilationDatabase &Database,
            const FileSelection &Selection) {
  std::vector<std::string> Sources = Files;
  if (Sources.empty()) {
    // The database's own order is not stable: lint, and report progress, in
    // path order.
    Sources = Database.getAllFiles();
    llvm::sort(Sources);
  }
  if (Sources.empty())
    return problem("no input files; the compilation database lists none");
  for (const std::string &Source : Sources) {
    if (!llvm::sys::fs::exists(Source))
      return problem("no such file: '" + Source + "'");
    if (!llvm::sys::fs::is_regular_file(Source))
      return problem("'" + Source + "' is not a regular file");
    auto Readable = llvm::sys::fs::openNativeFileForRead(Source);
    if (!Readable)
      return problem("cannot read '" + Source +
                     "': " + llvm::toString(Readable.takeError()));
    llvm::sys::fs::closeFile(*Readable);
  }
  if (!Selection.Include.empty() || !Selection.Exclude.empty()) {
    auto Includes = compileGlobs(Selection.Include);
    if (!Includes)
      return Includes.takeError();
    auto Excludes = compileGlobs(Selection.Exclude);
    if (!Excludes)
      return Excludes.takeError();
    llvm::erase_if(Sources, [&](const std::string &Source) {
      return (!Includes->empty() && !anyMatches(*Includes, Source)) ||
             anyMatches(*Excludes, Source);
    });
    if (Sources.empty())
      return problem("no input files left after --include/--exclude");
  }
  if (!Selection.Shard.empty()) {
    unsigned K = 0, N = 0;
    auto [KText, NText] = llvm::StringRef(Selection.Shard).split('/');
    if (KText.getAsInteger(10, K) || NText.getAsInteger(10, N) || N == 0 ||
        K == 0 || K > N)
      return problem("--shard takes K/N with 1 <= K <= N, not '" +
                     Selection.Shard + "'");
    std::vector<std::string> Mine;
    for (size_t I = 0; I < Sources.size(); ++I)
      if (I % N == K - 1)
        Mine.push_back(Sources[I]);
    Sources = std::move(Mine);
  }
  return Sources;
}

/// Runs git with \p Args; its standard output in \p Out, or the first line
/// of what it said on stderr in \p Error.
static bool runGit(llvm::StringRef Git, llvm::ArrayRef<llvm::StringRef> Args,
                   std::string &Out, std::string *Error = nullptr) {
  llvm::SmallString<128> OutFile, ErrFile;
  if (llvm::sys::fs::createTemporaryFile("corolint-git", "txt", OutFile))
    return false;
  if (llvm::sys::fs::createTemporaryFile("corolint-git", "err", ErrFile)) {
    llvm::sys::fs::remove(OutFile);
    return false;
  }
  std::optional<llvm::StringRef> Redirects[] = {
      std::nullopt, llvm::StringRef(OutFile), llvm::StringRef(ErrFile)};
  int Status = llvm::sys::ExecuteAndWait(Git, Args, std::nullopt, Redirects);
  auto Buffer = llvm::MemoryBuffer::getFile(OutFile);
  auto Said = llvm::MemoryBuffer::getFile(ErrFile);
  llvm::sys::fs::remove(OutFile);
  llvm::sys::fs::remove(ErrFile);
  if (Status != 0 || !Buffer) {
    if (Error && Said)
      *Error = (*Said)->getBuffer().trim().split('\n').first.trim().str();
    return false;
  }
  Out = (*Buffer)->getBuffer().str();
  return true;
}

llvm::Expected<ChangedLines> readChangedLines(llvm::StringRef Revision) {
  std::string Text;
  auto Git = llvm::sys::findProgramByName("git");
  // git names files from the top of the work tree, wherever it runs.
  std::string Top;
  if (Git && runGit(*Git, {"git", "rev-parse", "--show-toplevel"}, Top))
    Top = llvm::StringRef(Top).trim().str();
  else
    Top.clear();
  if (Revision == "-") {
    auto Input = llvm::MemoryBuffer::getSTDIN();
    if (!Input)
      return problem("cannot read the diff from stdin");
    Text = (*Input)->getBuffer().str();
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    // From the top of the work tree, as git writes diffs; from the working
    // directory for a diff made otherwise (`git diff --relative`, outside a
    // repository), when only that names an existing file.
    return parseUnifiedDiff(Text, [&](llvm::StringRef Relative) {
      llvm::SmallString<256> FromTop(Top.empty() ? Cwd.str() : Top);
      llvm::sys::path::append(FromTop, Relative);
      llvm::SmallString<256> FromCwd(Cwd);
      llvm::sys::path::append(FromCwd, Relative);
      if (!llvm::sys::fs::exists(FromTop) && llvm::sys::fs::exists(FromCwd))
        return std::string(FromCwd);
      return std::string(FromTop);
    });
  }
  if (!Git)
    return problem("--diff needs git on the PATH");
  if (Top.empty())
    return problem("--diff: not inside a git work tree");
  std::string Said;
  if (!runGit(*Git,
              {"git", "-C", Top, "diff", "-U0", "--no-color", "--no-ext-diff",
               Revision},
              Text, &Said))
    return problem("--diff: 'git diff " + Revision + "' failed" +
                   (Said.empty() ? "" : ": " + Said));
  return parseUnifiedDiff(Text, Top);
}

} // namespace corolint
