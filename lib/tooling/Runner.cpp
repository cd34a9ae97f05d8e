//===--- Runner.cpp -------------------------------------------------------===//
//
// clang-tidy's runClangTidy, with corolint's own frontend action: it skips
// the bodies of functions in system headers, and shows the checks only the
// declarations of the user's files (clangd's traversal scope), so that the
// matchers never walk the standard library or Asio.
//
//===----------------------------------------------------------------------===//

#include "tooling/Runner.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "model/CoroutineInfo.h"
#include "tooling/Cache.h"
#include "tooling/ContentHash.h"
#include "tooling/QuietBodies.h"
#include "tooling/Report.h"
#include "tooling/SharedPreambles.h"
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

/// Which function bodies a parse skips; none, for the full parse.
struct Skipping {
  bool SystemBodies = false;
  /// Set: also the quiet bodies of the user's headers (see QuietBodies),
  /// with these names of the checks.
  std::shared_ptr<const llvm::StringSet<>> QuietKnown;

  /// For cache keys: what a parse with it depends on.
  std::string text() const {
    return std::string(SystemBodies ? "skip" : "") +
           (QuietKnown ? "quiet" : "");
  }
};

/// Wraps clang-tidy's consumer (or the PCH writer of a shared preamble):
/// skips system-header function bodies while parsing, runs the checks over
/// the user's top-level declarations only, and records the files read.
class UserCodeConsumer : public MultiplexConsumer {
public:
  UserCodeConsumer(std::unique_ptr<ASTConsumer> Inner, CompilerInstance &CI,
                   const Skipping &Skip, const SharedPreamble *Preamble,
                   FileResult &Result)
      : MultiplexConsumer(one(std::move(Inner))), CI(CI), Skip(Skip),
        Preamble(Preamble), Result(Result) {}

  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    for (Decl *D : Group)
      if (!inSystemHeader(CI.getSourceManager(), D->getLocation()))
        UserDecls.push_back(D);
    return MultiplexConsumer::HandleTopLevelDecl(Group);
  }

  bool shouldSkipFunctionBody(Decl *D) override {
    const SourceManager &SM = CI.getSourceManager();
    if (inSystemHeader(SM, D->getLocation()))
      return Skip.SystemBodies;
    // The main file's bodies are what the user asked about.
    if (!Skip.QuietKnown ||
        SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
      return false;
    if (!Quiet)
      Quiet.emplace(CI.getPreprocessor(), *Skip.QuietKnown);
    return Quiet->isQuiet(*D);
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
    quietBodyReads() = {};
    MultiplexConsumer::HandleTranslationUnit(Context);
    // A check read a body skipped as quiet: the file is analysed again,
    // whole, and nothing of this parse is reported.
    Result.NeedsWholeParse = quietBodyReads().Read != 0;
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
      const FileResult &Read = Preamble->precompiled().Inputs;
      for (const auto &Input : Read.Inputs)
        Result.Inputs.try_emplace(Input.getKey(), Input.getValue());
      for (const auto &File : Read.UserFiles)
        Result.UserFiles.try_emplace(File.getKey(), File.getValue());
    }
  }

  CompilerInstance &CI;
  Skipping Skip;
  const SharedPreamble *Preamble;
  FileResult &Result;
  std::vector<Decl *> UserDecls;
  std::optional<QuietBodies> Quiet;
};

class LintAction : public ASTFrontendAction {
public:
  LintAction(ClangTidyASTConsumerFactory &Checks, const Skipping &Skip,
             const SharedPreamble *Preamble, FileResult &Result)
      : Checks(Checks), Skip(Skip), Preamble(Preamble), Result(Result) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef File) override {
    // The command names the file relative to its directory; the checks'
    // configuration is looked up by absolute path.
    llvm::SmallString<256> Absolute(File);
    CI.getFileManager().makeAbsolutePath(Absolute);
    return std::make_unique<UserCodeConsumer>(
        Checks.createASTConsumer(CI, Absolute), CI, Skip, Preamble, Result);
  }

private:
  ClangTidyASTConsumerFactory &Checks;
  const Skipping &Skip;
  const SharedPreamble *Preamble;
  FileResult &Result;
};

/// Writes the PCH of a shared preamble, its system bodies skipped as in
/// every file that uses it.
class PreambleAction : public GeneratePCHAction {
public:
  PreambleAction(const Skipping &Skip, FileResult &Result)
      : Skip(Skip), Result(Result) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef File) override {
    std::unique_ptr<ASTConsumer> Writer =
        GeneratePCHAction::CreateASTConsumer(CI, File);
    if (!Writer)
      return nullptr;
    return std::make_unique<UserCodeConsumer>(std::move(Writer), CI, Skip,
                                              nullptr, Result);
  }

