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

namespace {

/// The LLVM major of the libraries the host process has loaded, 0 if none.
int hostLLVMMajor() {
  int Major = 0;
  dl_iterate_phdr(
      [](dl_phdr_info *Info, size_t, void *Data) {
        const char *Path = Info->dlpi_name ? Info->dlpi_name : "";
        const char *Slash = std::strrchr(Path, '/');
        const char *Name = Slash ? Slash + 1 : Path;
        int Found = 0;
        if (std::sscanf(Name, "libLLVM.so.%d", &Found) == 1 ||
            std::sscanf(Name, "libLLVM-%d", &Found) == 1 ||
            std::sscanf(Name, "libclang-cpp.so.%d", &Found) == 1) {
          *static_cast<int *>(Data) = Found;
          return 1;
        }
        return 0;
      },
      &Major);
  return Major;
}

__attribute__((constructor)) void loadCorolintChecks() {
  int Host = hostLLVMMajor();
  if (Host != 0 && Host != COROLINT_LLVM_MAJOR) {
    std::fprintf(stderr,
                 "error: the corolint plugin was built for clang-tidy %d and "
                 "cannot be loaded into clang-tidy %d; load the plugin built "
                 "against LLVM %d\n",
                 COROLINT_LLVM_MAJOR, Host, Host);
    return;
  }
  Dl_info Self;
  if (!dladdr(reinterpret_cast<void *>(&loadCorolintChecks), &Self) ||
      !Self.dli_fname) {
    std::fprintf(stderr, "error: the corolint plugin cannot find itself\n");
    return;
  }
  std::string Path = Self.dli_fname;
  std::string::size_type Slash = Path.rfind('/');
  Path = (Slash == std::string::npos ? std::string() : Path.substr(0, Slash + 1)) +
         COROLINT_CHECKS_LIBRARY;
  if (!dlopen(Path.c_str(), RTLD_NOW | RTLD_GLOBAL))
    std::fprintf(stderr, "error: the corolint plugin cannot load its checks: %s\n",
                 dlerror());
}

} // namespace
