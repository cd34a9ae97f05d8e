//===--- Report.h - findings as JSON, GitHub annotations and SARIF ---------===//

#ifndef COROLINT_LIB_REPORT_H
#define COROLINT_LIB_REPORT_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <vector>

namespace corolint {

/// The documentation page of a check (docs/checks/<name>.md, built in).
std::optional<llvm::StringRef> checkDocumentation(llvm::StringRef Check);

/// Sorts findings by file, offset, check and message, and drops exact
/// duplicates (a finding in a header reported by every TU that includes it).
void sortAndDeduplicate(std::vector<clang::tidy::ClangTidyError> &Findings);

/// Removes the fix-its that overlap the fix-it of an earlier finding (two
/// checks editing the same code would corrupt it), adding a note instead.
void dropOverlappingFixes(std::vector<clang::tidy::ClangTidyError> &Findings);

/// One object per finding: {check, severity, file, line, column, message,
/// notes: [{file, line, column, message}], fixes: [{file, offset, length,
/// replacement}]}. Lines and columns count from 1, columns in bytes.
void writeJson(llvm::ArrayRef<clang::tidy::ClangTidyError> Findings,
               llvm::raw_ostream &OS);

/// The text output's closing summary (for stderr): the findings per check,
/// most frequent first, how many of \p Files have compile errors, and the
/// time taken; a clean run says "no findings in N files".
void writeSummary(llvm::ArrayRef<clang::tidy::ClangTidyError> Findings,
                  size_t Files, double Seconds, llvm::raw_ostream &OS);

/// One self-contained HTML page (no network needed): a summary with the
/// findings per check and per file as bar charts, a filter by check and by
/// file, each finding with its source excerpt, notes at their lines and its
/// fix-it as a diff (safe or unsafe), and the pages of the checks found.
/// Given \p InBaseline (the findings a baseline hid, per check), the
/// summary tells new findings from known ones, per check too.
void writeHtml(llvm::ArrayRef<clang::tidy::ClangTidyError> Findings,
               size_t Files, llvm::StringRef Version, llvm::raw_ostream &OS,
               const llvm::StringMap<unsigned> *InBaseline = nullptr);

/// GitHub Actions workflow annotations (::warning file=...,line=...::...).
void writeGitHub(llvm::ArrayRef<clang::tidy::ClangTidyError> Findings,
                 llvm::raw_ostream &OS);

/// SARIF 2.1.0: one rule per check in \p Checks with its documentation,
/// results with regions, notes as related locations, fix-its as fixes.
void writeSarif(llvm::ArrayRef<clang::tidy::ClangTidyError> Findings,
                llvm::ArrayRef<std::string> Checks, llvm::StringRef Version,
                llvm::raw_ostream &OS);

} // namespace corolint

#endif // COROLINT_LIB_REPORT_H
