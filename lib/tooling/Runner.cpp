//===--- Runner.cpp -------------------------------------------------------===//
//
// clang-tidy's runClangTidy, with corolint's own frontend action: it skips
// the bodies of functions in system headers, and shows the checks only the
// declarations of the user's files (clangd's traversal scope), so that the
// matchers never walk the standard library or Asio.
//
//===----------------------------------------------------------------------===//

#include "tooling/Runner.h"
#include "tooling/Cache.h"
#include "tooling/ContentHash.h"
#include "tooling/Report.h"
#include "tooling/SharedPreambles.h"
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
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Path.h"
#include <atomic>
#include <mutex>
#include <thread>

using namespace clang;
using namespace clang::tidy;

namespace corolint {

namespace {

bool inSystemHeader(const SourceManager &SM, SourceLocation Loc) {
  return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
}

/// Wraps clang-tidy's consumer (or the PCH writer of a shared preamble):
/// skips system-header function bodies while parsing, runs the checks over
/// the user's top-level declarations only, and records the files read.
class UserCodeConsumer : public MultiplexConsumer {
public:
  UserCodeConsumer(std::unique_ptr<ASTConsumer> Inner, CompilerInstance &CI,
                   bool SkipSystemBodies, const SharedPreamble *Preamble,
                   FileResult &Result)
      : MultiplexConsumer(one(std::move(Inner))), CI(CI),
        SkipSystemBodies(SkipSystemBodies), Preamble(Preamble),
        Result(Result) {}

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
    // The user's declarations that came from a shared preamble were never
    // handed to HandleTopLevelDecl: the checks see them too.
    if (Preamble) {
      std::vector<Decl *> FromPreamble;
      for (Decl *D : Context.getTranslationUnitDecl()->decls())
        if (D->isFromASTFile() &&
            !inSystemHeader(CI.getSourceManager(), D->getLocation()))
          FromPreamble.push_back(D);
      UserDecls.insert(UserDecls.begin(), FromPreamble.begin(),
                       FromPreamble.end());
    }
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
      if (!Content.OrigEntry || !Data ||
          isSharedPreambleHeader(Content.OrigEntry->getName()))
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
    // The files of the shared preamble were read once, for all.
    if (Preamble) {
      for (const auto &Input : Preamble->Inputs.Inputs)
        Result.Inputs.try_emplace(Input.getKey(), Input.getValue());
      for (const auto &File : Preamble->Inputs.UserFiles)
        Result.UserFiles.try_emplace(File.getKey(), File.getValue());
    }
  }

  CompilerInstance &CI;
  bool SkipSystemBodies;
  const SharedPreamble *Preamble;
  FileResult &Result;
  std::vector<Decl *> UserDecls;
};

class LintAction : public ASTFrontendAction {
public:
  LintAction(ClangTidyASTConsumerFactory &Checks, bool SkipSystemBodies,
             const SharedPreamble *Preamble, FileResult &Result)
      : Checks(Checks), SkipSystemBodies(SkipSystemBodies), Preamble(Preamble),
        Result(Result) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef File) override {
    // The command names the file relative to its directory; the checks'
    // configuration is looked up by absolute path.
    llvm::SmallString<256> Absolute(File);
    CI.getFileManager().makeAbsolutePath(Absolute);
    return std::make_unique<UserCodeConsumer>(
        Checks.createASTConsumer(CI, Absolute), CI, SkipSystemBodies, Preamble,
        Result);
  }

private:
  ClangTidyASTConsumerFactory &Checks;
  bool SkipSystemBodies;
  const SharedPreamble *Preamble;
  FileResult &Result;
};

/// Writes the PCH of a shared preamble, its system bodies skipped as in
/// every file that uses it.
class PreambleAction : public GeneratePCHAction {
public:
  PreambleAction(bool SkipSystemBodies, FileResult &Result)
      : SkipSystemBodies(SkipSystemBodies), Result(Result) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef File) override {
    std::unique_ptr<ASTConsumer> Writer =
        GeneratePCHAction::CreateASTConsumer(CI, File);
    if (!Writer)
      return nullptr;
    return std::make_unique<UserCodeConsumer>(std::move(Writer), CI,
                                              SkipSystemBodies, nullptr, Result);
  }

