//===--- Runner.cpp -------------------------------------------------------===//

#include "Runner.h"
#include "Report.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <atomic>
#include <mutex>
#include <thread>

using namespace clang;
using namespace clang::tidy;

namespace corolint {

std::vector<ClangTidyError> runChecks(
    const std::function<std::unique_ptr<ClangTidyOptionsProvider>()> &MakeOptions,
    const tooling::CompilationDatabase &Compilations,
    const std::vector<std::string> &Files, unsigned Jobs, bool ApplyAnyFix,
    const std::function<void(size_t, size_t, llvm::StringRef)> &Progress) {
  std::vector<ClangTidyError> Findings;
  std::mutex Lock;
  std::atomic<size_t> Next{0};
  size_t Done = 0;
  // One file at a time per worker, with a context of its own: a clang-tidy
  // context belongs to one thread, and to one run (it maps the diagnostic
  // IDs of that run's engine to check names).
  auto Work = [&] {
    auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
        llvm::vfs::createPhysicalFileSystem());
    for (size_t I = Next++; I < Files.size(); I = Next++) {
      ClangTidyContext Context(MakeOptions());
      std::vector<ClangTidyError> Found = runClangTidy(
          Context, Compilations, {Files[I]}, FS, ApplyAnyFix);
      std::lock_guard<std::mutex> Guard(Lock);
      Findings.insert(Findings.end(), std::make_move_iterator(Found.begin()),
                      std::make_move_iterator(Found.end()));
      if (Progress)
        Progress(++Done, Files.size(), Files[I]);
    }
  };
  Jobs = std::max<unsigned>(1, std::min<size_t>(Jobs, Files.size()));
  std::vector<std::thread> Workers;
  for (unsigned I = 1; I < Jobs; ++I)
    Workers.emplace_back(Work);
  Work();
  for (std::thread &Worker : Workers)
    Worker.join();
  sortAndDeduplicate(Findings);
  dropOverlappingFixes(Findings);
  return Findings;
}

} // namespace corolint
