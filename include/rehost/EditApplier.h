//===- EditApplier.h - Phase three: the planned edits, written safely -----===//

#ifndef REHOST_EDITAPPLIER_H
#define REHOST_EDITAPPLIER_H

#include "rehost/EditPlan.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace llvm {
class raw_ostream;
} // namespace llvm
#include <vector>

namespace rehost {

struct ApplyOptions {
  bool DryRun = false; ///< Compute the diff; write nothing.
};

/// What happened to one file of the plan.
struct FileOutcome {
  std::string Path;
  std::string Error; ///< Why the file was left as it was; empty on success.
  std::string Diff;  ///< Unified diff of the change (also on success).
  /// Every edit of the file, includes too, sorted: what --export-fixes
  /// hands to clang-apply-replacements.
  std::vector<FileEdit> Edits;
  std::string Original;  ///< The content before the edits, for --verify.
  bool Restored = false; ///< --verify put Original back (Error says why).
};

/// Applies each file's edits plus one include per needed runtime header (none
/// when the file includes it already), placed in the file's include block.
/// A file whose content no longer matches what was parsed is not touched.
/// Files are replaced atomically and keep their permissions and line
/// endings. Diffs name files relative to \p Root.
std::vector<FileOutcome> applyEditPlan(const EditPlan &Plan,
                                       llvm::StringRef Root,
                                       const ApplyOptions &Options);

/// Writes \p Outcomes' edits in clang-tidy's --export-fixes YAML
/// (TranslationUnitReplacements), which clang-apply-replacements applies.
void writeExportedFixes(llvm::ArrayRef<FileOutcome> Outcomes,
                        llvm::raw_ostream &OS);

/// A unified diff (git style, 3 lines of context) of \p Old against the
/// result of the sorted, non-overlapping \p Edits.
std::string unifiedDiff(llvm::StringRef DisplayPath, llvm::StringRef Old,
                        llvm::ArrayRef<FileEdit> Edits);

} // namespace rehost

#endif // REHOST_EDITAPPLIER_H