private:
  bool SkipSystemBodies;
  FileResult &Result;
};

class LintActionFactory : public tooling::FrontendActionFactory {
public:
  LintActionFactory(ClangTidyContext &Context,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                    bool SkipSystemBodies, const SharedPreamble *Preamble,
                    FileResult &Result)
      : Checks(Context, std::move(FS)), SkipSystemBodies(SkipSystemBodies),
        Preamble(Preamble && Preamble->Built.load(std::memory_order_acquire)
                     ? Preamble
                     : nullptr),
        Result(Result) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<LintAction>(Checks, SkipSystemBodies, Preamble,
                                        Result);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    prepare(*Invocation, SkipSystemBodies);
    if (Preamble) {
      PreprocessorOptions &PP = Invocation->getPreprocessorOpts();
      PP.ImplicitPCHInclude = Preamble->PCHPath;
      PP.PrecompiledPreambleBytes = {Preamble->HeaderText.size(), true};
    }
    return FrontendActionFactory::runInvocation(Invocation, Files,
                                                PCHContainerOps, DiagConsumer);
  }

  bool usesPreamble() const { return Preamble != nullptr; }

  /// What every parse, and the preamble's, is set up with: they must agree
  /// for a PCH to be usable.
  static void prepare(CompilerInvocation &Invocation, bool SkipSystemBodies) {
    // As clang-tidy does: code may hide things from analyzers.
    Invocation.getPreprocessorOpts().SetUpStaticAnalyzer = true;
    Invocation.getFrontendOpts().SkipFunctionBodies = SkipSystemBodies;
    // A PCH from an earlier run is checked by content, not by time: a fresh
    // checkout gives every file a new one.
    Invocation.getHeaderSearchOpts().ValidateASTInputFilesContent = true;
  }

private:
  ClangTidyASTConsumerFactory Checks;
  bool SkipSystemBodies;
  const SharedPreamble *Preamble;
  FileResult &Result;
};

class PreambleActionFactory : public tooling::FrontendActionFactory {
public:
  PreambleActionFactory(SharedPreamble &Preamble, bool SkipSystemBodies)
      : Preamble(Preamble), SkipSystemBodies(SkipSystemBodies) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<PreambleAction>(SkipSystemBodies, Preamble.Inputs);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    LintActionFactory::prepare(*Invocation, SkipSystemBodies);
    FrontendOptions &Frontend = Invocation->getFrontendOpts();
    Frontend.Inputs = {FrontendInputFile(
        Preamble.HeaderPath, InputKind(Language::CXX).getHeader())};
    Frontend.OutputFile = Preamble.PCHPath;
    Frontend.ProgramAction = frontend::GeneratePCH;
    return FrontendActionFactory::runInvocation(Invocation, Files,
                                                PCHContainerOps, DiagConsumer);
  }

private:
  SharedPreamble &Preamble;
  bool SkipSystemBodies;
};

/// The ExtraArgs and ExtraArgsBefore of .clang-tidy files, as clang-tidy
/// adds them.
void addConfiguredArguments(tooling::ClangTool &Tool,
                            ClangTidyContext &Context) {
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
}

/// Findings in system headers are never shown unless asked for: then the
/// bodies there matter.
bool skipSystemBodies(ClangTidyContext &Context, const std::string &File,
                      const RunOptions &Options) {
  return Options.SkipSystemBodies &&
         !Context.getOptionsForFile(File).SystemHeaders.value_or(false);
}

