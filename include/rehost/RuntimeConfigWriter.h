//===- RuntimeConfigWriter.h - Writes the runtime's rehost.toml -----------===//
//
// `rehost fix` writes (or merges into) the runtime's `rehost.toml`, the file
// deployed with the service: one [profiles.NAME] table per profile the
// rewrite introduced. Without --strict the code keeps the endpoint as the
// call site's fallback, so the table only documents it in comments; with
// --strict the code keeps only the profile name and the table carries the
// endpoint as keys the runtime reads. Credentials are never written. An
// existing file is kept byte for byte and only missing profiles are
// appended. Not to be confused with the tool's `.rehost.toml`
// (ToolConfig.h).
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_RUNTIMECONFIGWRITER_H
#define REHOST_RUNTIMECONFIGWRITER_H

#include "rehost/Report.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rehost {

/// \p Existing (the current file's text, empty for a new file) with a table
/// appended for every profile of \p Profiles it does not have yet; the names
/// of those go to \p Added, in order. Returns \p Existing unchanged when
/// nothing is missing. Fails, naming \p Path, the line and the column, when
/// \p Existing is not valid TOML, when a profile name is not
/// [A-Za-z0-9_-]+, or when the result would not be valid TOML (an existing
/// `profiles` that cannot take more tables).
llvm::Expected<std::string> renderRuntimeConfig(
    llvm::StringRef Existing, llvm::ArrayRef<ProfileInfo> Profiles, bool Strict,
    std::vector<std::string> &Added, llvm::StringRef Path = "rehost.toml");

/// What merging profiles into the runtime's config file will write, worked
/// out before anything is: `fix` renders it before it rewrites a source, so a
/// file that cannot be merged fails the run while nothing has changed.
struct RuntimeConfigUpdate {
  std::string Path;
  std::optional<std::string> Existing; ///< The file as read; none: absent.
  std::string Text;                    ///< The merged file.
  std::vector<std::string> Added;      ///< Profiles appended, in order.
};

/// Reads \p Path and renders the merge with renderRuntimeConfig.
llvm::Expected<RuntimeConfigUpdate>
prepareRuntimeConfig(llvm::StringRef Path, llvm::ArrayRef<ProfileInfo> Profiles,
                     bool Strict);

/// Writes \p Update (nothing when no profile is added) atomically, keeping
/// the file's permissions; refuses when the file changed since it was read.
llvm::Error commitRuntimeConfig(const RuntimeConfigUpdate &Update);

/// Puts the file back as \p Update found it (removes it when it did not
/// exist), for a later step of `fix` that failed.
llvm::Error undoRuntimeConfig(const RuntimeConfigUpdate &Update);

/// Merges \p Profiles into the runtime's config file at \p Path (created
/// when missing, not created when there is nothing to write) with
/// renderRuntimeConfig. The file is replaced atomically (a temporary file in
/// the same directory, renamed over it) and keeps its permissions; nothing
/// is written when nothing is missing, when the file does not parse, or when
/// it changed on disk while being merged. The names of the profiles
/// appended go to \p Added when it is given.
llvm::Error writeRuntimeConfig(llvm::StringRef Path,
                               llvm::ArrayRef<ProfileInfo> Profiles,
                               bool Strict,
                               std::vector<std::string> *Added = nullptr);

/// The profiles an existing runtime config file already defines.
struct ExistingProfiles {
  /// Endpoint address -> name, for tables that say their endpoint: keys the
  /// runtime reads (url, host/port/db, socket), or the "fallback in code"
  /// comment `rehost fix` writes.
  std::map<std::string, std::string> ByAddress;
  std::set<std::string> Names; ///< Every [profiles.NAME] table.
};

/// Reads \p Path (nothing when it does not exist), so a later `fix` gives an
/// endpoint the name it already has and never reuses a name for another
/// endpoint: rewriting never changes an existing table.
llvm::Expected<ExistingProfiles> readExistingProfiles(llvm::StringRef Path);

} // namespace rehost

#endif // REHOST_RUNTIMECONFIGWRITER_H
