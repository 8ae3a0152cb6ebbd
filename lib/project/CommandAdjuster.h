//===- CommandAdjuster.h - The command a unit is parsed with --------------===//

#ifndef REHOST_LIB_PROJECT_COMMANDADJUSTER_H
#define REHOST_LIB_PROJECT_COMMANDADJUSTER_H

#include "clang/Tooling/ArgumentsAdjusters.h"

namespace rehost {

struct ScanRequest;

/// Every adjustment the parse makes to a unit's command, in order: parse
/// only, GCC's flags made Clang's, the user's extra arguments, no warnings,
/// Clang's resource directory and the runtime's headers.
clang::tooling::ArgumentsAdjuster commandAdjuster(const ScanRequest &Request);

} // namespace rehost

#endif // REHOST_LIB_PROJECT_COMMANDADJUSTER_H
