//===- HeaderUnits.h - Headers among FILES, parsed through a unit ---------===//
//
// A header has no command of its own: a FILE that is a header the database
// does not list is analysed through the first unit, in path order, that
// includes it (ScanRequest::HeadersThroughUnits), as pre-commit hands check
// the headers it stages.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_PROJECT_HEADERUNITS_H
#define REHOST_LIB_PROJECT_HEADERUNITS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace rehost {

class FallbackDatabase;
struct ScanRequest;

/// \p Files with each header the database does not list replaced by a unit
/// that includes it, so the header is parsed with a real command.
std::vector<std::string> throughIncludingUnits(std::vector<std::string> Files,
                                               const FallbackDatabase &Database,
                                               const ScanRequest &Request,
                                               llvm::StringRef Root,
                                               llvm::raw_ostream &Log);

} // namespace rehost

#endif // REHOST_LIB_PROJECT_HEADERUNITS_H
