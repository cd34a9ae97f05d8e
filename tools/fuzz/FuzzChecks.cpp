//===--- FuzzChecks.cpp - libFuzzer target: every check on mutated C++ ----===//
//
// Each input is the text of a C++ file. Every corolint check runs on it, its
// fix-its are applied, and the result is analysed again. The sanitizers find
// crashes; a fix-it that turns code Clang accepts into code it rejects
// aborts, with both versions printed.
//
//===----------------------------------------------------------------------===//

#include "tooling/CompileCommands.h"
#include "tooling/Fixes.h"
#include "tooling/Runner.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

namespace corolint {
extern volatile int CorolintModuleAnchorSource;
} // namespace corolint

using namespace clang;
using namespace clang::tidy;

namespace {

constexpr llvm::StringRef InputPath = "/corolint-fuzz/input.cpp";

/// The stub framework headers of the tests, and the real Asio, as system
/// headers: what the seeds (the lit inputs) include.
tooling::CommandLineArguments compileArguments() {
  tooling::CommandLineArguments Args = {"clang++", "-std=c++20", "-isystem",
                                        COROLINT_TEST_INPUTS, "-fsyntax-only",
                                        InputPath.str()};
  return corolint::makeClangCompatible(COROLINT_CLANG_RESOURCE_DIR)(
      Args, InputPath);
}

struct Analysis {
  std::vector<ClangTidyError> Findings;
  bool HasErrors = false;
};

Analysis analyse(llvm::StringRef Code) {
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  Memory->addFile(InputPath, 0, llvm::MemoryBuffer::getMemBufferCopy(Code));
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  FS->pushOverlay(Memory);

  ClangTidyOptions Options = ClangTidyOptions::getDefaults();
  Options.Checks = "-*,coro-*";
  Options.HeaderFilterRegex = ".*";
  ClangTidyContext Context(std::make_unique<DefaultOptionsProvider>(
      ClangTidyGlobalOptions(), Options));
  static const tooling::CommandLineArguments Args = compileArguments();
  tooling::FixedCompilationDatabase Database(
      "/", tooling::CommandLineArguments(Args.begin() + 1, Args.end() - 1));
  corolint::RunOptions Run;
  Run.ApplyAnyFix = true;
  Analysis Result;
  Result.Findings =
      corolint::lintFile(Context, Database, InputPath.str(), FS, Run).Findings;
  for (const ClangTidyError &E : Result.Findings)
    Result.HasErrors |= E.DiagLevel == ClangTidyError::Error;
  return Result;
}

/// \p Code with the fix-its applied as the driver merges them.
std::string applyFixes(llvm::StringRef Code,
                       llvm::ArrayRef<ClangTidyError> Findings) {
  auto Fixed = tooling::applyAllReplacements(
      Code, corolint::mergeFixes(Findings, /*Unsafe=*/true).Files.lookup(InputPath));
  if (!Fixed) {
    llvm::consumeError(Fixed.takeError());
    return Code.str();
  }
  return *Fixed;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  (void)corolint::CorolintModuleAnchorSource;
  // Bounded like a real source file; larger inputs only slow the search.
  if (Size > 64 * 1024)
    return -1;
  llvm::StringRef Code(reinterpret_cast<const char *>(Data), Size);
  Analysis Before = analyse(Code);
  std::string Fixed = applyFixes(Code, Before.Findings);
  if (Fixed == Code)
    return 0;
  Analysis After = analyse(Fixed);
  if (!Before.HasErrors && After.HasErrors) {
    llvm::errs() << "corolint-fuzz: a fix-it broke code that compiled.\n"
                 << "--- before\n" << Code << "\n--- after\n" << Fixed << "\n";
    for (const ClangTidyError &E : After.Findings)
      if (E.DiagLevel == ClangTidyError::Error)
        llvm::errs() << "error: " << E.Message.Message << " at offset "
                     << E.Message.FileOffset << "\n";
    std::abort();
  }
  return 0;
}
