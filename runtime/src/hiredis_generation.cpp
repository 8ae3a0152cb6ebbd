// rehost_hiredis_version and rehost_hiredis_check: the runtime's side of the
// check rehost.h compiles into every file that includes it after hiredis, so
// a program built against the other hiredis generation gets a clear error
// instead of contexts it would misread (docs/runtime.md, "hiredis
// generations").
#include "hiredis_seam.hpp"
#include "last_error.hpp"

#include <string>

using namespace rehost::detail;

extern "C" const char *rehost_hiredis_version(void) {
  static const std::string version = hiredis::version();
  return version.c_str();
}

extern "C" const char *rehost_hiredis_check(int major, int minor, int patch) {
  clear_last_error();
  if (major == hiredis::generation())
    return nullptr;
  // Short enough for a context's errstr (127 characters), which is where
  // a program reads it.
  set_last_error("rehost: program built on hiredis " + std::to_string(major) +
                 "." + std::to_string(minor) + "." + std::to_string(patch) +
                 ", runtime on " + rehost_hiredis_version() +
                 ": build the runtime against hiredis " +
                 std::to_string(major) + ".x (docs/runtime.md)");
  return rehost_last_error();
}
