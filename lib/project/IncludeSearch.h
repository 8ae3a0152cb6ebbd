//===- IncludeSearch.h - Where one command looks for its includes ---------===//
//
// The fast pre-filter resolves each spelled include as the compiler would,
// so it needs the command's search directories in the compiler's order (the
// quoted-only ones, -I, -isystem, the toolchain's system directories, Clang's
// builtin headers, -idirafter) and its forced includes. The Clang driver
// computes them (GCC installation, sysroot, language); that costs
// milliseconds, so it is done once per distinct command shape.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_PROJECT_INCLUDESEARCH_H
#define REHOST_LIB_PROJECT_INCLUDESEARCH_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace rehost {

/// One command's include search, as the driver sets it up.
struct IncludeSearch {
  struct Directory {
    /// As the compiler names it (relative to the command's directory when
    /// written so): the prefix of the paths it reports.
    std::string Name;
    /// Absolute, for reading.
    std::string Absolute;
    /// A system directory (-isystem, the toolchain's, Clang's builtins).
    bool System = false;
  };
  /// In search order: the quoted-only directories (-iquote) first.
  std::vector<Directory> Directories;
  /// Where `#include <...>` starts in Directories.
  size_t AngledStart = 0;
  /// -include and -imacros files, as written (absolute when they were).
  std::vector<std::string> ForcedIncludes;
  /// The unit is C++ (raw string literals exist).
  bool CPlusPlus = false;
  /// Non-empty: why the compiler's lookup cannot be reproduced from the
  /// directories alone (modules, frameworks, header maps, a precompiled
  /// header, MSVC's lookup, a command the driver refuses).
  std::string Unsupported;
};

/// The include search of \p CommandLine (the compiler first, adjusted as the
/// parse adjusts it) run in \p Directory.
IncludeSearch includeSearchOf(const std::vector<std::string> &CommandLine,
                              llvm::StringRef Directory);

} // namespace rehost

#endif // REHOST_LIB_PROJECT_INCLUDESEARCH_H
