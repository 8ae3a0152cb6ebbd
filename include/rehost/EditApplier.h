//===- EditApplier.h - Phase three: the planned edits, written safely -----===//

#ifndef REHOST_EDITAPPLIER_H
#define REHOST_EDITAPPLIER_H

#include "rehost/EditPlan.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <string>

#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace rehost {

struct ApplyOptions {
  bool DryRun = false; ///< Compute the diff; write nothing.
};

/// What happened to one file of the plan.
struct FileOutcome {
  std::string Path;
  std::string Error; ///< Why the file was left as it was; empty on success.
  /// What the report says of the file's findings when Error is set; empty:
  /// "not rewritten: " followed by Error.
  std::string Reason;
  /// The error line for the user (no trailing newline); empty when it was
  /// shown already (the unit's own parse errors, --verify's compiler errors).
  std::string Diagnostic;
  std::string Diff; ///< Unified diff of the change (also on success).
  /// Every edit of the file, includes too, sorted: what --export-fixes
  /// hands to clang-apply-replacements.
  std::vector<FileEdit> Edits;
  std::string Original;  ///< The content before the edits.
  std::string Rewritten; ///< The content after them.
  bool Written = false;  ///< Rewritten is on disk.
  bool Restored = false; ///< --verify put Original back (Error says why).
};

/// Reads every file of \p Plan and renders its edits plus one include per
/// needed runtime header (none when the file includes it already), placed
/// after the file's own includes of the client library (IncludePlacement.h).
/// Nothing is written. A file whose content no longer matches what was
/// parsed, or that is read-only (no write permission bit, also for root), is
/// refused. Diffs name files relative to \p Root.
std::vector<FileOutcome> prepareEdits(const EditPlan &Plan,
                                      llvm::StringRef Root);

/// Writes every prepared outcome that was not refused, each atomically and
/// keeping its permissions and symbolic links, after checking once more that
/// the file is what was read. When one cannot be written, the files written
/// before it get their original back, and the error names the file: either
/// every file is written or none.
llvm::Error commitEdits(std::vector<FileOutcome> &Outcomes);

/// Puts the original content back into every written file of \p Outcomes,
/// for a later step of `fix` that failed: a failed fix changes no file.
llvm::Error undoEdits(std::vector<FileOutcome> &Outcomes);

/// prepareEdits, then (unless \p Options.DryRun) commitEdits; a failed
/// commit is recorded in the failing file's outcome.
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
