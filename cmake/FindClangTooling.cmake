# Locates LLVM and Clang (14 or newer) through their CMake packages.
# -DREHOST_LLVM_VERSION=19 picks an installed major version (`make LLVM=19`);
# without it the newest installed one is found. -DLLVM_DIR picks any other.
set(REHOST_LLVM_VERSION "" CACHE STRING
    "Major version of LLVM/Clang to build against (tested: 14, 19); empty: the newest installed")
if(REHOST_LLVM_VERSION)
  file(GLOB _rehost_llvm_prefixes LIST_DIRECTORIES true
       /usr/lib/llvm-${REHOST_LLVM_VERSION} /usr/local/opt/llvm@${REHOST_LLVM_VERSION})
else()
  file(GLOB _rehost_llvm_prefixes LIST_DIRECTORIES true /usr/lib/llvm-* /usr/local/opt/llvm*)
endif()
list(SORT _rehost_llvm_prefixes COMPARE NATURAL ORDER DESCENDING)
set(_rehost_llvm_hints)
foreach(_prefix IN LISTS _rehost_llvm_prefixes)
  list(APPEND _rehost_llvm_hints ${_prefix}/lib/cmake/llvm ${_prefix}/lib/cmake/clang)
endforeach()

find_package(LLVM CONFIG REQUIRED HINTS ${_rehost_llvm_hints})
if(LLVM_PACKAGE_VERSION VERSION_LESS 14)
  message(FATAL_ERROR "rehost needs LLVM 14 or newer; found ${LLVM_PACKAGE_VERSION} in ${LLVM_DIR}")
endif()
if(REHOST_LLVM_VERSION AND NOT LLVM_VERSION_MAJOR EQUAL REHOST_LLVM_VERSION)
  message(FATAL_ERROR "REHOST_LLVM_VERSION is ${REHOST_LLVM_VERSION} but LLVM ${LLVM_PACKAGE_VERSION} "
                      "was found (LLVM_DIR=${LLVM_DIR}): install llvm-${REHOST_LLVM_VERSION}-dev, and "
                      "drop -DLLVM_DIR, or use a fresh build directory if this one was configured "
                      "for another LLVM")
endif()
find_package(Clang CONFIG REQUIRED HINTS ${LLVM_LIBRARY_DIR}/cmake/clang NO_DEFAULT_PATH)
message(STATUS "rehost: LLVM ${LLVM_PACKAGE_VERSION} from ${LLVM_DIR}")

if(NOT TARGET clang-cpp OR NOT TARGET LLVM)
  message(FATAL_ERROR "rehost links the shared libclang-cpp and libLLVM; "
                      "install libclang-cpp${LLVM_VERSION_MAJOR}-dev and llvm-${LLVM_VERSION_MAJOR}-dev")
endif()

# The tool must find Clang's builtin headers (stddef.h, stdarg.h) wherever its
# binary lives, so the resource directory of the Clang we link is baked in.
set(_rehost_resource_candidates
    ${LLVM_LIBRARY_DIR}/clang/${LLVM_PACKAGE_VERSION}
    ${LLVM_LIBRARY_DIR}/clang/${LLVM_VERSION_MAJOR})
set(REHOST_CLANG_RESOURCE_DIR "")
foreach(_dir IN LISTS _rehost_resource_candidates)
  if(EXISTS ${_dir}/include/stddef.h)
    set(REHOST_CLANG_RESOURCE_DIR ${_dir})
    break()
  endif()
endforeach()
if(NOT REHOST_CLANG_RESOURCE_DIR)
  message(FATAL_ERROR "Clang's builtin headers were not found under ${LLVM_LIBRARY_DIR}/clang; "
                      "install libclang-common-${LLVM_VERSION_MAJOR}-dev")
endif()

# NAMES_PER_DIR: the lit of the LLVM we link wins over another `lit` on PATH.
find_program(REHOST_LIT NAMES lit llvm-lit lit.py NAMES_PER_DIR
  HINTS ${LLVM_TOOLS_BINARY_DIR} ${LLVM_LIBRARY_DIR}/../build/utils/lit
  DOC "LLVM's lit test runner")
find_program(REHOST_FILECHECK NAMES FileCheck HINTS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH)
find_program(REHOST_NOT NAMES not HINTS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH)
find_program(REHOST_SPLIT_FILE NAMES split-file HINTS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH)