private:
  const Skipping &Skip;
  FileResult &Result;
};

class LintActionFactory : public tooling::FrontendActionFactory {
public:
  LintActionFactory(ClangTidyContext &Context,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                    Skipping Skip, const SharedPreamble *Preamble,
                    unsigned PreambleBytes, FileResult &Result)
      : Checks(Context, std::move(FS)), Skip(std::move(Skip)),
        Preamble(Preamble && Preamble->ready() && PreambleBytes ? Preamble
                                                                : nullptr),
        PreambleBytes(PreambleBytes), Result(Result) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<LintAction>(Checks, Skip, Preamble, Result);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    prepare(*Invocation, Skip);
    if (Preamble) {
      PreprocessorOptions &PP = Invocation->getPreprocessorOpts();
      PP.ImplicitPCHInclude = Preamble->plan().PCHPath;
      PP.PrecompiledPreambleBytes = {PreambleBytes, true};
    }
    return FrontendActionFactory::runInvocation(Invocation, Files,
                                                PCHContainerOps, DiagConsumer);
  }

  bool usesPreamble() const { return Preamble != nullptr; }

  /// What every parse, and the preamble's, is set up with: they must agree
  /// for a PCH to be usable.
  static void prepare(CompilerInvocation &Invocation, const Skipping &Skip) {
    // As clang-tidy does: code may hide things from analyzers.
    Invocation.getPreprocessorOpts().SetUpStaticAnalyzer = true;
    Invocation.getFrontendOpts().SkipFunctionBodies =
        Skip.SystemBodies || Skip.QuietKnown;
    // A PCH from an earlier run is checked by content, not by time: a fresh
    // checkout gives every file a new one.
    Invocation.getHeaderSearchOpts().ValidateASTInputFilesContent = true;
  }

private:
  ClangTidyASTConsumerFactory Checks;
  Skipping Skip;
  const SharedPreamble *Preamble;
  /// How many of the file's first bytes the preamble stands for.
  unsigned PreambleBytes;
  FileResult &Result;
};

class PreambleActionFactory : public tooling::FrontendActionFactory {
public:
  PreambleActionFactory(const PreamblePlan &Plan, Skipping Skip,
                        FileResult &Inputs)
      : Plan(Plan), Skip(std::move(Skip)), Inputs(Inputs) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<PreambleAction>(Skip, Inputs);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    LintActionFactory::prepare(*Invocation, Skip);
    FrontendOptions &Frontend = Invocation->getFrontendOpts();
    Frontend.Inputs = {FrontendInputFile(Plan.HeaderPath,
                                         InputKind(Language::CXX).getHeader())};
    Frontend.OutputFile = Plan.PCHPath;
    Frontend.ProgramAction = frontend::GeneratePCH;
    return FrontendActionFactory::runInvocation(Invocation, Files,
                                                PCHContainerOps, DiagConsumer);
  }

private:
  const PreamblePlan &Plan;
  Skipping Skip;
  FileResult &Inputs;
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
/// bodies there matter. The quiet bodies of the user's headers are decided
/// by the names this file's configuration gives the checks.
Skipping skippingFor(ClangTidyContext &Context, const std::string &File,
                     const RunOptions &Options) {
  ClangTidyOptions Configured = Context.getOptionsForFile(File);
  Skipping Skip;
  Skip.SystemBodies =
      Options.SkipSystemBodies && !Configured.SystemHeaders.value_or(false);
  if (Options.SkipQuietBodies)
    Skip.QuietKnown = std::make_shared<const llvm::StringSet<>>(
        namesChecksKnow(Configured.CheckOptions));
  return Skip;
}

/// Builds the PCH of \p Plan; none if the block does not compile (its
/// files are then parsed whole).
std::optional<PrecompiledBlock>
buildPreamble(const PreamblePlan &Plan, ClangTidyContext &Context,
              const tooling::CompilationDatabase &Compilations,
              llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
              const RunOptions &Options) {
  tooling::ClangTool Tool(Compilations, {Plan.Representative},
                          std::make_shared<PCHContainerOperations>(), FS);
  addConfiguredArguments(Tool, Context);
  IgnoringDiagConsumer Quiet;
  Tool.setDiagnosticConsumer(&Quiet);
  Tool.setPrintErrorMessage(false);
  PrecompiledBlock Built;
  PreambleActionFactory Factory(
      Plan, skippingFor(Context, Plan.Representative, Options), Built.Inputs);
  if (Tool.run(&Factory) != 0)
    return std::nullopt;
  auto PCH = llvm::MemoryBuffer::getFile(Plan.PCHPath);
  if (!PCH)
    return std::nullopt;
  Built.PCH = std::move(*PCH);
  return Built;
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
  Configuration += Options.SkipQuietBodies ? "\nquiet" : "";
  return ResultCache::key(File, CommandLine, Configuration);
}

