//===--- Cache.cpp --------------------------------------------------------===//

#include "tooling/Cache.h"
#include "tooling/AtomicWrite.h"
#include "tooling/ContentHash.h"
#include "tooling/SharedPreambles.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>

using clang::tidy::ClangTidyError;
using clang::tooling::DiagnosticMessage;
namespace json = llvm::json;

namespace corolint {

namespace {

/// Bumped whenever the checks or this format change: old entries then miss.
constexpr llvm::StringLiteral Format = "corolint-cache-2";

/// How many states of a translation unit's inputs an entry keeps: enough
/// for a few branches a CI machine switches between, few enough that a
/// miss reads little.
constexpr size_t MaxStates = 8;

json::Value toJson(const DiagnosticMessage &M) {
  json::Array Fixes, Ranges;
  for (const auto &File : M.Fix)
    for (const clang::tooling::Replacement &R : File.second)
      Fixes.push_back(json::Array{File.getKey(), R.getOffset(), R.getLength(),
                                  R.getReplacementText()});
  for (const clang::tooling::FileByteRange &R : M.Ranges)
    Ranges.push_back(json::Array{R.FilePath, R.FileOffset, R.Length});
  return json::Object{{"text", M.Message},
                      {"file", M.FilePath},
                      {"offset", M.FileOffset},
                      {"fixes", std::move(Fixes)},
                      {"ranges", std::move(Ranges)}};
}

bool fromJson(const json::Value &V, DiagnosticMessage &M) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return false;
  auto Text = O->getString("text");
  auto File = O->getString("file");
  auto Offset = O->getInteger("offset");
  const json::Array *Fixes = O->getArray("fixes");
  const json::Array *Ranges = O->getArray("ranges");
  if (!Text || !File || !Offset || !Fixes || !Ranges)
    return false;
  M.Message = Text->str();
  M.FilePath = File->str();
  M.FileOffset = *Offset;
  for (const json::Value &Fix : *Fixes) {
    const json::Array *F = Fix.getAsArray();
    if (!F || F->size() != 4 || !(*F)[0].getAsString() ||
        !(*F)[1].getAsInteger() || !(*F)[2].getAsInteger() ||
        !(*F)[3].getAsString())
      return false;
    llvm::StringRef Path = *(*F)[0].getAsString();
    if (llvm::Error E = M.Fix[Path].add(clang::tooling::Replacement(
            Path, *(*F)[1].getAsInteger(), *(*F)[2].getAsInteger(),
            *(*F)[3].getAsString()))) {
      llvm::consumeError(std::move(E));
      return false;
    }
  }
  for (const json::Value &Range : *Ranges) {
    const json::Array *R = Range.getAsArray();
    if (!R || R->size() != 3 || !(*R)[0].getAsString() ||
        !(*R)[1].getAsInteger() || !(*R)[2].getAsInteger())
      return false;
    clang::tooling::FileByteRange B;
    B.FilePath = (*R)[0].getAsString()->str();
    B.FileOffset = *(*R)[1].getAsInteger();
    B.Length = *(*R)[2].getAsInteger();
    M.Ranges.push_back(std::move(B));
  }
  return true;
}

json::Value toJson(const ClangTidyError &E) {
  json::Array Notes, Aliases;
  for (const DiagnosticMessage &Note : E.Notes)
    Notes.push_back(toJson(Note));
  for (const std::string &Alias : E.EnabledDiagnosticAliases)
    Aliases.push_back(Alias);
  return json::Object{{"check", E.DiagnosticName},
                      {"level", static_cast<int>(E.DiagLevel)},
                      {"directory", E.BuildDirectory},
                      {"error", E.IsWarningAsError},
                      {"message", toJson(E.Message)},
                      {"notes", std::move(Notes)},
                      {"aliases", std::move(Aliases)}};
}

std::optional<ClangTidyError> fromJson(const json::Value &V) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return std::nullopt;
  auto Check = O->getString("check");
  auto Level = O->getInteger("level");
  auto Directory = O->getString("directory");
  auto Error = O->getBoolean("error");
  const json::Value *Message = O->get("message");
  const json::Array *Notes = O->getArray("notes");
  const json::Array *Aliases = O->getArray("aliases");
  if (!Check || !Level || !Directory || !Error || !Message || !Notes ||
      !Aliases)
    return std::nullopt;
  ClangTidyError E(*Check, static_cast<ClangTidyError::Level>(*Level),
                   *Directory, *Error);
  if (!fromJson(*Message, E.Message))
    return std::nullopt;
  for (const json::Value &Note : *Notes) {
    E.Notes.emplace_back();
    if (!fromJson(Note, E.Notes.back()))
      return std::nullopt;
  }
  for (const json::Value &Alias : *Aliases)
    if (auto Name = Alias.getAsString())
      E.EnabledDiagnosticAliases.push_back(Name->str());
  return E;
}

json::Object toJson(const llvm::StringMap<uint64_t> &Hashes) {
  json::Object O;
  for (const auto &Entry : Hashes)
    O[Entry.getKey()] = llvm::utohexstr(Entry.getValue());
  return O;
}

