//===- Paths.cpp - How rehost names, compares and shows files -------------===//

#include "rehost/Paths.h"

#include "rehost/LLVMCompat.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Path.h"

namespace rehost {

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

std::string realPath(llvm::StringRef Path) {
  std::string Abs = absolutePath(Path);
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Abs, Real))
    return Abs;
  return std::string(Real);
}

std::string currentDirectory() {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return std::string(Cwd);
}

constexpr llvm::StringLiteral SourceExtensions[] = {
    ".c", ".cc", ".cpp", ".cxx", ".c++", ".m", ".mm"};

bool isSourceFile(llvm::StringRef Path) {
  llvm::StringRef Extension = llvm::sys::path::extension(Path);
  return llvm::is_contained(SourceExtensions, Extension);
}

bool isUnderDirectory(llvm::StringRef Path, llvm::StringRef Dir) {
  if (!Path.consume_front(Dir))
    return false;
  return Path.empty() || Dir.empty() || Dir.back() == '/' ||
         Path.front() == '/';
}

std::string relativePath(llvm::StringRef Path, llvm::StringRef Dir) {
  llvm::SmallVector<llvm::StringRef, 16> To, From;
  for (auto It = llvm::sys::path::begin(Path), End = llvm::sys::path::end(Path);
       It != End; ++It)
    To.push_back(*It);
  for (auto It = llvm::sys::path::begin(Dir), End = llvm::sys::path::end(Dir);
       It != End; ++It)
    From.push_back(*It);
  size_t Common = 0;
  while (Common < To.size() && Common < From.size() &&
         To[Common] == From[Common])
    ++Common;
  llvm::SmallString<256> Out;
  for (size_t I = Common; I < From.size(); ++I)
    llvm::sys::path::append(Out, "..");
  for (size_t I = Common; I < To.size(); ++I)
    llvm::sys::path::append(Out, To[I]);
  return Out.empty() ? "." : std::string(Out);
}

std::string displayPath(llvm::StringRef Path, llvm::StringRef Root) {
  llvm::StringRef Rel = Path;
  if (!Root.empty() && Rel.consume_front(Root) &&
      (endsWith(Root, "/") || Rel.consume_front("/")))
    return Rel.str();
  return Path.str();
}

bool matchesPathGlobs(llvm::ArrayRef<std::string> Patterns,
                      llvm::StringRef BaseDir, llvm::StringRef AbsPath) {
  if (Patterns.empty() || BaseDir.empty())
    return false;
  llvm::SmallString<256> File(AbsPath);
  llvm::sys::path::remove_dots(File, /*remove_dot_dot=*/true);
  llvm::StringRef Rel = File;
  if (!Rel.consume_front(BaseDir) ||
      (BaseDir.back() != '/' && !Rel.consume_front("/")))
    return false;
  std::string Relative = llvm::sys::path::convert_to_slash(Rel);
  if (Relative.empty())
    return false;

  for (const std::string &Pattern : Patterns) {
    llvm::Expected<llvm::GlobPattern> Glob = llvm::GlobPattern::create(Pattern);
    if (!Glob) {
      llvm::consumeError(Glob.takeError());
      continue;
    }
    // "build" excludes build/a.c as "build/**" does: try every directory
    // on the way down, then the file itself.
    for (size_t Slash = Relative.find('/'); Slash != std::string::npos;
         Slash = Relative.find('/', Slash + 1))
      if (Glob->match(llvm::StringRef(Relative).take_front(Slash)))
        return true;
    if (Glob->match(Relative))
      return true;
  }
  return false;
}

llvm::Error checkPathGlob(llvm::StringRef Pattern) {
  llvm::Expected<llvm::GlobPattern> Glob = llvm::GlobPattern::create(Pattern);
  if (!Glob)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "bad glob pattern '" + Pattern +
                                       "': " + toString(Glob.takeError()));
  return llvm::Error::success();
}

} // namespace rehost