/// What a preamble's PCH depends on besides the files it reads: what makes
/// files share it, the arguments the configuration adds, and the run's
/// options.
std::string preambleCacheKey(ClangTidyContext &Context,
                             const PreamblePlan &Preamble,
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
      skippingFor(Context, Preamble.Representative, Options).text());
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
  // The consumer takes its header filter from the context's current file
  // when it is made: this file's configuration, not the working
  // directory's (the context's until the action names the file).
  llvm::SmallString<256> Absolute(File);
  llvm::sys::fs::make_absolute(Absolute);
  Context.setCurrentFile(Absolute);
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
  LintActionFactory Factory(
      Context, FS, skippingFor(Context, File, Options), Preamble,
      Preamble ? Preamble->plan().ReplacedBytes.lookup(File) : 0, Result);
  Result.UsedPreamble = Factory.usesPreamble();
  Tool.run(&Factory);
  Result.Findings = DiagConsumer.take();
  return Result;
}

namespace {

/// One run of runChecks, in the passes docs/design.md describes: results
/// kept by the cache, the shared preambles to use, then the preambles'
/// builds and the checks on every file the cache did not answer, on the same
/// threads. Each pass is a member; what they hand on to each other is here.
class ChecksRun {
public:
  ChecksRun(
      const OptionsFactory &MakeOptions,
      const tooling::CompilationDatabase &Compilations,
      const std::vector<std::string> &Files, const RunOptions &Options,
      const std::function<void(size_t, size_t, llvm::StringRef)> &Progress)
      : MakeOptions(MakeOptions), Compilations(Compilations), Files(Files),
        Options(Options), Progress(Progress), Results(Files.size()),
        Keys(Files.size()) {
    if (!Options.CacheDir.empty()) {
      Cache.emplace(Options.CacheDir);
      Cache->removeStaleTemporaries();
    }
  }

  ~ChecksRun() {
    if (!Scratch.empty())
      llvm::sys::fs::remove_directories(Scratch);
  }

  /// 1. The results an earlier run kept, for files whose inputs are
  /// unchanged; every other file is to be linted.
  void reuseCachedResults();
  /// 2. The include blocks that files to lint have in common, with the PCHs
  /// the cache kept; the others are to be built.
  void planSharedPreambles();
  /// 2 and 3. The preambles' builds first, then the checks on every file
  /// the cache did not answer.
  void buildPreamblesAndLint();
  /// Every finding, sorted and deduplicated, and what was reused.
  RunResult collect();

private:
  /// A file system per thread: the physical one under an in-memory layer
  /// holding the shared preambles' headers (and, later, their PCHs).
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> makeFileSystem() const;
  void buildPreamble(SharedPreamble &Preamble,
                     llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS);
  void lintOne(size_t I,
               llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS);
  void finished(size_t I);

  const OptionsFactory &MakeOptions;
  const tooling::CompilationDatabase &Compilations;
  const std::vector<std::string> &Files;
  const RunOptions &Options;
  const std::function<void(size_t, size_t, llvm::StringRef)> &Progress;

  std::optional<ResultCache> Cache;
  /// Per file: its result, and its cache key.
  std::vector<std::optional<FileResult>> Results;
  std::vector<std::string> Keys;
  /// The files the cache did not answer, largest first.
  std::vector<size_t> ToLint;
  /// The preamble of each file that has one, and each preamble once.
  llvm::StringMap<SharedPreamble *> PreambleOf;
  std::vector<std::unique_ptr<SharedPreamble>> Preambles;
  /// The preambles' in-memory headers, by path, for makeFileSystem.
  std::vector<std::pair<std::string, std::string>> Headers;
  /// The temporary directory of the PCHs built.
  llvm::SmallString<128> Scratch;

  std::mutex ProgressLock;
  size_t Done = 0;
};

llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem>
ChecksRun::makeFileSystem() const {
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::createPhysicalFileSystem());
  // A layer of its own per thread: ClangTool sets the working directory
  // of every layer.
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const auto &[Path, Text] : Headers)
    Memory->addFile(Path, 0, llvm::MemoryBuffer::getMemBuffer(Text));
  FS->pushOverlay(Memory);
  return FS;
}

