//===--- CompileCommands.h - make users' compile commands work with Clang -===//

#ifndef COROLINT_LIB_COMPILECOMMANDS_H
#define COROLINT_LIB_COMPILECOMMANDS_H

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/ADT/StringRef.h"

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

} // namespace corolint

#endif // COROLINT_LIB_COMPILECOMMANDS_H
