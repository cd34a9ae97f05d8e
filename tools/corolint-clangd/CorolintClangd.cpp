//===--- CorolintClangd.cpp - clangd with corolint's checks ---------------===//
//
// clangd's own main, in a process whose clang-tidy registry also holds
// corolint's module: a drop-in for clangd that shows corolint's findings
// and offers their fix-its as code actions. Which checks run is clangd's
// configuration as usual (docs/editors.md).
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::clangd {
// Declared in clangd's tool/ClangdMain.h, which Debian does not install.
int clangdMain(int argc, char *argv[]);

class SymbolIndex;
namespace remote {
// clangd's client of a remote index server (--remote-index-address, the
// configuration's Index: External: Server:) is built on gRPC, which would
// add gRPC, protobuf and Abseil to the build's requirements for a feature
// few use: corolint-clangd is linked without it, as a clangd built without
// remote index support is, and answers as such a clangd does.
std::unique_ptr<SymbolIndex> getClient(llvm::StringRef Address,
                                       llvm::StringRef ProjectRoot) {
  llvm::errs() << "corolint-clangd has no remote index support: not using "
               << Address << " (a stock clangd has it)\n";
  return nullptr;
}
} // namespace remote
} // namespace clang::clangd

namespace corolint {
extern volatile int CorolintModuleAnchorSource;
} // namespace corolint

int main(int argc, char *argv[]) {
  // The checks' registration lives in a static library: referencing it
  // keeps it in the executable.
  (void)corolint::CorolintModuleAnchorSource;
  std::vector<char *> Args(argv, argv + argc);
  bool HasResourceDir = false;
  for (int I = 1; I < argc; ++I) {
    llvm::StringRef Arg = argv[I];
    // clangd replaces LLVM's version printer with its own, which takes no
    // additions: say which corolint this is before clangd says the rest.
    if (Arg == "--version" || Arg == "-version") {
      llvm::outs() << "corolint-clangd: clangd with the checks of corolint "
                   << COROLINT_VERSION << " (LLVM " << LLVM_VERSION_STRING
                   << ")\n";
      llvm::outs().flush();
    }
    HasResourceDir |=
        Arg.starts_with("--resource-dir") || Arg.starts_with("-resource-dir");
  }
  // clangd looks for Clang's own headers next to its executable, which is
  // wherever corolint-clangd was built or installed: point it to those of
  // the LLVM it was built with, where the stock clangd finds them.
  std::string ResourceDir =
      std::string("--resource-dir=") + COROLINT_CLANG_RESOURCE_DIR;
  if (!HasResourceDir)
    Args.insert(Args.begin() + 1, ResourceDir.data());
  int ArgCount = Args.size();
  Args.push_back(nullptr); // argv[argc], as main received it.
  return clang::clangd::clangdMain(ArgCount, Args.data());
}