void ChecksRun::finished(size_t I) {
  std::lock_guard<std::mutex> Guard(ProgressLock);
  if (Progress)
    Progress(++Done, Files.size(), Files[I]);
}

void ChecksRun::reuseCachedResults() {
  auto MakeFS = [this] { return makeFileSystem(); };
  if (Cache)
    parallelFor(Files.size(), Options.Jobs, MakeFS, [&](size_t I, auto) {
      ClangTidyContext Context(MakeOptions());
      Keys[I] = cacheKey(Context, Compilations, Files[I], Options);
      Results[I] = Cache->lookup(Keys[I]);
      if (Results[I]) {
        Results[I]->Inputs.clear();
        finished(I);
      }
    });
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
}

void ChecksRun::planSharedPreambles() {
  // With a cache, a preamble an earlier run stored serves even one file.
  if (!Options.SharePreambles || ToLint.size() <= (Cache ? 0u : 1u) ||
      llvm::sys::fs::createUniqueDirectory("corolint-preambles", Scratch))
    return;
  std::vector<std::string> Names;
  for (size_t I : ToLint)
    Names.push_back(Files[I]);
  llvm::StringMap<std::shared_ptr<const PreamblePlan>> Plans =
      corolint::planSharedPreambles(Compilations, Names, Scratch,
                                    Cache ? 1 : 2);
  // One build object per plan, in the order of their PCHs' names.
  std::vector<std::shared_ptr<const PreamblePlan>> Unique;
  llvm::DenseMap<const PreamblePlan *, unsigned> Members;
  for (const auto &Entry : Plans)
    if (Members[Entry.second.get()]++ == 0)
      Unique.push_back(Entry.second);
  llvm::sort(Unique, [](const auto &A, const auto &B) {
    return A->PCHPath < B->PCHPath;
  });
  std::vector<std::unique_ptr<SharedPreamble>> Candidates;
  for (const auto &Plan : Unique)
    Candidates.push_back(std::make_unique<SharedPreamble>(Plan));
  if (Cache)
    parallelFor(
        Candidates.size(), Options.Jobs, [this] { return makeFileSystem(); },
        [&](size_t I, auto) {
          ClangTidyContext Context(MakeOptions());
          SharedPreamble &Preamble = *Candidates[I];
          Preamble.setCacheKey(
              preambleCacheKey(Context, Preamble.plan(), Options));
          PrecompiledBlock Kept;
          if (Cache->lookupPreamble(Preamble.cacheKey(), Kept))
            Preamble.useCached(std::move(Kept));
        });
  // Not worth building for one file.
  llvm::DenseMap<const PreamblePlan *, SharedPreamble *> ByPlan;
  for (std::unique_ptr<SharedPreamble> &Preamble : Candidates) {
    if (!Preamble->fromCache() && Members.lookup(&Preamble->plan()) < 2)
      continue;
    ByPlan[&Preamble->plan()] = Preamble.get();
    Headers.emplace_back(Preamble->plan().HeaderPath,
                         Preamble->plan().HeaderText);
    Preambles.push_back(std::move(Preamble));
  }
  for (const auto &Entry : Plans)
    if (SharedPreamble *Preamble = ByPlan.lookup(Entry.second.get())) {
      PreambleOf[Entry.getKey()] = Preamble;
      Preamble->addUser();
    }
}

void ChecksRun::buildPreamble(
    SharedPreamble &Preamble,
    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS) {
  ClangTidyContext Context(MakeOptions());
  std::optional<PrecompiledBlock> Built = corolint::buildPreamble(
      Preamble.plan(), Context, Compilations, FS, Options);
  // Before the files may use it: the last of them frees it.
  if (Cache && Built)
    Cache->storePreamble(Preamble.cacheKey(), *Built);
  Preamble.finishBuild(std::move(Built));
}

