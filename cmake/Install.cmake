# What `cmake --install` installs, and the Debian package `cpack -G DEB` makes of it:
#   bin/leakcheck, bin/clang-tidy-leakcheck        (tool/CMakeLists.txt)
#   lib/leakcheck/libleakcheck-tidy.so             the clang-tidy plugin
#   lib/libleakcheck_runtime.a, include/leakcheck/ the runtime collector (runtime/)
#   lib/cmake/leakcheck/                           find_package(leakcheck CONFIG)
#   share/man/man1/leakcheck.1                     the man page (help2man)
#   share/doc/leakcheck/                           LICENSE, README.md, the check pages
# Nothing else: tests, benchmarks and examples have no install rules.
include(CMakePackageConfigHelpers)

set(LEAKCHECK_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/leakcheck)
install(EXPORT leakcheckTargets NAMESPACE leakcheck:: DESTINATION ${LEAKCHECK_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/leakcheckConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/leakcheckConfig.cmake
  INSTALL_DESTINATION ${LEAKCHECK_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/leakcheckConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/leakcheckConfig.cmake
              ${PROJECT_BINARY_DIR}/cmake/leakcheckConfigVersion.cmake
  DESTINATION ${LEAKCHECK_CMAKE_DIR})

set(LEAKCHECK_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/leakcheck)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/README.md
  DESTINATION ${LEAKCHECK_DOC_DIR})
if(DEFINED LEAKCHECK_CHECK_DOCS)
  # bin/leakcheck finds them at <exe>/../share/doc/leakcheck/checks (CheckDocs.h).
  install(FILES ${LEAKCHECK_CHECK_DOCS} DESTINATION ${LEAKCHECK_DOC_DIR}/checks)
endif()

# ---- cpack -G DEB ----------------------------------------------------------------------
# Depends names the runtime packages of what bin/leakcheck links (LLVM and Clang's shared
# libraries, yaml-cpp) and the builtin headers it parses with (libclang-common-<N>-dev);
# tests/install/check_deb.py compares them with what the binary really loads.
if(LEAKCHECK_YAML_CPP_VERSION MATCHES "^([0-9]+\\.[0-9]+)")
  set(LEAKCHECK_YAML_CPP_PACKAGE "libyaml-cpp${CMAKE_MATCH_1}")
else()
  set(LEAKCHECK_YAML_CPP_PACKAGE "libyaml-cpp0.7")
endif()
set(LEAKCHECK_PACKAGE_CONTACT "leakcheck maintainers <leakcheck@example.org>" CACHE STRING
  "The Maintainer of the Debian package")
set(CPACK_PACKAGE_NAME leakcheck)
set(CPACK_PACKAGE_VENDOR "leakcheck")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${LEAKCHECK_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "static analyzer for std::shared_ptr ownership cycles and unbounded static caches")
set(CPACK_PACKAGE_DESCRIPTION
  "leakcheck finds the leaks reference counting cannot free: std::shared_ptr ownership\ncycles, back-references that should be std::weak_ptr (with fix-its) and caches with\nstatic storage that only grow. It analyses a whole program from its\ncompile_commands.json, writes text, JSON, SARIF or Graphviz reports, and ships a\nclang-tidy plugin and a runtime cycle collector library for shared_ptr graphs.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
if(TARGET leakcheck)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6, libstdc++6, libgcc-s1, libllvm${LEAKCHECK_LLVM_VERSION}, libclang-cpp${LEAKCHECK_LLVM_VERSION}, libclang-common-${LEAKCHECK_LLVM_VERSION}-dev, ${LEAKCHECK_YAML_CPP_PACKAGE}")
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-tidy-${LEAKCHECK_LLVM_VERSION}")
else()  # LEAKCHECK_RUNTIME_ONLY: the collector library alone
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6, libstdc++6, libgcc-s1")
endif()
set(CPACK_SOURCE_IGNORE_FILES "/build/;/\\\\.git/")
include(CPack)
