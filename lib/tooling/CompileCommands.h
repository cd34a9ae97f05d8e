//===--- CompileCommands.h - make users' compile commands work with Clang -===//

#ifndef COROLINT_LIB_COMPILECOMMANDS_H
#define COROLINT_LIB_COMPILECOMMANDS_H

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include <memory>

namespace corolint {

/// Adjusts a compile command (often written for g++) so that Clang parses the
/// file as the compiler would:
/// - drops arguments the Clang driver does not know (`-fno-gnu-unique`...)
///   and those that turn harmless warnings into errors (`-Werror`...);
/// - points Clang at its resource directory \p ResourceDir unless the
///   command names one;
/// - for C++20 and later, defines the macros that make Asio 1.22 and
///   Boost.Asio enable `co_await` under Clang, unless the command already
///   defines or undefines them.
clang::tooling::ArgumentsAdjuster makeClangCompatible(llvm::StringRef ResourceDir);

/// \p Path as \p Command sees it: absolute, against the command's directory
/// (itself against the working directory), without `.` and `..`.
std::string absolutePathFor(const clang::tooling::CompileCommand &Command,
                            llvm::StringRef Path);

/// \p Base, with each command's file named by its absolute path. A database
/// may name it relative to the command's directory, and what looks the file
/// up later (the configuration of .clang-tidy files, the arguments they add)
/// would resolve it against the process's working directory instead.
std::unique_ptr<clang::tooling::CompilationDatabase> withAbsoluteFileNames(
    std::unique_ptr<clang::tooling::CompilationDatabase> Base);

} // namespace corolint

#endif // COROLINT_LIB_COMPILECOMMANDS_H
