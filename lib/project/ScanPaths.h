//===- ScanPaths.h - How the scan names the files it meets ----------------===//
//
// The database, the FILES, Clang and the directory walk each name a file in
// their own way (relative, absolute, through symbolic links); the scan
// compares them by these names.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_PROJECT_SCANPATHS_H
#define REHOST_LIB_PROJECT_SCANPATHS_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace rehost {

/// \p Path absolute (from the working directory), with `.` and `..` removed.
std::string absolutePath(llvm::StringRef Path);

/// The path with symbolic links resolved, as Clang names the files it read;
/// \p Path itself when it cannot be resolved.
std::string realPath(llvm::StringRef Path);

std::string currentDirectory();

/// Whether \p Path names a source file (.c .cc .cpp .cxx .c++ .m .mm), not a
/// header.
bool isSourceFile(llvm::StringRef Path);

} // namespace rehost

#endif // REHOST_LIB_PROJECT_SCANPATHS_H
