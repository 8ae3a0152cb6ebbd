//===- Facts.h - Phase one's result as JSON -------------------------------===//
//
// What phase one learnt (every unit's sites with their evaluated endpoints
// and where their parts are written, never the text of an edit; its
// macro-body uses, its errors, the files it read)
// written as JSON and read back to the same thing, so that a run can be
// split into shards whose facts one `rehost merge` resolves together. Paths
// are relative to the project root where they are under it, so facts made in
// one checkout read back in another.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_FACTS_H
#define REHOST_FACTS_H

#include "rehost/Project.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace rehost {

/// One run's phase-one result.
struct Facts {
  std::vector<TranslationUnitFacts> Units;
  /// Source files under the root that no compile command covers (absolute).
  std::vector<std::string> Uncovered;
};

/// \p F as JSON, paths under \p Root relative to it.
llvm::json::Value factsToJson(const Facts &F, llvm::StringRef Root);

/// Facts read from \p Value (as factsToJson writes them), relative paths
/// resolved against \p Root. An error names \p Origin and the bad key.
llvm::Expected<Facts> factsFromJson(const llvm::json::Value &Value,
                                    llvm::StringRef Root,
                                    llvm::StringRef Origin);

/// The version of the format factsToJson writes: raised whenever what it
/// holds changes meaning, so that what was written before is not misread.
int64_t factsVersion();

/// One unit's facts as JSON, as factsToJson writes each unit (the
/// summaries' cache, SummaryCache.h, keeps them across runs); paths under
/// \p Root relative to it (none: every path as it is).
llvm::json::Value unitToJson(const TranslationUnitFacts &Unit,
                             llvm::StringRef Root);

/// A unit's facts read from \p Value (as unitToJson writes them), relative
/// paths resolved against \p Root. An error names \p Origin and the bad key.
llvm::Expected<TranslationUnitFacts>
unitFromJson(const llvm::json::Value &Value, llvm::StringRef Root,
             llvm::StringRef Origin);

} // namespace rehost

#endif // REHOST_FACTS_H
