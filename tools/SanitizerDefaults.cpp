//===--- SanitizerDefaults.cpp - ASan options of the sanitized builds -----===//
//
// corolint's code is instrumented; the Clang and LLVM libraries it links are
// not. LLVM's BumpPtrAllocator is inline in both: a slab that corolint's copy
// starts is poisoned for ASan, and the libraries' copy then allocates from it
// without unpoisoning (the ASTReader filling the identifier table while a
// check reads a body from a precompiled preamble). ASan would report correct
// code, so manual poisoning is ignored; every access is still checked against
// the real bounds of heap, stack and globals.
//
//===----------------------------------------------------------------------===//

extern "C" __attribute__((visibility("default"), used)) const char *
__asan_default_options() {
  return "allow_user_poisoning=0";
}
