//===--- Runner.cpp -------------------------------------------------------===//
//
// clang-tidy's runClangTidy, with corolint's own frontend action: it skips
// the bodies of functions in system headers, and shows the checks only the
// declarations of the user's files (clangd's traversal scope), so that the
// matchers never walk the standard library or Asio.
//
//===----------------------------------------------------------------------===//

#include "Runner.h"
#include "Report.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <atomic>
#include <mutex>
#include <thread>

using namespace clang;
using namespace clang::tidy;

namespace corolint {

uint64_t contentHash(llvm::StringRef Content) {
  return llvm::xxh3_64bits(Content);
}

namespace {

bool inSystemHeader(const SourceManager &SM, SourceLocation Loc) {
  return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
}

/// Wraps clang-tidy's consumer: skips system-header function bodies while
/// parsing, then runs the checks over the user's top-level declarations.
class UserCodeConsumer : public MultiplexConsumer {
public:
  UserCodeConsumer(std::unique_ptr<ASTConsumer> Checks, CompilerInstance &CI,
                   bool SkipSystemBodies, llvm::StringMap<uint64_t> &Hashes)
      : MultiplexConsumer(one(std::move(Checks))), CI(CI),
        SkipSystemBodies(SkipSystemBodies), Hashes(Hashes) {}

  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    for (Decl *D : Group)
      if (!inSystemHeader(CI.getSourceManager(), D->getLocation()))
        UserDecls.push_back(D);
    return MultiplexConsumer::HandleTopLevelDecl(Group);
  }

  bool shouldSkipFunctionBody(Decl *D) override {
    return SkipSystemBodies &&
           inSystemHeader(CI.getSourceManager(), D->getLocation());
  }

  void HandleTranslationUnit(ASTContext &Context) override {
    Context.setTraversalScope(UserDecls);
    MultiplexConsumer::HandleTranslationUnit(Context);
    recordUserFiles();
  }

private:
  static std::vector<std::unique_ptr<ASTConsumer>>
  one(std::unique_ptr<ASTConsumer> Consumer) {
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(std::move(Consumer));
    return Consumers;
  }

  void recordUserFiles() {
    const SourceManager &SM = CI.getSourceManager();
    for (unsigned I = 0, N = SM.local_sloc_entry_size(); I < N; ++I) {
      const SrcMgr::SLocEntry &Entry = SM.getLocalSLocEntry(I);
      if (!Entry.isFile() ||
          SrcMgr::isSystem(Entry.getFile().getFileCharacteristic()))
        continue;
      const SrcMgr::ContentCache &Content = Entry.getFile().getContentCache();
      std::optional<llvm::StringRef> Data = Content.getBufferDataIfLoaded();
      if (!Content.OrigEntry || !Data)
        continue;
      llvm::SmallString<256> Path(Content.OrigEntry->getName());
      CI.getFileManager().makeAbsolutePath(Path);
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      Hashes[Path] = contentHash(*Data);
    }
  }

  CompilerInstance &CI;
  bool SkipSystemBodies;
  llvm::StringMap<uint64_t> &Hashes;
  std::vector<Decl *> UserDecls;
};

class LintAction : public ASTFrontendAction {
public:
  LintAction(ClangTidyASTConsumerFactory &Checks, bool SkipSystemBodies,
             llvm::StringMap<uint64_t> &Hashes)
      : Checks(Checks), SkipSystemBodies(SkipSystemBodies), Hashes(Hashes) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef File) override {
    return std::make_unique<UserCodeConsumer>(
        Checks.createASTConsumer(CI, File), CI, SkipSystemBodies, Hashes);
  }

private:
  ClangTidyASTConsumerFactory &Checks;
  bool SkipSystemBodies;
  llvm::StringMap<uint64_t> &Hashes;
};

class LintActionFactory : public tooling::FrontendActionFactory {
public:
  LintActionFactory(ClangTidyContext &Context,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                    bool SkipSystemBodies, llvm::StringMap<uint64_t> &Hashes)
      : Checks(Context, std::move(FS)), SkipSystemBodies(SkipSystemBodies),
        Hashes(Hashes) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<LintAction>(Checks, SkipSystemBodies, Hashes);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    // As clang-tidy does: code may hide things from analyzers.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    Invocation->getFrontendOpts().SkipFunctionBodies = SkipSystemBodies;
    return FrontendActionFactory::runInvocation(Invocation, Files,
                                                PCHContainerOps, DiagConsumer);
  }

