//===- PreFilter.h - Whether a unit need be parsed at all -----------------===//
//
// A unit can contain a site only if its include closure holds a client
// library's header (IncludeClosure.h); the pre-filter reads the closure of
// each of the unit's commands before the parse: from the files' facts when
// they prove it holds none (IncludeGraph.h), else from Clang's scanner.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_PROJECT_PREFILTER_H
#define REHOST_LIB_PROJECT_PREFILTER_H

#include "rehost/IncludeClosure.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace rehost {

/// What the pre-filter decides before a unit is parsed.
struct PreFilterVerdict {
  /// No command of the unit can include a client library's header, so the
  /// unit cannot contain a site: it is not parsed.
  bool CannotHoldSite = false;
  /// The headers its includes name that do not exist, when it cannot hold a
  /// site all the same: no client header among those that could be found,
  /// none of the missing ones is one, and no file it reads names a client
  /// API. Its failure to compile hides nothing rehost looks for.
  std::vector<std::string> Missing;
  /// How it was decided, per command: from the files' facts, or by the
  /// dependency scanner and why (`--prefilter=explain`).
  std::vector<std::string> How;
};

/// The pre-filter's verdict on \p File. It may hold a site when the
/// scanner cannot tell. With the scanner's file facts (IncludeGraph.h), a
/// command they prove cannot read a client header is not scanned.
PreFilterVerdict preFilter(const clang::tooling::CompilationDatabase &Database,
                           llvm::StringRef File,
                           const clang::tooling::ArgumentsAdjuster &Adjust,
                           IncludeScanner::Worker &Scanner);

} // namespace rehost

#endif // REHOST_LIB_PROJECT_PREFILTER_H
