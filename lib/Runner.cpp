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
                   bool SkipSystemBodies, FileResult &Result)
      : MultiplexConsumer(one(std::move(Checks))), CI(CI),
        SkipSystemBodies(SkipSystemBodies), Result(Result) {}

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
    recordInputs();
  }

private:
  static std::vector<std::unique_ptr<ASTConsumer>>
  one(std::unique_ptr<ASTConsumer> Consumer) {
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(std::move(Consumer));
    return Consumers;
  }

  /// Hashes every file the preprocessor read; the user's files again apart.
  void recordInputs() {
    const SourceManager &SM = CI.getSourceManager();
    for (unsigned I = 0, N = SM.local_sloc_entry_size(); I < N; ++I) {
      const SrcMgr::SLocEntry &Entry = SM.getLocalSLocEntry(I);
      if (!Entry.isFile())
        continue;
      const SrcMgr::ContentCache &Content = Entry.getFile().getContentCache();
      std::optional<llvm::StringRef> Data = Content.getBufferDataIfLoaded();
      if (!Content.OrigEntry || !Data)
        continue;
      // As opened: `..` after a symbolic link is not the parent directory.
      llvm::SmallString<256> Path(Content.OrigEntry->getName());
      CI.getFileManager().makeAbsolutePath(Path);
      auto [It, New] = Result.Inputs.try_emplace(Path, 0);
      if (New)
        It->second = contentHash(*Data);
      if (SrcMgr::isSystem(Entry.getFile().getFileCharacteristic()))
        continue;
      // As the findings name it (see sortAndDeduplicate).
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      Result.UserFiles[Path] = It->second;
    }
  }

  CompilerInstance &CI;
  bool SkipSystemBodies;
  FileResult &Result;
  std::vector<Decl *> UserDecls;
};

class LintAction : public ASTFrontendAction {
public:
  LintAction(ClangTidyASTConsumerFactory &Checks, bool SkipSystemBodies,
             FileResult &Result)
      : Checks(Checks), SkipSystemBodies(SkipSystemBodies), Result(Result) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef File) override {
    return std::make_unique<UserCodeConsumer>(
        Checks.createASTConsumer(CI, File), CI, SkipSystemBodies, Result);
  }

private:
  ClangTidyASTConsumerFactory &Checks;
  bool SkipSystemBodies;
  FileResult &Result;
};

class LintActionFactory : public tooling::FrontendActionFactory {
public:
  LintActionFactory(ClangTidyContext &Context,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                    bool SkipSystemBodies, FileResult &Result)
      : Checks(Context, std::move(FS)), SkipSystemBodies(SkipSystemBodies),
        Result(Result) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<LintAction>(Checks, SkipSystemBodies, Result);
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
  FileResult &Result;
};

} // namespace

FileResult lintFile(ClangTidyContext &Context,
                    const tooling::CompilationDatabase &Compilations,
                    const std::string &File,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                    const RunOptions &Options) {
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
  FileResult Result;
  LintActionFactory Factory(Context, FS, Skip, Result);
  Tool.run(&Factory);
  Result.Findings = DiagConsumer.take();
  return Result;
}

/// What a file's result depends on besides the files it reads: its command
/// lines, its effective configuration, and the run's options.
static std::string cacheKey(ClangTidyContext &Context,
                            const tooling::CompilationDatabase &Compilations,
                            const std::string &File,
                            const RunOptions &Options) {
  std::vector<std::string> CommandLine;
  for (const tooling::CompileCommand &Command :
       Compilations.getCompileCommands(File)) {
    CommandLine.push_back(Command.Directory);
    CommandLine.insert(CommandLine.end(), Command.CommandLine.begin(),
                       Command.CommandLine.end());
  }
  std::string Configuration =
      configurationAsText(Context.getOptionsForFile(File));
  Configuration += Options.ApplyAnyFix ? "\nany-fix" : "";
  Configuration += Options.SkipSystemBodies ? "\nskip" : "";
  return ResultCache::key(File, CommandLine, Configuration);
}

RunResult runChecks(
    const OptionsFactory &MakeOptions,
    const tooling::CompilationDatabase &Compilations,
    const std::vector<std::string> &Files, const RunOptions &Options,
    const std::function<void(size_t, size_t, llvm::StringRef)> &Progress) {
  RunResult Result;
  std::optional<ResultCache> Cache;
  if (!Options.CacheDir.empty())
    Cache.emplace(Options.CacheDir);
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
      std::string Key;
      std::optional<FileResult> Found;
      if (Cache) {
        Key = cacheKey(Context, Compilations, Files[I], Options);
        Found = Cache->lookup(Key);
      }
      bool Hit = Found.has_value();
      if (!Found) {
        Found = lintFile(Context, Compilations, Files[I], FS, Options);
        if (Cache)
          Cache->store(Key, *Found);
      }
      std::lock_guard<std::mutex> Guard(Lock);
      Result.CacheHits += Hit;
      Result.Findings.insert(Result.Findings.end(),
                             std::make_move_iterator(Found->Findings.begin()),
                             std::make_move_iterator(Found->Findings.end()));
      for (const auto &Entry : Found->UserFiles)
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