private:
  ClangTidyASTConsumerFactory Checks;
  bool SkipSystemBodies;
  llvm::StringMap<uint64_t> &Hashes;
};

} // namespace

std::vector<ClangTidyError>
lintFile(ClangTidyContext &Context,
         const tooling::CompilationDatabase &Compilations,
         const std::string &File,
         llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
         const RunOptions &Options, llvm::StringMap<uint64_t> &ContentHashes) {
  tooling::ClangTool Tool(Compilations, {File},
                          std::make_shared<PCHContainerOperations>(), FS);
  // ExtraArgs and ExtraArgsBefore of .clang-tidy files.
  Tool.appendArgumentsAdjuster([&Context](const tooling::CommandLineArguments &Args,
                                          llvm::StringRef Filename) {
    ClangTidyOptions Opts = Context.getOptionsForFile(Filename);
    tooling::CommandLineArguments Adjusted = Args;
    if (Opts.ExtraArgsBefore) {
      auto I = Adjusted.begin();
      if (I != Adjusted.end() && !llvm::StringRef(*I).starts_with("-"))
        ++I;
      Adjusted.insert(I, Opts.ExtraArgsBefore->begin(),
                      Opts.ExtraArgsBefore->end());
    }
    if (Opts.ExtraArgs)
      Adjusted.insert(Adjusted.end(), Opts.ExtraArgs->begin(),
                      Opts.ExtraArgs->end());
    return Adjusted;
  });
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());

  ClangTidyDiagnosticConsumer DiagConsumer(Context, nullptr, true,
                                           Options.ApplyAnyFix);
  auto DiagOpts = std::make_unique<DiagnosticOptions>();
#if LLVM_VERSION_MAJOR >= 22
  DiagnosticsEngine DE(DiagnosticIDs::create(), *DiagOpts, &DiagConsumer,
                       /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(std::move(DiagOpts), &DE);
#else
  DiagnosticsEngine DE(new DiagnosticIDs(), DiagOpts.release(), &DiagConsumer,
                       /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&DE);
#endif
  Tool.setDiagnosticConsumer(&DiagConsumer);
  // Findings in system headers are never shown, unless asked for: then the
  // bodies there matter.
  bool Skip = Options.SkipSystemBodies &&
              !Context.getOptionsForFile(File).SystemHeaders.value_or(false);
  LintActionFactory Factory(Context, FS, Skip, ContentHashes);
  Tool.run(&Factory);
  return DiagConsumer.take();
}

RunResult runChecks(
    const OptionsFactory &MakeOptions,
    const tooling::CompilationDatabase &Compilations,
    const std::vector<std::string> &Files, const RunOptions &Options,
    const std::function<void(size_t, size_t, llvm::StringRef)> &Progress) {
  RunResult Result;
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
      llvm::StringMap<uint64_t> Hashes;
      std::vector<ClangTidyError> Found =
          lintFile(Context, Compilations, Files[I], FS, Options, Hashes);
      std::lock_guard<std::mutex> Guard(Lock);
      Result.Findings.insert(Result.Findings.end(),
                             std::make_move_iterator(Found.begin()),
                             std::make_move_iterator(Found.end()));
      for (const auto &Entry : Hashes)
        Result.ContentHashes[Entry.getKey()] = Entry.getValue();
      if (Progress)
        Progress(++Done, Files.size(), Files[I]);
    }
  };
  unsigned Jobs = std::max<unsigned>(1, std::min<size_t>(Options.Jobs, Files.size()));
  std::vector<std::thread> Workers;
  for (unsigned I = 1; I < Jobs; ++I)
    Workers.emplace_back(Work);
  Work();
  for (std::thread &Worker : Workers)
    Worker.join();
  sortAndDeduplicate(Result.Findings);
  dropOverlappingFixes(Result.Findings);
  return Result;
}

} // namespace corolint
