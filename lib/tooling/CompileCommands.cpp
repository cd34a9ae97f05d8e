//===--- CompileCommands.cpp ----------------------------------------------===//

#include "tooling/CompileCommands.h"
#include "llvm/Config/llvm-config.h"
#if LLVM_VERSION_MAJOR >= 22
#include "clang/Options/Options.h"
namespace clang_options = clang::options;
using clang::getDriverOptTable;
#else
#include "clang/Driver/Options.h"
namespace clang_options = clang::driver::options;
using clang::driver::getDriverOptTable;
#endif
#include "llvm/ADT/STLExtras.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace corolint {

// Asio 1.22 and Boost.Asio test the pre-standard __cpp_coroutines macro under
// Clang, so without these every Asio coroutine is invisible.
static constexpr llvm::StringLiteral AsioCoroutineMacros[] = {
    "ASIO_HAS_CO_AWAIT", "ASIO_HAS_STD_COROUTINE", "BOOST_ASIO_HAS_CO_AWAIT",
    "BOOST_ASIO_HAS_STD_COROUTINE"};

static bool isCxx20OrLater(llvm::StringRef Std) {
  return llvm::is_contained({"c++20", "gnu++20", "c++2a", "gnu++2a", "c++23",
                             "gnu++23", "c++2b", "gnu++2b", "c++26", "gnu++26",
                             "c++2c", "gnu++2c"},
                            Std);
}

static bool turnsWarningsIntoErrors(llvm::StringRef Arg) {
  return Arg == "-Werror" || Arg.starts_with("-Werror=") ||
         Arg == "-pedantic-errors";
}

/// The indices of \p Args (argv[0] excluded) that Clang's driver rejects.
static llvm::SmallVector<unsigned, 4>
unknownToClang(llvm::ArrayRef<std::string> Args) {
  std::vector<const char *> Raw;
  for (const std::string &A : Args)
    Raw.push_back(A.c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  const llvm::opt::OptTable &Table = getDriverOptTable();
  llvm::opt::InputArgList Parsed =
      Table.ParseArgs(Raw, MissingIndex, MissingCount,
                      llvm::opt::Visibility(clang_options::ClangOption));
  llvm::SmallVector<unsigned, 4> Unknown;
  for (const llvm::opt::Arg *A : Parsed)
    if (A->getOption().getID() == clang_options::OPT_UNKNOWN)
      Unknown.push_back(A->getIndex());
  return Unknown;
}

tooling::ArgumentsAdjuster makeClangCompatible(llvm::StringRef ResourceDir) {
  return [ResourceDir = ResourceDir.str()](
             const tooling::CommandLineArguments &Args,
             llvm::StringRef /*Filename*/) {
    if (Args.empty())
      return Args;
    tooling::CommandLineArguments Tail(Args.begin() + 1, Args.end());
    llvm::SmallVector<unsigned, 4> Unknown = unknownToClang(Tail);

    tooling::CommandLineArguments Kept;
    bool HasResourceDir = false;
    llvm::StringRef Std;
    llvm::SmallVector<llvm::StringRef, 4> MentionedMacros;
    unsigned I = 0;
    for (; I < Tail.size(); ++I) {
      llvm::StringRef Arg = Tail[I];
      if (llvm::is_contained(Unknown, I) || turnsWarningsIntoErrors(Arg))
        continue;
      Kept.push_back(Tail[I]);
      if (Arg == "--") {
        ++I; // Only inputs follow: keep them as they are.
        break;
      }
      HasResourceDir |= Arg.starts_with("-resource-dir");
      if (Arg.consume_front("-std=") || Arg.consume_front("--std="))
        Std = Arg;
      else if ((Arg == "-std" || Arg == "--std") && I + 1 < Tail.size())
        Std = Tail[I + 1];
      llvm::StringRef Macro;
      if (Arg == "-D" || Arg == "-U")
        Macro = I + 1 < Tail.size() ? llvm::StringRef(Tail[I + 1]) : "";
      else if (Arg.starts_with("-D") || Arg.starts_with("-U"))
        Macro = Arg.drop_front(2);
      if (!Macro.empty())
        MentionedMacros.push_back(Macro.split('=').first);
    }
    Kept.insert(Kept.end(), Tail.begin() + I, Tail.end());

    tooling::CommandLineArguments Result{Args.front()};
    if (!HasResourceDir && !ResourceDir.empty())
      Result.push_back("-resource-dir=" + ResourceDir);
    if (isCxx20OrLater(Std))
      for (llvm::StringRef Macro : AsioCoroutineMacros)
        if (!llvm::is_contained(MentionedMacros, Macro))
          Result.push_back(("-D" + Macro + "=1").str());
    Result.insert(Result.end(), Kept.begin(), Kept.end());
    return Result;
  };
}

std::string absolutePathFor(const clang::tooling::CompileCommand &Command,
                            llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  if (llvm::sys::path::is_relative(Path)) {
    Absolute = Command.Directory;
    llvm::sys::path::append(Absolute, Path);
  }
  llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

namespace {

class AbsoluteFileNames : public clang::tooling::CompilationDatabase {
public:
  explicit AbsoluteFileNames(
      std::unique_ptr<clang::tooling::CompilationDatabase> Base)
      : Base(std::move(Base)) {}

  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef File) const override {
    return absolute(Base->getCompileCommands(File));
  }
  std::vector<std::string> getAllFiles() const override {
    return Base->getAllFiles();
  }
  std::vector<clang::tooling::CompileCommand>
  getAllCompileCommands() const override {
    return absolute(Base->getAllCompileCommands());
  }

private:
  static std::vector<clang::tooling::CompileCommand>
  absolute(std::vector<clang::tooling::CompileCommand> Commands) {
    for (clang::tooling::CompileCommand &Command : Commands)
      if (llvm::sys::path::is_relative(Command.Filename))
        Command.Filename = absolutePathFor(Command, Command.Filename);
    return Commands;
  }

  std::unique_ptr<clang::tooling::CompilationDatabase> Base;
};

} // namespace

std::unique_ptr<clang::tooling::CompilationDatabase> withAbsoluteFileNames(
    std::unique_ptr<clang::tooling::CompilationDatabase> Base) {
  return std::make_unique<AbsoluteFileNames>(std::move(Base));
}

} // namespace corolint
