# The runtime once more, against hiredict (hiredis 1.x) as `make deps`
# unpacks it into the build tree (scripts/install-deps.sh): Debian bookworm's
# hiredis is 0.14, so this second build is what proves the runtime on the
# other hiredis generation (docs/runtime.md, "hiredis generations"). It is
# configured through PKG_CONFIG_PATH, as a user would select another hiredis,
# and its whole ctest suite runs as one test of this tree. Sets, for the lit
# tests that use the real hiredict headers and this runtime:
#   REHOST_HIREDICT_FOUND, REHOST_HIREDICT_INCLUDE_DIR (holds hiredis/ and
#   hiredict/), REHOST_HIREDICT_LIBRARY (libhiredict.so),
#   REHOST_HIREDICT_SSL_LIBRARY (libhiredict_ssl.so) and
#   REHOST_HIREDICT_RUNTIME_LIBRARY (this build's librehost-runtime.so).
set(REHOST_HIREDICT_ROOT "${CMAKE_BINARY_DIR}/hiredict" CACHE PATH
  "Where `make deps` unpacked hiredict (its usr/ is below)")
set(REHOST_HIREDICT_FOUND OFF)
file(GLOB _hiredict_pc "${REHOST_HIREDICT_ROOT}/usr/lib/*/pkgconfig/hiredis.pc")
if(NOT _hiredict_pc)
  message(STATUS "rehost: no hiredict in ${REHOST_HIREDICT_ROOT} (`make deps` "
    "unpacks it): the runtime's hiredis 1.x build and tests are skipped")
  return()
endif()
set(REHOST_HIREDICT_FOUND ON)
get_filename_component(_hiredict_pc_dir "${_hiredict_pc}" DIRECTORY)
get_filename_component(_hiredict_lib_dir "${_hiredict_pc_dir}" DIRECTORY)
set(REHOST_HIREDICT_INCLUDE_DIR "${REHOST_HIREDICT_ROOT}/usr/include")
set(REHOST_HIREDICT_LIBRARY "${_hiredict_lib_dir}/libhiredict.so")
set(REHOST_HIREDICT_SSL_LIBRARY "${_hiredict_lib_dir}/libhiredict_ssl.so")
set(_binary_dir "${CMAKE_BINARY_DIR}/runtime-hiredict")
set(REHOST_HIREDICT_RUNTIME_LIBRARY "${_binary_dir}/librehost-runtime.so")

include(ExternalProject)
ExternalProject_Add(rehost_runtime_hiredict
  SOURCE_DIR "${PROJECT_SOURCE_DIR}/runtime"
  BINARY_DIR "${_binary_dir}"
  CMAKE_COMMAND ${CMAKE_COMMAND} -E env "PKG_CONFIG_PATH=${_hiredict_pc_dir}"
    ${CMAKE_COMMAND}
  CMAKE_ARGS
    -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE}
    -DCMAKE_C_COMPILER=${CMAKE_C_COMPILER}
    -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}
    -DCMAKE_C_COMPILER_LAUNCHER=${CMAKE_C_COMPILER_LAUNCHER}
    -DCMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}
  BUILD_BYPRODUCTS "${REHOST_HIREDICT_RUNTIME_LIBRARY}"
  # Edits to the runtime rebuild it: its own build system knows what changed.
  BUILD_ALWAYS ON
  INSTALL_COMMAND ""
  TEST_COMMAND "")
add_test(NAME runtime-hiredict/suite
  COMMAND ${CMAKE_CTEST_COMMAND} --test-dir "${_binary_dir}"
    --output-on-failure -j 2)
set_tests_properties(runtime-hiredict/suite PROPERTIES TIMEOUT 600)
