//===- CheckAndBaseline.cpp - What `check` and `baseline` share -----------===//

#include "CheckAndBaseline.h"

#include "rehost/Paths.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <fmt/core.h>

namespace cli {

/// The real paths of \p Files, which check and baseline narrow the report
/// to; a directory stands for what is under it.
std::vector<std::string> focusOf(llvm::ArrayRef<std::string> Files) {
  std::vector<std::string> Out;
  for (const std::string &File : Files) {
    Out.push_back(rehost::realPath(File));
  }
  return Out;
}

/// .rehost-baseline.json at \p Root, as the messages show it: relative to
/// the working directory when under it.
std::string defaultBaselinePath(const rehost::ProjectRoot &Root) {
  llvm::SmallString<256> AtRoot(Root.Path), Cwd;
  llvm::sys::path::append(AtRoot, rehost::BaselineFileName);
  llvm::sys::fs::current_path(Cwd);
  return rehost::displayPath(AtRoot, Cwd);
}

bool inFocus(llvm::ArrayRef<std::string> Focus, llvm::StringRef Path) {
  std::string Real = rehost::realPath(Path);
  return llvm::any_of(Focus, [&](const std::string &F) {
    llvm::StringRef P = Real;
    return P == F || (P.consume_front(F) && !P.empty() && P.front() == '/');
  });
}

/// The findings of the files asked for (a header analysed through a unit
/// that includes it gives that unit's findings too: they are not asked for).
void narrowToFiles(rehost::Report &Report, llvm::ArrayRef<std::string> Files) {
  if (Files.empty())
    return;
  std::vector<std::string> Focus = focusOf(Files);
  rehost::keepFindings(
      Report, [&](const rehost::FileReport &File, const rehost::Finding &) {
        return inFocus(Focus, File.Path);
      });
}

/// A baseline's fingerprints are paths relative to the project root it
/// records: read in a run with another root, every entry would miss. One
/// without a root (an older rehost's) is taken as this run's, with a note.
llvm::Error checkBaselineRoot(const rehost::Baseline &B, llvm::StringRef Path,
                              const rehost::ProjectRoot &Root, bool Quiet) {
  std::string Recorded = rehost::baselineRootOf(B, Path);
  if (Recorded.empty()) {
    if (!Quiet)
      cli::print(stderr,
                 "note: {} records no project root (an older rehost wrote "
                 "it): its paths are read as relative to {} ({}); `rehost "
                 "baseline --update` records it\n",
                 Path.str(), Root.Path, Root.reason());
    return llvm::Error::success();
  }
  if (Recorded == Root.Path)
    return llvm::Error::success();
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      "%s was written for the project root %s, but this run's root is %s "
      "(%s): its entries would not match. Run from that project, or write "
      "the baseline for this one with `rehost baseline`",
      Path.str().c_str(), Recorded.c_str(), Root.Path.c_str(),
      Root.reason().c_str());
}

} // namespace cli