/// Builds \p Preamble's PCH; on failure its files are parsed whole.
void buildPreamble(SharedPreamble &Preamble, ClangTidyContext &Context,
                   const tooling::CompilationDatabase &Compilations,
                   llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                   const RunOptions &Options) {
  tooling::ClangTool Tool(Compilations, {Preamble.Representative},
                          std::make_shared<PCHContainerOperations>(), FS);
  addConfiguredArguments(Tool, Context);
  IgnoringDiagConsumer Quiet;
  Tool.setDiagnosticConsumer(&Quiet);
  Tool.setPrintErrorMessage(false);
  PreambleActionFactory Factory(
      Preamble, skipSystemBodies(Context, Preamble.Representative, Options));
  if (Tool.run(&Factory) != 0)
    return;
  auto PCH = llvm::MemoryBuffer::getFile(Preamble.PCHPath);
  if (!PCH)
    return;
  Preamble.PCH = std::move(*PCH);
  Preamble.Built.store(true, std::memory_order_release);
}

/// Runs \p Work(I, FS) for I in [0, N) on \p Jobs threads, each thread with
/// a file system of its own from \p MakeFS.
void parallelFor(
    size_t N, unsigned Jobs,
    const std::function<llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem>()>
        &MakeFS,
    const std::function<void(size_t, llvm::IntrusiveRefCntPtr<
                                         llvm::vfs::OverlayFileSystem>)> &Work) {
  std::atomic<size_t> Next{0};
  auto Worker = [&] {
    auto FS = MakeFS();
    for (size_t I = Next++; I < N; I = Next++)
      Work(I, FS);
  };
  Jobs = std::max<unsigned>(1, std::min<size_t>(Jobs, N));
  std::vector<std::thread> Threads;
  for (unsigned I = 1; I < Jobs; ++I)
    Threads.emplace_back(Worker);
  Worker();
  for (std::thread &Thread : Threads)
    Thread.join();
}

/// What a file's result depends on besides the files it reads: its command
/// lines, its effective configuration, and the run's options.
std::string cacheKey(ClangTidyContext &Context,
                     const tooling::CompilationDatabase &Compilations,
                     const std::string &File, const RunOptions &Options) {
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

/// What a preamble's PCH depends on besides the files it reads: what makes
/// files share it, the arguments the configuration adds, and the run's
/// options.
std::string preambleCacheKey(ClangTidyContext &Context,
                             const SharedPreamble &Preamble,
                             const RunOptions &Options) {
  ClangTidyOptions Configured =
      Context.getOptionsForFile(Preamble.Representative);
  std::vector<std::string> Arguments{"preamble"};
  for (const auto &Args : {Configured.ExtraArgsBefore, Configured.ExtraArgs}) {
    Arguments.push_back("--");
    if (Args)
      Arguments.insert(Arguments.end(), Args->begin(), Args->end());
  }
  return ResultCache::key(
      Preamble.Identity, Arguments,
      skipSystemBodies(Context, Preamble.Representative, Options) ? "skip"
                                                                  : "");
}

} // namespace

FileResult lintFile(ClangTidyContext &Context,
                    const tooling::CompilationDatabase &Compilations,
                    const std::string &File,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                    const RunOptions &Options, const SharedPreamble *Preamble) {
  tooling::ClangTool Tool(Compilations, {File},
                          std::make_shared<PCHContainerOperations>(), FS);
  addConfiguredArguments(Tool, Context);
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
  FileResult Result;
  LintActionFactory Factory(Context, FS,
                            skipSystemBodies(Context, File, Options), Preamble,
                            Result);
  Result.UsedPreamble = Factory.usesPreamble();
  Tool.run(&Factory);
  Result.Findings = DiagConsumer.take();
  return Result;
}

