//===- ProjectRoot.cpp - The one directory a run's paths are relative to --===//

#include "rehost/ProjectRoot.h"

#include "rehost/LLVMCompat.h"
#include "rehost/Paths.h"
#include "rehost/Scanner.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace rehost {
namespace {

/// The nearest directory from \p Start upward that holds \p Marker.
std::string upwardHolding(llvm::StringRef Start, llvm::StringRef Marker) {
  for (llvm::StringRef Dir = Start; !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, Marker);
    if (llvm::sys::fs::exists(Candidate))
      return Dir.str();
  }
  return {};
}

/// The source directory CMake configured \p BuildDir from, or empty.
std::string cmakeSourceDir(llvm::StringRef BuildDir) {
  llvm::SmallString<256> Cache(BuildDir);
  llvm::sys::path::append(Cache, "CMakeCache.txt");
  auto Buffer = llvm::MemoryBuffer::getFile(Cache, /*IsText=*/true);
  if (!Buffer)
    return {};
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n');
  for (llvm::StringRef Line : Lines)
    if (Line.consume_front("CMAKE_HOME_DIRECTORY:INTERNAL=") &&
        llvm::sys::fs::is_directory(Line.rtrim()))
      return realPath(Line.rtrim());
  return {};
}

} // namespace

std::string ProjectRoot::reason() const {
  switch (From) {
  case Source::ToolConfig:
    return "the directory of .rehost.toml";
  case Source::GitTopLevel:
    return "the git top level";
  case Source::CMakeSource:
    return "the source directory of the CMake build";
  case Source::Database:
    return "the compilation database's directory";
  case Source::WorkingDirectory:
    break;
  }
  return "the working directory";
}

ProjectRoot findProjectRoot(llvm::StringRef ToolConfigPath,
                            llvm::StringRef DatabaseDir,
                            llvm::StringRef WorkingDir) {
  using Source = ProjectRoot::Source;
  if (!ToolConfigPath.empty())
    return {realPath(llvm::sys::path::parent_path(realPath(ToolConfigPath))),
            Source::ToolConfig};
  std::string Database = DatabaseDir.empty() ? "" : realPath(DatabaseDir);
  for (llvm::StringRef Start : {llvm::StringRef(Database), WorkingDir})
    if (!Start.empty())
      if (std::string Top = upwardHolding(realPath(Start), ".git");
          !Top.empty())
        return {Top, Source::GitTopLevel};
  if (!Database.empty()) {
    if (std::string SourceDir = cmakeSourceDir(Database); !SourceDir.empty())
      return {SourceDir, Source::CMakeSource};
    return {Database, Source::Database};
  }
  return {realPath(WorkingDir), Source::WorkingDirectory};
}

std::string databaseDirectoryOf(const ScanRequest &Request,
                                llvm::StringRef WorkingDir) {
  if (!Request.BuildDir.empty()) {
    std::string BuildDir = realPath(Request.BuildDir);
    return llvm::sys::fs::is_directory(BuildDir)
               ? BuildDir
               : llvm::sys::path::parent_path(BuildDir).str();
  }
  std::string Start = realPath(WorkingDir);
  if (!Request.Files.empty()) {
    std::string First = realPath(Request.Files.front());
    Start = llvm::sys::fs::is_directory(First)
                ? First
                : llvm::sys::path::parent_path(First).str();
  }
  std::string Dir = upwardHolding(Start, "compile_commands.json");
  std::string Flags = upwardHolding(Start, "compile_flags.txt");
  // The nearer of the two, as the scan searches.
  return Flags.size() > Dir.size() ? Flags : Dir;
}

} // namespace rehost
