//===- Project.h - Phase two: one project-wide view of every site ---------===//
//
// Each translation unit reports its sites independently; this step merges
// them (a header included by many translation units yields one finding),
// names profiles for the distinct endpoints, and builds the Report. It sees
// only plain facts, so it does not care how they were collected.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_PROJECT_H
#define REHOST_PROJECT_H

#include "rehost/EditPlan.h"
#include "rehost/Flow.h"
#include "rehost/ProfileNames.h"
#include "rehost/Report.h"
#include "rehost/Site.h"
#include "rehost/ToolConfig.h"

#include "llvm/ADT/ArrayRef.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace rehost {

/// What phase one learnt from one translation unit.
struct TranslationUnitFacts {
  std::string MainFile; ///< Absolute path.
  std::vector<Site> Sites;
  std::vector<MacroBodyUse> MacroBodyUses;
  std::string Error; ///< Non-empty when the unit could not be analysed.
  std::optional<CompilerError> FirstError; ///< Why, when the compiler said.
  /// Every file the unit read (real paths), for --verify; none for a
  /// pre-filtered unit, which no edit can break: an edited header holds a
  /// use of a client library (and its include closure a client header), or
  /// only a macro body the unit never expands.
  std::vector<std::string> Files;
  /// The pre-filter found no client library header in the unit's include
  /// closure, so it was not parsed (it cannot contain a site).
  bool PreFiltered = false;
  /// For a pre-filtered unit, the headers it names that do not exist: it
  /// would not compile, but it cannot contain a site (no client header among
  /// the others, no client API named in what it reads), so it is skipped,
  /// not an error. See missingHeadersReason.
  std::vector<std::string> MissingHeaders;
  /// The hiredis the unit sees ("1.3.1"; "" when none): hiredisVersionOf.
  std::string HiredisVersion;
  /// How values move through the unit's own functions and fields: phase
  /// two makes derived sites of them (DerivedSites.h).
  UnitFlows Flows;
};

/// Why a unit with \p Missing headers was skipped, for the log and reports.
std::string missingHeadersReason(llvm::ArrayRef<std::string> Missing);

/// Sorts \p Profiles as reports list them: "default" first, then by name.
void sortProfiles(std::vector<ProfileInfo> &Profiles);

/// Fills each profile's MustSet from \p Files' findings: the variables that
/// set a credential `fix` takes out of the code (REDIS_QUEUE_PASSWORD).
void noteCredentialsToSet(llvm::ArrayRef<FileReport> Files,
                          std::vector<ProfileInfo> &Profiles);

/// What phase two decided: the findings, and the edits that fix the
/// fixable ones.
struct Resolution {
  Report Findings;
  EditPlan Edits;
};

struct Sink; // DerivedSites.h

/// Merges the facts of all translation units: one finding per site (a header
/// included by many units is seen once), profiles named, macro bodies whose
/// expansions disagree and overlapping edits refused (those sites become
/// manual), and the edits of the rest grouped per file. Sites in files the
/// \p Config excludes, or on hosts it allows, are dropped. With \p Strict the
/// sites' strict rewrites are planned; with \p Pool a connect proven to be
/// one request's own becomes a pool acquire (the others keep their rewrite
/// and say why). Report paths are shown relative to \p Root. \p Cached:
/// the flows of units not parsed this run, from the summaries' cache
/// (SummaryCache.h), which lead this run's constants on to client calls but
/// are neither reported nor counted.
/// \p Sinks: the project's sinks when the scan resolved them already
/// (ScanCoverage::Sinks); resolved here from \p Units, \p Config and
/// \p Cached when null (merged shards, tests).
Resolution resolveProject(llvm::ArrayRef<TranslationUnitFacts> Units,
                          llvm::StringRef Root, const ToolConfig &Config = {},
                          bool Strict = false, bool Pool = false,
                          llvm::ArrayRef<UnitFlows> Cached = {},
                          const std::map<std::string, Sink> *Sinks = nullptr);

} // namespace rehost

#endif // REHOST_PROJECT_H
