//===--- CorolintTidy.cpp - clang-tidy with corolint's checks -------------===//
//
// clang-tidy's own main, with corolint's module registered next to
// clang-tidy's: every clang-tidy flag and check, plus coro-*, for tools that
// take a clang-tidy binary.
//
//===----------------------------------------------------------------------===//

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::tidy {
// Declared in clang-tidy's tool/ClangTidyMain.h, which Debian does not
// install.
int clangTidyMain(int argc, const char **argv);
} // namespace clang::tidy

namespace corolint {
extern volatile int CorolintModuleAnchorSource;
} // namespace corolint

int main(int argc, const char **argv) {
  // The checks' registration lives in a static library: referencing it
  // keeps it in the executable.
  (void)corolint::CorolintModuleAnchorSource;
  // After LLVM's own lines, which name the LLVM version.
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "corolint-tidy: clang-tidy with the checks of corolint "
       << COROLINT_VERSION << " (LLVM " << LLVM_VERSION_STRING << ")\n";
  });
  return clang::tidy::clangTidyMain(argc, argv);
}