bool fromJson(const json::Object *O, llvm::StringMap<uint64_t> &Hashes) {
  if (!O)
    return false;
  for (const auto &Entry : *O) {
    auto Hex = Entry.second.getAsString();
    uint64_t Value;
    if (!Hex || Hex->getAsInteger(16, Value))
      return false;
    Hashes[Entry.first.str()] = Value;
  }
  return true;
}

} // namespace

std::string ResultCache::key(llvm::StringRef File,
                             llvm::ArrayRef<std::string> CommandLine,
                             llvm::StringRef Configuration) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  // Any change to corolint invalidates the cache, not only a new version;
  // the same build under another path or time (rebuilt in a fresh CI
  // checkout) keeps it.
  static const std::string Build = [] {
    std::string Self = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
    auto Content = llvm::MemoryBuffer::getFile(Self, /*IsText=*/false,
                                               /*RequiresNullTerminator=*/false);
    if (Content)
      return llvm::utohexstr(contentHash((*Content)->getBuffer()));
    llvm::sys::fs::file_status Status;
    llvm::sys::fs::status(Self, Status);
    return Self + "@" +
           std::to_string(
               Status.getLastModificationTime().time_since_epoch().count()) +
           ":" + std::to_string(Status.getSize());
  }();
  OS << Format << '\0' << clang::getClangFullVersion() << '\0' << Build
     << '\0' << File << '\0';
  for (const std::string &Arg : CommandLine)
    OS << Arg << '\0';
  OS << Configuration;
  llvm::XXH128_hash_t Hash = llvm::xxh3_128bits(
      llvm::ArrayRef(reinterpret_cast<const uint8_t *>(Text.data()),
                     Text.size()));
  return llvm::utohexstr(Hash.high64, false, 16) +
         llvm::utohexstr(Hash.low64, false, 16);
}

std::string ResultCache::pathOf(llvm::StringRef Key,
                                llvm::StringRef Extension) const {
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, Key + Extension);
  return std::string(Path);
}

/// True if every file in \p Inputs still has the content it had. \p Hashes
/// keeps the files' hashes across the states of one entry: each file is
/// read once.
static bool unchanged(const llvm::StringMap<uint64_t> &Inputs,
                      llvm::StringMap<std::optional<uint64_t>> &Hashes) {
  for (const auto &Input : Inputs) {
    auto [It, New] = Hashes.try_emplace(Input.getKey());
    if (New) {
      auto Content = llvm::MemoryBuffer::getFile(
          Input.getKey(), /*IsText=*/false, /*RequiresNullTerminator=*/false);
      if (Content)
        It->second = contentHash((*Content)->getBuffer());
    }
    if (It->second != Input.getValue())
      return false;
  }
  return true;
}

static bool unchanged(const llvm::StringMap<uint64_t> &Inputs) {
  llvm::StringMap<std::optional<uint64_t>> Hashes;
  return unchanged(Inputs, Hashes);
}

/// Writes an entry whole or not at all: concurrent runs may share the
/// directory, and a run may be killed (see removeStaleTemporaries). Not
/// flushed to disk: a lost entry is only a miss.
static bool writeEntry(llvm::StringRef Path, llvm::StringRef Data) {
  return writeAtomically(Path, Data, Path + ".tmp-%%%%%%%%",
                         llvm::sys::fs::all_read | llvm::sys::fs::all_write,
                         /*Durable=*/false)
      .empty();
}

/// The states an entry keeps (newest first), as stored; none if the entry
/// is missing or damaged.
static std::vector<json::Value> readStates(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return {};
  llvm::Expected<json::Value> Parsed = json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return {};
  }
  const json::Object *O = Parsed->getAsObject();
  const json::Array *States = O ? O->getArray("states") : nullptr;
  if (!States)
    return {};
  return std::vector<json::Value>(States->begin(), States->end());
}

/// A state's inputs, or none if it is damaged.
static std::optional<llvm::StringMap<uint64_t>>
inputsOf(const json::Value &State) {
  const json::Object *O = State.getAsObject();
  llvm::StringMap<uint64_t> Inputs;
  if (!O || !fromJson(O->getObject("inputs"), Inputs))
    return std::nullopt;
  return Inputs;
}

std::optional<FileResult> ResultCache::lookup(llvm::StringRef Key) const {
  llvm::StringMap<std::optional<uint64_t>> Hashes;
  for (const json::Value &State : readStates(pathOf(Key))) {
    std::optional<llvm::StringMap<uint64_t>> Inputs = inputsOf(State);
    if (!Inputs || !unchanged(*Inputs, Hashes))
      continue;
    const json::Object *O = State.getAsObject();
    FileResult Result;
    Result.Inputs = std::move(*Inputs);
    const json::Array *Findings = O->getArray("findings");
    if (!fromJson(O->getObject("user-files"), Result.UserFiles) || !Findings)
      return std::nullopt;
    for (const json::Value &Finding : *Findings) {
      std::optional<ClangTidyError> E = fromJson(Finding);
      if (!E)
        return std::nullopt;
      Result.Findings.push_back(std::move(*E));
    }
    return Result;
  }
  return std::nullopt;
}

