//===--- AtomicWrite.cpp --------------------------------------------------===//

#include "tooling/AtomicWrite.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <unistd.h>

namespace corolint {

std::string writeAtomically(llvm::StringRef Path, llvm::StringRef Content,
                            const llvm::Twine &TemporaryModel,
                            llvm::sys::fs::perms Mode, bool Durable) {
  int FD;
  llvm::SmallString<256> Temporary;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(
          TemporaryModel, FD, Temporary, llvm::sys::fs::OF_None, Mode))
    return "cannot create a temporary file next to it: " + EC.message();
  bool Written;
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/false);
    OS << Content;
    OS.flush();
    Written = !OS.has_error() && (!Durable || ::fsync(FD) == 0);
    OS.clear_error();
  }
  if (llvm::sys::Process::SafelyCloseFileDescriptor(FD))
    Written = false;
  std::error_code EC;
  if (!Written || (EC = llvm::sys::fs::rename(Temporary, Path))) {
    llvm::sys::fs::remove(Temporary);
    return Written ? "cannot replace it: " + EC.message()
                   : std::string("cannot write the temporary file");
  }
  return "";
}

std::string whyUnwritable(llvm::StringRef Path) {
  namespace fs = llvm::sys::fs;
  if (fs::is_directory(Path))
    return std::make_error_code(std::errc::is_a_directory).message();
  if (fs::exists(Path)) {
    std::error_code EC = fs::access(Path, fs::AccessMode::Write);
    return EC ? EC.message() : "";
  }
  // A new file: its directory must exist and let us create it.
  llvm::SmallString<256> Directory(Path);
  fs::make_absolute(Directory);
  llvm::sys::path::remove_filename(Directory);
  if (!fs::is_directory(Directory))
    return std::make_error_code(std::errc::no_such_file_or_directory).message();
  std::error_code EC = fs::access(Directory, fs::AccessMode::Write);
  return EC ? EC.message() : "";
}

} // namespace corolint
