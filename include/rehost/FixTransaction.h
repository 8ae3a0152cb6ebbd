//===- FixTransaction.h - `rehost fix`'s writes: all of them, or none -----===//
//
// What `fix` writes (the sources, the runtime's rehost.toml, the report) is
// one transaction over the project's edit plan, in three stages the caller
// runs in order, printing what each leaves between them:
//
//   plan()          files no parsed unit reads or outside the project root
//                   are left out, --verify's runtime headers are checked,
//                   every file's edits are rendered in memory;
//   writeSources()  check (the runtime config can be merged, the report can
//                   be written), write the sources, verify (--verify puts
//                   back the original of a file that broke a unit);
//   record()        the fix record and the runtime config, computed once
//                   from what stayed written, then the report.
//
// A failure in the last two puts back everything written before it, so a
// failed fix changes no file. A dry run or --export-fixes writes only the
// report.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_FIXTRANSACTION_H
#define REHOST_FIXTRANSACTION_H

#include "rehost/EditApplier.h"
#include "rehost/Project.h"
#include "rehost/RuntimeConfigWriter.h"
#include "rehost/Scanner.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace rehost {

/// What `fix` is asked to write, beside its edit plan.
struct FixSettings {
  /// The sources are rewritten: not for a dry run (its output is the diff)
  /// nor for --export-fixes (clang-apply-replacements applies the edits).
  bool WritesSources = true;
  /// --verify: every rewritten unit is parsed again with the runtime's
  /// headers in RuntimeInclude.
  bool Verify = false;
  std::string RuntimeInclude;
  /// --strict: the runtime config carries the endpoints the code no longer
  /// holds.
  bool Strict = false;
  /// --allow-outside-root: files outside the project root are rewritten too.
  bool AllowOutsideRoot = false;
  std::string RuntimeConfig = "rehost.toml"; ///< The runtime's config file.
};

/// A stage failed once writing could have begun: everything written was put
/// back, unless UndoFailure says why not.
class FixAbandoned : public llvm::ErrorInfo<FixAbandoned> {
public:
  static char ID;

  FixAbandoned(std::string Reason, std::string UndoFailure)
      : Reason(std::move(Reason)), UndoFailure(std::move(UndoFailure)) {}

  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override;

  std::string Reason;      ///< What failed.
  std::string UndoFailure; ///< Empty: every file is as it was before.
};

/// One fix of one project's edit plan, its stages run in order (see above).
class FixTransaction {
public:
  /// A fix of \p Resolved: its edit plan is carried out and its report
  /// becomes the fix's (the transaction keeps references to all four, which
  /// must outlive it). \p Scanned and \p Units are the run that planned it,
  /// which --verify parses again, its compiler errors going to \p Log.
  FixTransaction(FixSettings Settings, const ScanRequest &Scanned,
                 llvm::ArrayRef<TranslationUnitFacts> Units,
                 Resolution &Resolved, llvm::raw_ostream &Log);

  /// Takes out of the plan the files that no unit which parsed reads, and
  /// those outside the project root (unless allowed: outsideRoot() lists
  /// them), checks --verify's runtime headers, and renders every other
  /// file's edits (outcomes()). Writes nothing; fails only on the headers.
  llvm::Error plan();

  /// Checks what can fail before the first source is written (the merge of
  /// the runtime config for every profile the plan fixes, and
  /// \p CheckReport), writes the sources, and verifies them with --verify.
  /// Nothing when the sources are not written. Fails with FixAbandoned.
  llvm::Error writeSources(llvm::function_ref<llvm::Error()> CheckReport);

  /// Records in the report which files were refused or put back, merges the
  /// profiles whose findings stayed fixed into the runtime's config file
  /// (when the sources are written), and hands the report to
  /// \p WriteReport. Fails with FixAbandoned.
  llvm::Error
  record(llvm::function_ref<llvm::Error(const Report &)> WriteReport);

  /// Every file of the plan, by path, with what happened to it.
  llvm::ArrayRef<FileOutcome> outcomes() const { return Outcomes; }
  /// The files plan() left out for being outside the project root.
  llvm::ArrayRef<std::string> outsideRoot() const { return OutsideRoot; }
  /// After record(): the profiles whose findings were rewritten.
  llvm::ArrayRef<ProfileInfo> fixedProfiles() const { return Fixed; }
  /// After record(): the profiles appended to the runtime's config file.
  llvm::ArrayRef<std::string> addedProfiles() const;

private:
  /// The runtime config's merge, tried for the profiles the plan fixes (all
  /// those that can stay fixed), so a file that cannot take them fails the
  /// fix before any source is written.
  llvm::Error checkRuntimeConfig() const;
  /// Puts back what was written and wraps \p Why in FixAbandoned.
  llvm::Error abandon(llvm::Error Why);

  FixSettings Settings;
  const ScanRequest &Scanned;
  llvm::ArrayRef<TranslationUnitFacts> Units;
  Report &TheReport;
  EditPlan &Plan;
  llvm::raw_ostream &Log;

  std::vector<FileOutcome> Outcomes;
  std::vector<std::string> OutsideRoot;
  std::vector<ProfileInfo> Fixed;
  std::optional<RuntimeConfigUpdate> RuntimeConfig; ///< Once written.
};

} // namespace rehost

#endif // REHOST_FIXTRANSACTION_H
