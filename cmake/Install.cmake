# What `cmake --install` puts where, and the Debian package (CPack) built
# from it. Everything is named by the LLVM major, as Debian names
# clang-tidy-19: two majors' packages install side by side.
#
#   bin/corolint-NN                         the command
#   bin/corolint-clangd-NN, corolint-tidy-NN   clangd and clang-tidy with
#                                           corolint's checks built in
#   lib/corolint-NN/CorolintTidyPlugin.so   the plugin, with its checks
#   lib/corolint-NN/libcorolint-tidy-checks.so   library beside it
#   share/doc/corolint-NN/checks/*.md       the check pages
#   share/man/man1/corolint-NN.1            the man page
#
# A plain install (component "unversioned", not packaged) adds bin/corolint,
# bin/corolint-clangd, bin/corolint-tidy, share/man/man1/corolint.1 and
# share/doc/corolint, links to the versioned names.
include(GNUInstallDirs)
set(COROLINT_VERSIONED corolint-${LLVM_VERSION_MAJOR})
set(COROLINT_PLUGIN_DIR ${CMAKE_INSTALL_LIBDIR}/${COROLINT_VERSIONED})

install(PROGRAMS $<TARGET_FILE:corolint> DESTINATION ${CMAKE_INSTALL_BINDIR}
        RENAME ${COROLINT_VERSIONED} COMPONENT corolint)
# The front ends link the shared libclang-cpp and libLLVM. Copied as
# programs (to be renamed), they keep the build's RUNPATH to
# /usr/lib/llvm-NN/lib, whose links belong to llvm-NN-dev and hide the
# runtime packages from dpkg-shlibdeps (the package lost libllvm22 from its
# Depends): installed, they have none and find the runtime libraries in the
# system's library directory.
set(COROLINT_FRONT_ENDS)
foreach(front_end corolint-clangd corolint-tidy)
  if(TARGET ${front_end})
    set(installed ${front_end}-${LLVM_VERSION_MAJOR})
    install(PROGRAMS $<TARGET_FILE:${front_end}>
            DESTINATION ${CMAKE_INSTALL_BINDIR}
            RENAME ${installed} COMPONENT corolint)
    install(CODE "file(RPATH_REMOVE FILE
      \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/${installed}\")"
      COMPONENT corolint)
    list(APPEND COROLINT_FRONT_ENDS ${front_end})
  endif()
endforeach()
if(TARGET CorolintTidyPlugin)
  # The shim finds the checks library next to itself (dladdr), wherever the
  # pair is copied. The checks library's libLLVM and libclang-cpp are the
  # host clang-tidy's, loaded already, and otherwise in the system's library
  # directory (Debian's libllvmNN, libclang-cppNN): no RUNPATH to
  # /usr/lib/llvm-NN/lib, whose links belong to llvm-NN-dev and hide the
  # runtime packages from dpkg-shlibdeps (the package would lose libllvmNN
  # from its Depends).
  set_target_properties(CorolintTidyPlugin corolint-tidy-checks PROPERTIES
    INSTALL_RPATH "$ORIGIN")
  install(TARGETS CorolintTidyPlugin corolint-tidy-checks
          LIBRARY DESTINATION ${COROLINT_PLUGIN_DIR} COMPONENT corolint)
endif()
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/checks/
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${COROLINT_VERSIONED}/checks
        COMPONENT corolint FILES_MATCHING PATTERN "*.md")

# The man page, from --help and the check pages, at build time.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
file(GLOB COROLINT_MAN_DOCS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/docs/checks/*.md)
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/man/corolint.1
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/utils/make-manpage.py
          $<TARGET_FILE:corolint> ${CMAKE_SOURCE_DIR}/docs/checks
          ${CMAKE_BINARY_DIR}/man/corolint.1
  DEPENDS corolint ${COROLINT_MAN_DOCS} ${CMAKE_SOURCE_DIR}/utils/make-manpage.py
  COMMENT "Writing the man page")
add_custom_target(corolint-manpage ALL DEPENDS ${CMAKE_BINARY_DIR}/man/corolint.1)
install(FILES ${CMAKE_BINARY_DIR}/man/corolint.1
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        RENAME ${COROLINT_VERSIONED}.1 COMPONENT corolint)

# The unversioned names, for a plain install only.
install(CODE "
  set(prefix \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}\")
  file(CREATE_LINK ${COROLINT_VERSIONED}
       \"\${prefix}/${CMAKE_INSTALL_BINDIR}/corolint\" SYMBOLIC)
  file(CREATE_LINK ${COROLINT_VERSIONED}.1
       \"\${prefix}/${CMAKE_INSTALL_MANDIR}/man1/corolint.1\" SYMBOLIC)
  file(CREATE_LINK ${COROLINT_VERSIONED}
       \"\${prefix}/${CMAKE_INSTALL_DATAROOTDIR}/doc/corolint\" SYMBOLIC)
  foreach(front_end ${COROLINT_FRONT_ENDS})
    file(CREATE_LINK \${front_end}-${LLVM_VERSION_MAJOR}
         \"\${prefix}/${CMAKE_INSTALL_BINDIR}/\${front_end}\" SYMBOLIC)
  endforeach()
  message(STATUS \"Linking: \${prefix}/${CMAKE_INSTALL_BINDIR}/corolint\")"
  COMPONENT unversioned)
