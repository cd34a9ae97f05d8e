//===--- PluginShim.cpp - load corolint's checks into a matching clang-tidy -===//
//
// A plugin built for one LLVM major and loaded into the clang-tidy of another
// silently reports nothing or crashes. This shim has no LLVM dependency, so it
// can load anywhere, look at the host's LLVM, and refuse with a clear message.
//
//===----------------------------------------------------------------------===//

#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <link.h>
#include <string>
#include <unistd.h>

namespace {

/// The LLVM major of the shared LLVM libraries the host process has loaded
/// (libLLVM.so.N, libclang-cpp.so.N, or LLVM's split libLLVMSupport.so.N...),
/// 0 if none: then LLVM, if the host has it, is linked in statically.
int hostLLVMMajor() {
  int Major = 0;
  dl_iterate_phdr(
      [](dl_phdr_info *Info, size_t, void *Data) {
        const char *Path = Info->dlpi_name ? Info->dlpi_name : "";
        const char *Slash = std::strrchr(Path, '/');
        const char *Name = Slash ? Slash + 1 : Path;
        int Found = 0;
        const char *So = std::strstr(Name, ".so.");
        if (std::sscanf(Name, "libLLVM-%d", &Found) == 1 ||
            ((std::strncmp(Name, "libLLVM", 7) == 0 ||
              std::strncmp(Name, "libclang-cpp.so.", 16) == 0) &&
             So && std::sscanf(So, ".so.%d", &Found) == 1)) {
          *static_cast<int *>(Data) = Found;
          return 1;
        }
        return 0;
      },
      &Major);
  return Major;
}

/// The LLVM major a statically linked host shows in its name, 0 if none:
/// `clang-tidy-18` (argv[0], Debian's alternatives) or a path through
/// `llvm-18/` (the executable or argv[0]).
int llvmMajorInHostName() {
  std::string Names;
  char Buffer[4096];
  ssize_t Length = readlink("/proc/self/exe", Buffer, sizeof(Buffer) - 1);
  if (Length > 0)
    Names.append(Buffer, Length).push_back('\n');
  if (FILE *CommandLine = std::fopen("/proc/self/cmdline", "rb")) {
    // argv[0] ends at the first NUL.
    size_t Read = std::fread(Buffer, 1, sizeof(Buffer) - 1, CommandLine);
    std::fclose(CommandLine);
    Buffer[Read] = '\0';
    Names += Buffer;
  }
  for (const char *Pattern : {"clang-tidy-", "llvm-"})
    for (size_t At = Names.find(Pattern); At != std::string::npos;
         At = Names.find(Pattern, At + 1)) {
      int Major = 0;
      if (std::sscanf(Names.c_str() + At + std::strlen(Pattern), "%d", &Major) ==
              1 &&
          Major > 0)
        return Major;
    }
  return 0;
}

/// Says why the plugin cannot work, and ends the host: clang-tidy would
/// otherwise run without corolint's checks (or with no check at all, and
/// print its --help) and exit 0, a green CI run that checked nothing.
[[noreturn]] void refuse(const std::string &Message) {
  std::fprintf(stderr, "error: %s\n", Message.c_str());
  std::fflush(stderr);
  // Not exit(): the host is in the middle of parsing its options, its
  // static destructors are not ours to run from here.
  _exit(1);
}

__attribute__((constructor)) void loadCorolintChecks() {
  const std::string Built = std::to_string(COROLINT_LLVM_MAJOR);
  int Host = hostLLVMMajor();
  // The checks library links libLLVM.so.N: in a host with LLVM linked in
  // statically, that would be a second LLVM whose registries the host never
  // reads (or whose options register twice and abort).
  if (Host == 0) {
    int Named = llvmMajorInHostName();
    refuse("the corolint plugin needs a clang-tidy linked to LLVM's shared "
           "libraries (libLLVM.so." +
           Built + "); this process has none" +
           (Named ? " (a statically linked clang-tidy " +
                        std::to_string(Named) + ", by its name)"
                  : std::string()) +
           "; use clang-tidy-" + Built + " from Debian's LLVM " + Built +
           " packages");
  }
  if (Host != COROLINT_LLVM_MAJOR)
    refuse("the corolint plugin was built for clang-tidy " + Built +
           " and cannot be loaded into clang-tidy " + std::to_string(Host) +
           "; load the plugin built against LLVM " + std::to_string(Host));
  Dl_info Self;
  if (!dladdr(reinterpret_cast<void *>(&loadCorolintChecks), &Self) ||
      !Self.dli_fname)
    refuse("the corolint plugin cannot find itself");
  std::string Path = Self.dli_fname;
  std::string::size_type Slash = Path.rfind('/');
  std::string Directory =
      Slash == std::string::npos ? std::string() : Path.substr(0, Slash + 1);
  std::string Checks = Directory + COROLINT_CHECKS_LIBRARY;
  if (!dlopen(Checks.c_str(), RTLD_NOW | RTLD_GLOBAL)) {
    // The plugin is two files: the shim and the checks library next to it.
    std::string Why = dlerror();
    if (access(Checks.c_str(), F_OK) != 0)
      refuse("the corolint plugin cannot load its checks library " + Checks +
             " (no such file); copy it next to " +
             Path.substr(Slash == std::string::npos ? 0 : Slash + 1));
    refuse("the corolint plugin cannot load its checks library: " + Why);
  }
}

} // namespace
