//===--- Configuration.h - reading and checking the configuration ---------===//
//
// `.clang-tidy` text parsed with the location of the first problem, broken
// `.clang-tidy` files above a source found before the run, and the checks
// a configuration asks for that do not exist. A configuration mistake is
// one clear line, never silence.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_LIB_TOOLING_CONFIGURATION_H
#define COROLINT_LIB_TOOLING_CONFIGURATION_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/MemoryBuffer.h"
#include <optional>
#include <string>
#include <vector>

namespace corolint {

/// Parses configuration in `.clang-tidy` form. On failure \p Problem says
/// why: "line:column: message" when the YAML parser located it
/// (\p Located), or clang-tidy's own reason.
std::optional<clang::tidy::ClangTidyOptions>
parseConfiguration(llvm::MemoryBufferRef Config, std::string &Problem,
                   bool &Located);

/// The first problem in the `.clang-tidy` files that apply to \p Path, or
/// empty. clang-tidy would report a broken one for every file and go on
/// without it; corolint stops with one line. Each file is read once per
/// process.
std::string brokenConfigurationAbove(const std::string &Path);

/// The first regular expression of \p Options that does not compile, as
/// "HeaderFilterRegex '(': parentheses not balanced", or empty. clang-tidy
/// would match nothing with it: the findings in headers would vanish.
std::string invalidRegex(const clang::tidy::ClangTidyOptions &Options);

/// As invalidRegex, for the `.clang-tidy` file that sets each expression in
/// effect for \p Path: "invalid configuration in FILE: ...", or empty. One
/// that another source overrides is not in effect, and not reported.
std::string invalidRegexAbove(clang::tidy::ClangTidyOptionsProvider &Provider,
                              const std::string &Path);

/// The check names in the comma-separated \p Globs (without wildcards) that
/// no registered check has, probably typos: "unknown check 'X'", followed
/// by "; did you mean 'Y'?" when a registered name is close.
std::vector<std::string> unknownChecks(llvm::StringRef Globs);

/// corolint's check names (`coro-...`) in the Checks of \p Options, and its
/// checks' options (`coro-....Name`) in its CheckOptions, that no check
/// knows under the \p Effective configuration, as "unknown option 'X' in
/// SOURCE; did you mean 'Y'?". Other tools' checks and options are not
/// corolint's to judge.
std::vector<std::string>
unknownNames(const clang::tidy::ClangTidyOptions &Options,
             llvm::StringRef Source,
             const clang::tidy::ClangTidyOptions &Effective);

/// unknownNames for each `.clang-tidy` file that applies to \p Path, each
/// file once per process.
std::vector<std::string>
unknownNamesAbove(clang::tidy::ClangTidyOptionsProvider &Provider,
                  const std::string &Path);

/// What is wrong with the `.clang-tidy` files that apply to a path.
struct ConfigurationReview {
  /// Stops the run: a file that does not parse, or a regular expression in
  /// effect that does not compile (brokenConfigurationAbove,
  /// invalidRegexAbove).
  std::string Error;
  /// Unknown corolint checks and options (unknownNamesAbove).
  std::vector<std::string> Warnings;
};
ConfigurationReview
reviewConfigurationAbove(clang::tidy::ClangTidyOptionsProvider &Provider,
                         const std::string &Path);

/// Mistakes in the framework-table options of \p Options (`corolint.*`).
std::vector<std::string>
frameworkOptionProblems(const clang::tidy::ClangTidyOptions &Options);

} // namespace corolint

#endif // COROLINT_LIB_TOOLING_CONFIGURATION_H
