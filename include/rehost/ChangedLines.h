//===- ChangedLines.h - What changed since a git revision -----------------===//
//
// `rehost check --changed-since REF` reports the findings on lines changed
// since REF: the working tree against REF as `git diff` sees it, plus the
// files git does not track yet (new files, wholly changed).
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_CHANGEDLINES_H
#define REHOST_CHANGEDLINES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace rehost {

struct ChangedLines {
  /// Absolute path → the changed lines, as [first, last] ranges.
  std::map<std::string, std::vector<std::pair<unsigned, unsigned>>> Files;

  bool touches(llvm::StringRef AbsPath, unsigned Line) const;
  /// Marks every line of \p AbsPath changed (a file git does not track).
  void addWholeFile(const std::string &AbsPath);
};

/// The lines a zero-context unified diff (`git diff -U0`) adds or changes,
/// its paths taken relative to \p TopLevel: bare (a TAB after a path with
/// a space) or C-style quoted with octal escapes, as git writes them.
/// Deleted lines change nothing that is left to check. An error names a
/// file header it cannot read.
llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Diff,
                                              llvm::StringRef TopLevel);

/// Asks git, in the repository holding \p Dir, what changed since \p Ref.
/// An error names the revision and says what git said.
llvm::Expected<ChangedLines> changedSince(llvm::StringRef Ref,
                                          llvm::StringRef Dir);

} // namespace rehost

#endif // REHOST_CHANGEDLINES_H
