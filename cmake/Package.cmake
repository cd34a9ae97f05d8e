# The Debian package of this build: corolint-llvmNN, one per LLVM major,
# installable side by side (every file carries the major: cmake/Install.cmake).
# `cpack -G DEB` in the build directory writes corolint-llvmNN_<version>_<arch>.deb.
set(COROLINT_MAJOR ${LLVM_VERSION_MAJOR})
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME corolint-llvm${COROLINT_MAJOR})
# The version --version prints (tools/corolint/Driver.cpp).
set(CPACK_PACKAGE_VERSION 0.1.0)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "static analyzer for C++20 coroutine misuse (LLVM ${COROLINT_MAJOR})")
set(CPACK_PACKAGE_DESCRIPTION
    "corolint finds tasks never awaited, blocking calls in coroutines, detached work that loses its exceptions, references dangling after suspension and more. corolint-${COROLINT_MAJOR} is the command; lib/corolint-${COROLINT_MAJOR}/CorolintTidyPlugin.so loads into clang-tidy-${COROLINT_MAJOR}.")
set(CPACK_PACKAGE_CONTACT "corolint developers <corolint@users.noreply.github.com>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# Depends: the shared libraries the command and the plugin link
# (dpkg-shlibdeps reads them: libclang-cpp, libLLVM, libz3, libzstd...), and
# Clang's resource headers (stddef.h...), which every parse needs and which
# the command finds at the path it was built with.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libclang-common-${COROLINT_MAJOR}-dev")
# The plugin's host.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-tidy-${COROLINT_MAJOR}")
# Only the versioned files: the unversioned links of a plain install would
# make two majors' packages conflict.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL corolint)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_DEBIAN_PACKAGE_NAME ${CPACK_PACKAGE_NAME})
include(CPack)