/// JSON strings must be UTF-8: a result quoting other bytes (a message
/// about a non-UTF-8 identifier) would come back altered.
static bool storableAsJson(const FileResult &Result) {
  auto Message = [](const DiagnosticMessage &M) {
    for (const auto &File : M.Fix)
      for (const clang::tooling::Replacement &R : File.second)
        if (!json::isUTF8(R.getReplacementText()) ||
            !json::isUTF8(R.getFilePath()))
          return false;
    for (const clang::tooling::FileByteRange &R : M.Ranges)
      if (!json::isUTF8(R.FilePath))
        return false;
    return json::isUTF8(M.Message) && json::isUTF8(M.FilePath);
  };
  for (const ClangTidyError &E : Result.Findings) {
    if (!Message(E.Message) || !json::isUTF8(E.BuildDirectory))
      return false;
    for (const DiagnosticMessage &Note : E.Notes)
      if (!Message(Note))
        return false;
  }
  for (const auto *Map : {&Result.Inputs, &Result.UserFiles})
    for (const auto &Entry : *Map)
      if (!json::isUTF8(Entry.getKey()))
        return false;
  return true;
}

void ResultCache::store(llvm::StringRef Key, const FileResult &Result) const {
  if (Result.Inputs.empty() || !storableAsJson(Result))
    return;
  json::Array Findings;
  for (const ClangTidyError &E : Result.Findings)
    Findings.push_back(toJson(E));
  // The new state first, then the earlier ones the entry kept (a header
  // reverted, a branch switched back, finds them), the oldest dropped.
  json::Array States;
  States.push_back(json::Object{{"inputs", toJson(Result.Inputs)},
                                {"user-files", toJson(Result.UserFiles)},
                                {"findings", std::move(Findings)}});
  for (json::Value &State : readStates(pathOf(Key))) {
    if (States.size() == MaxStates)
      break;
    std::optional<llvm::StringMap<uint64_t>> Inputs = inputsOf(State);
    if (Inputs && *Inputs != Result.Inputs)
      States.push_back(std::move(State));
  }
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << json::Value(json::Object{{"states", std::move(States)}});
  if (!llvm::sys::fs::create_directories(Directory))
    writeEntry(pathOf(Key), Text);
}

// A preamble is two entries: KEY.pch, then KEY.preamble.json, which names the
// PCH's hash (a PCH that does not load would turn into compile errors in
// every file that uses it).
bool ResultCache::lookupPreamble(llvm::StringRef Key,
                                 PrecompiledBlock &Kept) const {
  auto Buffer = llvm::MemoryBuffer::getFile(pathOf(Key, ".preamble.json"));
  if (!Buffer)
    return false;
  llvm::Expected<json::Value> Parsed = json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return false;
  }
  const json::Object *O = Parsed->getAsObject();
  FileResult Inputs;
  uint64_t PCHHash;
  std::optional<llvm::StringRef> PCHHex = O ? O->getString("pch") : std::nullopt;
  if (!PCHHex || PCHHex->getAsInteger(16, PCHHash) ||
      !fromJson(O->getObject("inputs"), Inputs.Inputs) ||
      !fromJson(O->getObject("user-files"), Inputs.UserFiles) ||
      !unchanged(Inputs.Inputs))
    return false;
  auto PCH = llvm::MemoryBuffer::getFile(pathOf(Key, ".pch"), /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!PCH || contentHash((*PCH)->getBuffer()) != PCHHash)
    return false;
  Kept.PCH = std::move(*PCH);
  Kept.Inputs = std::move(Inputs);
  return true;
}

void ResultCache::storePreamble(llvm::StringRef Key,
                                const PrecompiledBlock &Built) const {
  const FileResult &Inputs = Built.Inputs;
  if (!Built.PCH || Inputs.Inputs.empty() || !storableAsJson(Inputs) ||
      llvm::sys::fs::create_directories(Directory))
    return;
  llvm::StringRef PCH = Built.PCH->getBuffer();
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << json::Value(json::Object{{"pch", llvm::utohexstr(contentHash(PCH))},
                                 {"inputs", toJson(Inputs.Inputs)},
                                 {"user-files", toJson(Inputs.UserFiles)}});
  if (writeEntry(pathOf(Key, ".pch"), PCH))
    writeEntry(pathOf(Key, ".preamble.json"), Text);
}

void ResultCache::removeStaleTemporaries() const {
  std::error_code EC;
  auto Now = std::chrono::system_clock::now();
  for (llvm::sys::fs::directory_iterator It(Directory, EC), End;
       !EC && It != End; It.increment(EC)) {
    if (!llvm::sys::path::filename(It->path()).contains(".tmp-"))
      continue;
    llvm::ErrorOr<llvm::sys::fs::basic_file_status> Status = It->status();
    if (Status && Now - Status->getLastModificationTime() > std::chrono::hours(1))
      llvm::sys::fs::remove(It->path());
  }
}

void ResultCache::dropPreamble(llvm::StringRef Key) const {
  llvm::sys::fs::remove(pathOf(Key, ".preamble.json"));
  llvm::sys::fs::remove(pathOf(Key, ".pch"));
}

} // namespace corolint
