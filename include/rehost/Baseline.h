//===- Baseline.h - The findings a project has accepted for now -----------===//
//
// `rehost baseline` records every current finding by its fingerprint, and
// `rehost check` reports only the findings the baseline does not hold: quiet
// about the past, loud about the new. The file is JSON, sorted, one entry per
// finding, with the path, rule, API and function beside each fingerprint for
// the reviewer of a diff; it never holds a line number (code moves) nor a
// password.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_BASELINE_H
#define REHOST_BASELINE_H

#include "rehost/Report.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace rehost {

/// The conventional file name, at the project root.
constexpr llvm::StringLiteral BaselineFileName = ".rehost-baseline.json";

struct BaselineEntry {
  std::string Fingerprint;
  std::string File; ///< Relative to the project root.
  std::string Rule; ///< ruleId().
  std::string Api;
  std::string Function;

  bool operator<(const BaselineEntry &O) const;
  bool operator==(const BaselineEntry &O) const;
};

struct Baseline {
  /// The project root the entries' paths and fingerprints are relative to,
  /// relative to the baseline file's own directory ("." beside it), so the
  /// file holds in any checkout. Empty in a baseline written before rehost
  /// recorded it.
  std::string Root;
  std::vector<BaselineEntry> Entries; ///< Sorted, no two alike.
  /// The units that were skipped when it was written (headers not found;
  /// see FileReport::Status::Skipped), relative to the root, sorted: their
  /// findings were never seen, so they are not known to be clean.
  std::vector<std::string> Unanalysed;
  std::set<std::string> Fingerprints; ///< Of Entries, for lookups.

  bool holds(const std::string &Fingerprint) const {
    return Fingerprints.count(Fingerprint) != 0;
  }
};

/// Every active (not suppressed) finding of \p R.
Baseline baselineOf(const Report &R);

/// \p Old without the entries that \p R no longer finds. An entry is known
/// gone only when \p R analysed its file (\p Analysed, and not a unit \p R
/// skipped); the others stay.
/// New findings are never added: \p NotAdded counts them.
Baseline updatedBaseline(const Baseline &Old, const Report &R,
                         const std::function<bool(llvm::StringRef)> &Analysed,
                         unsigned &NotAdded);

/// The file's text: JSON with a version, the entries sorted.
std::string renderBaseline(const Baseline &B);

/// Reads the baseline at \p Path; errors name the file and what is wrong.
llvm::Expected<Baseline> readBaseline(llvm::StringRef Path);

/// The absolute project root \p B records, read from the baseline file at
/// \p BaselinePath; empty when it records none.
std::string baselineRootOf(const Baseline &B, llvm::StringRef BaselinePath);

/// The Root to record for the project root \p ProjectRoot (absolute) in a
/// baseline written to \p BaselinePath.
std::string baselineRootFor(llvm::StringRef ProjectRoot,
                            llvm::StringRef BaselinePath);

/// Marks in \p R the findings \p B holds (Finding::InBaseline) instead of
/// taking them out, for SARIF, whose consumers track a baselined result as
/// an externally suppressed one.
void markBaselined(Report &R, const Baseline &B);

/// Takes out of \p R the findings \p B holds and counts them in
/// R.Baselined.
void removeBaselined(Report &R, const Baseline &B);

} // namespace rehost

#endif // REHOST_BASELINE_H
