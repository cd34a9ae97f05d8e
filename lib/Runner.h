//===--- Runner.h - run the checks over many files, in parallel ------------===//

#ifndef COROLINT_LIB_RUNNER_H
#define COROLINT_LIB_RUNNER_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <functional>
#include <memory>
#include <vector>

namespace corolint {

/// Runs the enabled checks on \p Files with \p Jobs threads, each with its
/// own clang-tidy context (from \p MakeOptions), and returns every finding,
/// sorted and without duplicates. \p Progress is called after each file.
std::vector<clang::tidy::ClangTidyError> runChecks(
    const std::function<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>()>
        &MakeOptions,
    const clang::tooling::CompilationDatabase &Compilations,
    const std::vector<std::string> &Files, unsigned Jobs, bool ApplyAnyFix,
    const std::function<void(size_t Done, size_t Total, llvm::StringRef File)>
        &Progress);

} // namespace corolint

#endif // COROLINT_LIB_RUNNER_H
