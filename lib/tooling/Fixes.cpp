//===--- Fixes.cpp --------------------------------------------------------===//

#include "tooling/Fixes.h"
#include "tooling/AtomicWrite.h"
#include "tooling/ContentHash.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using clang::tidy::ClangTidyError;
using clang::tooling::Replacements;

namespace corolint {

/// Writes \p Content over \p Path through a hidden temporary file in the
/// same directory, flushed to disk before the rename.
static std::string replaceAtomically(llvm::StringRef Path,
                                     llvm::StringRef Content,
                                     llvm::sys::fs::perms Mode) {
  llvm::SmallString<256> Model(llvm::sys::path::parent_path(Path));
  llvm::sys::path::append(Model, "." + llvm::sys::path::filename(Path) +
                                     ".corolint-%%%%%%%%");
  return writeAtomically(Path, Content, Model, Mode, /*Durable=*/true);
}

namespace {
struct FixSafetyRow {
  llvm::StringRef Check;
  FixSafety Safety;
  llvm::StringRef Reason;
};
constexpr FixSafetyRow FixSafetyTable[] = {
#define FIX_SAFETY(Check, Safety, Reason) {Check, FixSafety::Safety, Reason},
#include "tooling/FixSafety.def"
};
} // namespace

FixClass fixClassOf(llvm::StringRef Check) {
  for (const FixSafetyRow &Row : FixSafetyTable)
    if (Row.Check == Check)
      return {Row.Safety, Row.Reason};
  return {FixSafety::Unsafe, "corolint does not know what this fix-it changes"};
}

llvm::StringRef spelling(FixSafety Safety) {
  return Safety == FixSafety::Safe ? "safe" : "unsafe";
}

const llvm::StringMap<Replacements> *applicableFix(const ClangTidyError &E,
                                                   bool Unsafe) {
  const llvm::StringMap<Replacements> *Fix =
      clang::tidy::getFixIt(E, /*AnyFix=*/false);
  if (!Fix || Fix->empty())
    return nullptr;
  if (!Unsafe && fixClassOf(E.DiagnosticName).Safety == FixSafety::Unsafe)
    return nullptr;
  return Fix;
}

void noteUnsafeFixes(std::vector<ClangTidyError> &Findings,
                     bool UnsafeAllowed) {
  for (ClangTidyError &E : Findings) {
    FixClass Class = fixClassOf(E.DiagnosticName);
    if (E.Message.Fix.empty() || Class.Safety == FixSafety::Safe)
      continue;
    clang::tooling::DiagnosticMessage Note(
        (llvm::Twine("unsafe fix-it") +
         (UnsafeAllowed ? "" : " (--fix applies it only with --unsafe-fixes)") +
         ": " + Class.Reason)
            .str());
    Note.FilePath = E.Message.FilePath;
    Note.FileOffset = E.Message.FileOffset;
    E.Notes.push_back(std::move(Note));
  }
}

MergedFixes mergeFixes(llvm::ArrayRef<ClangTidyError> Findings, bool Unsafe) {
  MergedFixes Result;
  for (const ClangTidyError &E : Findings) {
    const llvm::StringMap<Replacements> *Fix = applicableFix(E, Unsafe);
    if (!Fix) {
      if (applicableFix(E, /*Unsafe=*/true))
        ++Result.UnsafeSkipped;
      continue;
    }
    ++Result.Suggested;
    llvm::StringMap<Replacements> Merged;
    bool Fits = true;
    for (const auto &File : *Fix) {
      Replacements &Into = Merged[File.getKey()] = Result.Files.lookup(File.getKey());
      for (const clang::tooling::Replacement &R : File.second)
        if (llvm::Error Err = Into.add(R)) {
          llvm::consumeError(std::move(Err));
          Fits = false;
        }
    }
    if (!Fits)
      continue;
    for (auto &File : Merged) {
      Result.Files[File.getKey()] = std::move(File.second);
      ++Result.FixesInFile[File.getKey()];
    }
  }
  return Result;
}

FixSummary applyFixes(llvm::ArrayRef<ClangTidyError> Findings,
                      const llvm::StringMap<uint64_t> &AnalysedHashes,
                      bool Unsafe) {
  MergedFixes Merged = mergeFixes(Findings, Unsafe);
  FixSummary Summary;
  Summary.Suggested = Merged.Suggested;
  Summary.UnsafeSkipped = Merged.UnsafeSkipped;
  for (const auto &File : Merged.Files) {
    llvm::StringRef Path = File.getKey();
    auto Refuse = [&](const llvm::Twine &Why) {
      Summary.Problems.push_back(("not fixing '" + Path + "': " + Why).str());
    };
    // Write through symbolic links, never over them.
    llvm::SmallString<256> Target;
    if (llvm::sys::fs::real_path(Path, Target)) {
      Refuse("it no longer exists");
      continue;
    }
    auto Current = llvm::MemoryBuffer::getFile(Target, /*IsText=*/false,
                                               /*RequiresNullTerminator=*/false);
    if (!Current) {
      Refuse("cannot read it: " + Current.getError().message());
      continue;
    }
    auto Analysed = AnalysedHashes.find(Path);
    if (Analysed == AnalysedHashes.end() ||
        Analysed->getValue() != contentHash((*Current)->getBuffer())) {
      Refuse("it changed since it was analysed");
      continue;
    }
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(Target, Status)) {
      Refuse("cannot read its permissions");
      continue;
    }
    // Checked by hand: root may write anyway, but the user said read-only.
    if ((Status.permissions() & llvm::sys::fs::all_write) == 0) {
      Refuse("it is read-only");
      continue;
    }
    auto Fixed = clang::tooling::applyAllReplacements(
        (*Current)->getBuffer(), File.second);
    if (!Fixed) {
      Refuse(llvm::toString(Fixed.takeError()));
      continue;
    }
    if (std::string Problem =
            replaceAtomically(Target, *Fixed, Status.permissions());
        !Problem.empty()) {
      Refuse(Problem);
      continue;
    }
    Summary.Applied += Merged.FixesInFile.lookup(Path);
  }
  return Summary;
}

} // namespace corolint
