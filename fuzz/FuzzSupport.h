//===- FuzzSupport.h - What every rehost fuzz target needs ----------------===//
//
// A property that fails aborts, so libFuzzer keeps the input as a crash; the
// message names the property, never the input (it may hold a password).
// Readers that take a path read a scratch file the target rewrites per
// input: one per process, so parallel fuzzing jobs do not share it.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_FUZZ_SUPPORT_H
#define REHOST_FUZZ_SUPPORT_H

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

extern char **environ;

namespace rehost::fuzz {

[[noreturn]] inline void propertyFailed(const char *Property) {
  std::fprintf(stderr, "rehost fuzz: property violated: %s\n", Property);
  std::abort();
}

inline void require(bool Holds, const char *Property) {
  if (!Holds)
    propertyFailed(Property);
}

/// A file of this process's own under TMPDIR (or /tmp), removed at exit.
class ScratchFile {
public:
  explicit ScratchFile(const char *Tag) {
    const char *Dir = std::getenv("TMPDIR");
    Path = std::string(Dir && *Dir ? Dir : "/tmp") + "/rehost-fuzz-" + Tag +
           "-" + std::to_string(getpid());
  }
  ~ScratchFile() { std::remove(Path.c_str()); }
  ScratchFile(const ScratchFile &) = delete;
  ScratchFile &operator=(const ScratchFile &) = delete;

  const std::string &path() const { return Path; }

private:
  std::string Path;
};

/// Writes \p Bytes to \p Path, replacing what was there.
inline void writeFile(const std::string &Path, std::string_view Bytes) {
  std::ofstream Out(Path, std::ios::binary | std::ios::trunc);
  Out.write(Bytes.data(), static_cast<std::streamsize>(Bytes.size()));
  require(static_cast<bool>(Out), "the scratch file can be written");
}

/// Unsets every REDIS_*, REHOST_* and KUBERNETES_* variable, so the
/// machine's settings cannot decide what the runtime resolves.
inline void clearRehostEnvironment() {
  for (bool Found = true; Found;) {
    Found = false;
    for (char **Entry = environ; *Entry; ++Entry) {
      std::string_view Pair(*Entry);
      std::string Name(Pair.substr(0, Pair.find('=')));
      if (Name.rfind("REDIS_", 0) == 0 || Name.rfind("REHOST_", 0) == 0 ||
          Name.rfind("KUBERNETES_", 0) == 0) {
        unsetenv(Name.c_str());
        Found = true; // environ changed under the loop: start again
        break;
      }
    }
  }
}

inline std::string_view asText(const uint8_t *Data, size_t Size) {
  return {reinterpret_cast<const char *>(Data), Size};
}

} // namespace rehost::fuzz

#endif // REHOST_FUZZ_SUPPORT_H
