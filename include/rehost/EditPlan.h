//===- EditPlan.h - The edits phase two decided, per file -----------------===//

#ifndef REHOST_EDITPLAN_H
#define REHOST_EDITPLAN_H

#include "llvm/ADT/StringRef.h"

#include <set>
#include <string>
#include <vector>

namespace rehost {

struct FileEdit {
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
};

/// Everything one file needs: the edits (no two overlap; each site's edits
/// appear once however many translation units saw it) and the runtime
/// headers to include.
struct FilePlan {
  std::string Path;
  std::string Digest; ///< Of the content the edits were planned against.
  std::vector<FileEdit> Edits;
  std::set<std::string> Includes;
  /// Where the passwords the edits take out of the file are written
  /// (offset, length): the diff shows them, wherever they appear in it, as
  /// ***, since a dry run's output ends up in CI logs. Places, not the
  /// passwords, so that no plan or fact holds one.
  std::set<std::pair<unsigned, unsigned>> SecretSpans;
};

struct EditPlan {
  std::vector<FilePlan> Files; ///< Sorted by path.
};

} // namespace rehost

#endif // REHOST_EDITPLAN_H