void ChecksRun::lintOne(
    size_t I, llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS) {
  SharedPreamble *Preamble = PreambleOf.lookup(Files[I]);
  if (Preamble && Preamble->refused())
    Preamble = nullptr;
  // Its build was taken by an earlier task: the builds come first.
  if (Preamble && !Preamble->ready())
    Preamble->waitUnlessFirstWholeParse();
  if (Preamble && Preamble->ready()) {
    // The top layer is this thread's in-memory one (makeFileSystem).
    auto &Memory =
        static_cast<llvm::vfs::InMemoryFileSystem &>(**FS->overlays_begin());
    const std::string &PCHPath = Preamble->plan().PCHPath;
    if (!Memory.exists(PCHPath))
      Memory.addFile(PCHPath, 0,
                     llvm::MemoryBuffer::getMemBuffer(
                         Preamble->precompiled().PCH->getMemBufferRef(),
                         /*RequiresNullTerminator=*/false));
  }
  // A context per file: it belongs to one run (it maps the diagnostic IDs
  // of that run's engine to check names).
  ClangTidyContext Context(MakeOptions());
  Results[I] = lintFile(Context, Compilations, Files[I], FS, Options, Preamble);
  // A kept PCH that Clang refuses after all (its inputs hash the same,
  // yet something it checks differs) must not turn into compile errors:
  // if the file parses whole, the PCH is to blame, and is dropped.
  auto HasErrors = [](const FileResult &Result) {
    return llvm::any_of(Result.Findings, [](const ClangTidyError &E) {
      return E.DiagnosticName == "clang-diagnostic-error";
    });
  };
  // A body skipped as quiet mattered after all (see UserCodeConsumer):
  // every body again, the shared preamble's too.
  if (Results[I]->NeedsWholeParse) {
    RunOptions Whole = Options;
    Whole.SkipQuietBodies = false;
    ClangTidyContext Again(MakeOptions());
    Results[I] = lintFile(Again, Compilations, Files[I], FS, Whole);
    Results[I]->ParsedAgain = true;
  }
  if (Preamble && Preamble->fromCache() && HasErrors(*Results[I])) {
    ClangTidyContext Whole(MakeOptions());
    Results[I] = lintFile(Whole, Compilations, Files[I], FS, Options);
    if (!HasErrors(*Results[I]) && Preamble->refuse())
      Cache->dropPreamble(Preamble->cacheKey());
  }
  if (Cache)
    Cache->store(Keys[I], *Results[I]);
  // Hundreds of paths per file: kept for every file, they would grow the
  // run's memory with the number of files.
  Results[I]->Inputs.clear();
  if (SharedPreamble *Planned = PreambleOf.lookup(Files[I]))
    Planned->doneWith();
  finished(I);
}

void ChecksRun::buildPreamblesAndLint() {
  // Built first, so that they serve as many files as possible; a thread
  // with no preamble left to build meanwhile lints one file of each whole
  // (see waitUnlessFirstWholeParse).
  std::vector<SharedPreamble *> ToBuild;
  for (const std::unique_ptr<SharedPreamble> &Preamble : Preambles)
    if (!Preamble->fromCache())
      ToBuild.push_back(Preamble.get());
  parallelFor(
      ToBuild.size() + ToLint.size(), Options.Jobs,
      [this] { return makeFileSystem(); },
      [&](size_t Task, auto FS) {
        if (Task < ToBuild.size())
          buildPreamble(*ToBuild[Task], FS);
        else
          lintOne(ToLint[Task - ToBuild.size()], FS);
      });
}

RunResult ChecksRun::collect() {
  RunResult Run;
  Run.CacheHits = Files.size() - ToLint.size();
  for (const std::unique_ptr<SharedPreamble> &Preamble : Preambles) {
    Run.PreamblesBuilt += Preamble->ready() && !Preamble->fromCache();
    Run.PreamblesReused += Preamble->fromCache();
  }
  for (std::optional<FileResult> &Result : Results) {
    Run.Findings.insert(Run.Findings.end(),
                        std::make_move_iterator(Result->Findings.begin()),
                        std::make_move_iterator(Result->Findings.end()));
    for (const auto &Entry : Result->UserFiles)
      Run.ContentHashes[Entry.getKey()] = Entry.getValue();
    Run.FilesWithPreamble += Result->UsedPreamble;
    Run.FilesParsedAgain += Result->ParsedAgain;
  }
  sortAndDeduplicate(Run.Findings);
  dropOverlappingFixes(Run.Findings);
  return Run;
}

} // namespace

RunResult runChecks(
    const OptionsFactory &MakeOptions,
    const tooling::CompilationDatabase &Compilations,
    const std::vector<std::string> &Files, const RunOptions &Options,
    const std::function<void(size_t, size_t, llvm::StringRef)> &Progress) {
  ChecksRun Run(MakeOptions, Compilations, Files, Options, Progress);
  Run.reuseCachedResults();
  Run.planSharedPreambles();
  Run.buildPreamblesAndLint();
  return Run.collect();
}

} // namespace corolint
