//===- FileIO.h - Reading and replacing source files safely ---------------===//

#ifndef REHOST_FILEIO_H
#define REHOST_FILEIO_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>

namespace rehost {

/// A digest of \p Content: equal digests mean the file did not change
/// between being read and being written.
std::string contentDigest(llvm::StringRef Content);

/// Replaces (or creates) \p Path with \p Content through a temporary file in
/// the same directory and a rename, so readers never see half a file. An
/// existing file keeps its permissions, and a symbolic link stays a link (the
/// file it points to is replaced). On failure the original is unchanged.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Content);

/// writeFileAtomically for a file of rehost's cache directory (the parent of
/// \p Path, `.rehost-cache/`): the directory is created when missing, with
/// a .gitignore, since it holds nothing to commit.
llvm::Error writeCacheFile(llvm::StringRef Path, llvm::StringRef Content);
/// The bytes of cache file \p Path, none when there is none; an error
/// naming \p What and the path when it cannot be read.
llvm::Expected<std::optional<std::string>> readCacheFile(llvm::StringRef Path,
                                                         llvm::StringRef What);

} // namespace rehost

#endif // REHOST_FILEIO_H