RunResult runChecks(
    const OptionsFactory &MakeOptions,
    const tooling::CompilationDatabase &Compilations,
    const std::vector<std::string> &Files, const RunOptions &Options,
    const std::function<void(size_t, size_t, llvm::StringRef)> &Progress) {
  std::vector<std::optional<FileResult>> Results(Files.size());
  std::vector<std::string> Keys(Files.size());
  std::mutex Lock;
  size_t Done = 0;
  auto Finished = [&](size_t I) {
    std::lock_guard<std::mutex> Guard(Lock);
    if (Progress)
      Progress(++Done, Files.size(), Files[I]);
  };
  std::vector<std::pair<std::string, std::string>> Headers;
  auto MakeFS = [&] {
    auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
        llvm::vfs::createPhysicalFileSystem());
    // A layer of its own per thread: ClangTool sets the working directory
    // of every layer.
    auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
    for (const auto &[Path, Text] : Headers)
      Memory->addFile(Path, 0, llvm::MemoryBuffer::getMemBuffer(Text));
    FS->pushOverlay(Memory);
    return FS;
  };

  // 1. Results kept from earlier runs.
  std::optional<ResultCache> Cache;
  if (!Options.CacheDir.empty()) {
    Cache.emplace(Options.CacheDir);
    Cache->removeStaleTemporaries();
  }
  if (Cache)
    parallelFor(Files.size(), Options.Jobs, MakeFS, [&](size_t I, auto) {
      ClangTidyContext Context(MakeOptions());
      Keys[I] = cacheKey(Context, Compilations, Files[I], Options);
      Results[I] = Cache->lookup(Keys[I]);
      if (Results[I]) {
        Results[I]->Inputs.clear();
        Finished(I);
      }
    });
  std::vector<size_t> ToLint;
  for (size_t I = 0; I < Files.size(); ++I)
    if (!Results[I])
      ToLint.push_back(I);
  // Largest first: the last files to finish are then short ones, and the
  // threads run out of work at about the same time.
  if (Options.Jobs > 1) {
    std::vector<uint64_t> Sizes(Files.size(), 0);
    for (size_t I : ToLint)
      llvm::sys::fs::file_size(Files[I], Sizes[I]);
    llvm::sort(ToLint, [&](size_t A, size_t B) {
      return std::make_pair(Sizes[A], B) > std::make_pair(Sizes[B], A);
    });
  }

  // 2. The include blocks that files to lint have in common, precompiled
  // first; a thread with no preamble left to build meanwhile lints one file
  // of each whole (see waitUnlessFirstWholeParse). 3. The checks, on every
  // file the cache did not answer.
  llvm::StringMap<std::shared_ptr<SharedPreamble>> Preambles;
  std::vector<SharedPreamble *> Unique;
  llvm::SmallString<128> Scratch;
  // With a cache, a preamble an earlier run stored serves even one file.
  if (Options.SharePreambles && ToLint.size() > (Cache ? 0 : 1) &&
      !llvm::sys::fs::createUniqueDirectory("corolint-preambles", Scratch)) {
    std::vector<std::string> Names;
    for (size_t I : ToLint)
      Names.push_back(Files[I]);
    Preambles =
        planSharedPreambles(Compilations, Names, Scratch, Cache ? 1 : 2);
    for (const auto &Entry : Preambles)
      if (llvm::find(Unique, Entry.second.get()) == Unique.end())
        Unique.push_back(Entry.second.get());
    llvm::sort(Unique, [](const SharedPreamble *A, const SharedPreamble *B) {
      return A->PCHPath < B->PCHPath;
    });
    if (Cache)
      parallelFor(Unique.size(), Options.Jobs, MakeFS, [&](size_t I, auto) {
        ClangTidyContext Context(MakeOptions());
        SharedPreamble &Preamble = *Unique[I];
        Preamble.CacheKey = preambleCacheKey(Context, Preamble, Options);
        Preamble.FromCache = Cache->lookupPreamble(Preamble.CacheKey, Preamble);
        Preamble.Built.store(Preamble.FromCache, std::memory_order_release);
      });
    // Not worth building for one file. (Unique's pointers are owned by
    // Preambles: dropped from Unique first.)
    llvm::DenseMap<const SharedPreamble *, unsigned> Members;
    for (const auto &Entry : Preambles)
      ++Members[Entry.second.get()];
    auto Unused = [&](const SharedPreamble *Preamble) {
      return !Preamble->FromCache && Members.lookup(Preamble) < 2;
    };
    llvm::erase_if(Unique, Unused);
    for (auto It = Preambles.begin(); It != Preambles.end();) {
      if (Unused(It->second.get()))
        Preambles.erase(It++);
      else
        ++It;
    }
    for (const SharedPreamble *Preamble : Unique)
      Headers.emplace_back(Preamble->HeaderPath, Preamble->HeaderText);
  }
  // Built first, so that they serve as many files as possible.
  std::vector<SharedPreamble *> ToBuild;
  for (SharedPreamble *Preamble : Unique)
    if (!Preamble->FromCache)
      ToBuild.push_back(Preamble);
  size_t Tasks = ToBuild.size() + ToLint.size();
  parallelFor(Tasks, Options.Jobs, MakeFS, [&](size_t Task, auto FS) {
    if (Task < ToBuild.size()) {
      SharedPreamble &Preamble = *ToBuild[Task];
      ClangTidyContext Context(MakeOptions());
      buildPreamble(Preamble, Context, Compilations, FS, Options);
      Preamble.endBuild();
      if (Cache && Preamble.Built.load(std::memory_order_acquire))
        Cache->storePreamble(Preamble.CacheKey, Preamble);
      return;
    }
    size_t I = ToLint[Task - ToBuild.size()];
    SharedPreamble *Preamble = Preambles.lookup(Files[I]).get();
    if (Preamble && Preamble->Refused.load(std::memory_order_acquire))
      Preamble = nullptr;
    // Its build was taken by an earlier task: the builds come first.
    if (Preamble && !Preamble->Built.load(std::memory_order_acquire))
      Preamble->waitUnlessFirstWholeParse();
    if (Preamble && Preamble->Built.load(std::memory_order_acquire)) {
      // The top layer is this thread's in-memory one (MakeFS).
      auto &Memory =
          static_cast<llvm::vfs::InMemoryFileSystem &>(**FS->overlays_begin());
      if (!Memory.exists(Preamble->PCHPath))
        Memory.addFile(Preamble->PCHPath, 0,
                       llvm::MemoryBuffer::getMemBuffer(
                           Preamble->PCH->getMemBufferRef(),
                           /*RequiresNullTerminator=*/false));
    }
    // A context per file: it belongs to one run (it maps the diagnostic IDs
    // of that run's engine to check names).
    ClangTidyContext Context(MakeOptions());
    Results[I] = lintFile(Context, Compilations, Files[I], FS, Options,
                          Preamble);
    // A kept PCH that Clang refuses after all (its inputs hash the same,
    // yet something it checks differs) must not turn into compile errors:
    // if the file parses whole, the PCH is to blame, and is dropped.
    auto HasErrors = [](const FileResult &Result) {
      return llvm::any_of(Result.Findings, [](const ClangTidyError &E) {
        return E.DiagnosticName == "clang-diagnostic-error";
      });
    };
    if (Preamble && Preamble->FromCache && HasErrors(*Results[I])) {
      ClangTidyContext Whole(MakeOptions());
      Results[I] = lintFile(Whole, Compilations, Files[I], FS, Options);
      if (!HasErrors(*Results[I]) && !Preamble->Refused.exchange(true))
        Cache->dropPreamble(Preamble->CacheKey);
    }
    if (Cache)
      Cache->store(Keys[I], *Results[I]);
    // Hundreds of paths per file: kept for every file, they would grow the
    // run's memory with the number of files.
    Results[I]->Inputs.clear();
    Finished(I);
  });
  if (!Scratch.empty())
    llvm::sys::fs::remove_directories(Scratch);

  RunResult Run;
  Run.CacheHits = Files.size() - ToLint.size();
  for (const SharedPreamble *Preamble : Unique) {
    Run.PreamblesBuilt += Preamble->Built.load() && !Preamble->FromCache;
    Run.PreamblesReused += Preamble->FromCache;
  }
  for (std::optional<FileResult> &Result : Results) {
    Run.Findings.insert(Run.Findings.end(),
                        std::make_move_iterator(Result->Findings.begin()),
                        std::make_move_iterator(Result->Findings.end()));
    for (const auto &Entry : Result->UserFiles)
      Run.ContentHashes[Entry.getKey()] = Entry.getValue();
    Run.FilesWithPreamble += Result->UsedPreamble;
  }
  sortAndDeduplicate(Run.Findings);
  dropOverlappingFixes(Run.Findings);
  return Run;
}

} // namespace corolint
