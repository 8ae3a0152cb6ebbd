//===- Paths.h - How rehost names, compares and shows files ---------------===//
//
// The compilation database, the FILES given, Clang and the directory walk
// each name a file their own way (relative, absolute, through symbolic
// links). Every stage compares files by realPath(), shows them relative to
// the project root (ProjectRoot.h) with displayPath(), and matches them
// against the user's globs with matchesPathGlobs(): one definition each.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_PATHS_H
#define REHOST_PATHS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace rehost {

/// \p Path absolute (from the working directory), with `.` and `..` removed.
std::string absolutePath(llvm::StringRef Path);

/// absolutePath() with symbolic links resolved, as Clang names the files it
/// read; absolutePath() itself when the file does not exist.
std::string realPath(llvm::StringRef Path);

std::string currentDirectory();

/// Whether \p Path (absolute) is \p Dir or inside it.
bool isUnderDirectory(llvm::StringRef Path, llvm::StringRef Dir);

/// \p Path relative to \p Dir (both absolute), with `..` when \p Path is
/// not under it: how a file records a directory it must find again from
/// another checkout. "." when they are the same.
std::string relativePath(llvm::StringRef Path, llvm::StringRef Dir);

/// \p Path as reports and messages show it: relative to the project root
/// \p Root when it is inside it, else as given.
std::string displayPath(llvm::StringRef Path, llvm::StringRef Root);

/// Whether \p Path names a source file (.c .cc .cpp .cxx .c++ .m .mm), not a
/// header.
bool isSourceFile(llvm::StringRef Path);

/// Whether \p AbsPath, or a directory that contains it, relative to
/// \p BaseDir matches one of \p Patterns (llvm::GlobPattern; `*` also
/// matches `/`). Paths outside \p BaseDir never do. The one matcher for
/// .rehost.toml's exclude and --exclude.
bool matchesPathGlobs(llvm::ArrayRef<std::string> Patterns,
                      llvm::StringRef BaseDir, llvm::StringRef AbsPath);

/// An error naming \p Pattern when it is not a glob matchesPathGlobs reads.
llvm::Error checkPathGlob(llvm::StringRef Pattern);

} // namespace rehost

#endif // REHOST_PATHS_H
