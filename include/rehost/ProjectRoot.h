//===- ProjectRoot.h - The one directory a run's paths are relative to ----===//
//
// Fingerprints, baseline entries, report and diagnostic paths, the default
// header filter and the edges of what `fix` may write are all relative to
// the project root, so they must not depend on where rehost is run from.
// The root is, first hit wins:
//   1. the directory of the tool's .rehost.toml (the one read);
//   2. the git top level (the directory holding .git) of the compilation
//      database's directory, else of the working directory;
//   3. for a CMake build directory, the source directory its CMakeCache.txt
//      names; else the compilation database's directory;
//   4. the working directory (no database: FILES parsed with `--` flags).
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_PROJECTROOT_H
#define REHOST_PROJECTROOT_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace rehost {

struct ScanRequest;

struct ProjectRoot {
  enum class Source {
    ToolConfig,
    GitTopLevel,
    CMakeSource,
    Database,
    WorkingDirectory
  };
  std::string Path; ///< Absolute, symbolic links resolved.
  Source From = Source::WorkingDirectory;

  /// Why this is the root, for messages: "the directory of .rehost.toml".
  std::string reason() const;
};

/// The project root of a run that read the tool config \p ToolConfigPath
/// (empty: none) and the compilation database in \p DatabaseDir (empty:
/// none), from \p WorkingDir.
ProjectRoot findProjectRoot(llvm::StringRef ToolConfigPath,
                            llvm::StringRef DatabaseDir,
                            llvm::StringRef WorkingDir);

/// The directory of the compilation database \p Request reads (its -p, or
/// the first directory upward from the first FILE, or from \p WorkingDir,
/// that holds compile_commands.json or compile_flags.txt); empty when none.
std::string databaseDirectoryOf(const ScanRequest &Request,
                                llvm::StringRef WorkingDir);

} // namespace rehost

#endif // REHOST_PROJECTROOT_H
