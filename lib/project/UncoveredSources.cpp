//===- UncoveredSources.cpp - The sources no database entry covers --------===//

#include "rehost/Scanner.h"

#include "rehost/Paths.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <set>

namespace rehost {
namespace {

/// A build directory's sources are generated or copied: not the project's.
bool isBuildDirectory(llvm::StringRef Dir) {
  for (llvm::StringRef Marker : {"compile_commands.json", "CMakeCache.txt"}) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Marker);
    if (llvm::sys::fs::exists(Path))
      return true;
  }
  return false;
}

} // namespace

std::vector<std::string>
findUncoveredSources(llvm::StringRef Root, llvm::ArrayRef<std::string> Covered,
                     const std::function<bool(llvm::StringRef)> &IsExcluded) {
  std::set<std::string> Known;
  for (const std::string &File : Covered) {
    Known.insert(absolutePath(File));
    Known.insert(realPath(File));
  }
  std::vector<std::string> Out;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator
           It(Root, EC, /*follow_symlinks=*/false),
       End;
       It != End && !EC; It.increment(EC)) {
    llvm::StringRef Path = It->path();
    if (It->type() == llvm::sys::fs::file_type::directory_file) {
      if (llvm::sys::path::filename(Path) == ".git" || isBuildDirectory(Path) ||
          (IsExcluded && IsExcluded(Path)))
        It.no_push();
      continue;
    }
    if (!isSourceFile(Path) || (IsExcluded && IsExcluded(Path)))
      continue;
    std::string Abs = absolutePath(Path);
    if (!Known.count(Abs) && !Known.count(realPath(Abs)))
      Out.push_back(std::move(Abs));
  }
  llvm::sort(Out);
  return Out;
}

} // namespace rehost
