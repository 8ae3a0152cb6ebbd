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

#include "rehost/Report.h"
#include "rehost/Site.h"

#include "llvm/ADT/ArrayRef.h"

#include <map>
#include <string>
#include <vector>

namespace rehost {

/// What phase one learnt from one translation unit.
struct TranslationUnitFacts {
  std::string MainFile; ///< Absolute path.
  std::vector<Site> Sites;
  std::string Error; ///< Non-empty when the unit could not be analysed.
};

/// Names one profile per distinct endpoint: the most used is "default", the
/// others get stable names derived from the endpoint. Keys are endpoint
/// addresses (Endpoint::address()).
std::map<std::string, std::string>
nameProfiles(llvm::ArrayRef<std::string> EndpointUses);

/// The environment variables that override profile \p Profile in the
/// runtime (REDIS_URL, REDIS_HOST, ... for "default"; REDIS_QUEUE_URL, ...
/// for "queue").
std::vector<std::string> profileVariables(llvm::StringRef Profile);

/// Merges the facts of all translation units into one report whose paths are
/// shown relative to \p Root.
Report resolveProject(llvm::ArrayRef<TranslationUnitFacts> Units,
                      llvm::StringRef Root);

} // namespace rehost

#endif // REHOST_PROJECT_H
