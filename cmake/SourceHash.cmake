# cmake -DROOT=<source dir> -DOUT=<header> -P SourceHash.cmake
#
# Writes OUT with the hash of the tool's sources (the library, its headers
# and the runtime's shared URL splitter it compiles in), which the caches'
# tool key holds: a rebuilt rehost never takes an older build's cached facts
# for its own, whatever its version string says. OUT is rewritten only when
# the hash changes, so an unrelated edit recompiles nothing more.
file(GLOB_RECURSE files RELATIVE "${ROOT}"
  "${ROOT}/lib/*.cpp" "${ROOT}/lib/*.h" "${ROOT}/include/rehost/*.h"
  "${ROOT}/runtime/shared/*")
list(SORT files)
set(text "")
foreach(file IN LISTS files)
  file(SHA256 "${ROOT}/${file}" hash)
  string(APPEND text "${file} ${hash}\n")
endforeach()
string(SHA256 all "${text}")
string(SUBSTRING "${all}" 0 16 short)
file(WRITE "${OUT}.tmp" "#define REHOST_SOURCE_HASH \"${short}\"\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
