//===--- PluginChecks.cpp - corolint's checks for clang-tidy --------------===//
//
// Loaded by the plugin shim; pulls the module registration out of the
// static checks library so that it runs when this library is loaded.
//
//===----------------------------------------------------------------------===//

namespace corolint {
extern volatile int CorolintModuleAnchorSource;
} // namespace corolint

[[maybe_unused]] static int CorolintModuleAnchorDestination =
    corolint::CorolintModuleAnchorSource;
