//===- CheckCommand.h - `rehost check` and `rehost baseline` --------------===//
//
// The lint that is quiet about the past and loud about the new: baseline
// records the findings by fingerprint, check reports those it does not hold.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_TOOLS_CHECKCOMMAND_H
#define REHOST_TOOLS_CHECKCOMMAND_H

#include "Driver.h"

#include <string>

namespace cli {

struct CheckOptions {
  std::string Baseline;     ///< --baseline; empty: the config's, or none.
  std::string ChangedSince; ///< --changed-since REF.
};

/// `rehost check`: the findings that are new, against the baseline and, with
/// --changed-since, on the lines changed since that revision.
int runCheck(rehost::ScanRequest Request, const ReportOptions &Options,
             const CheckOptions &Check, const rehost::ToolConfig &Config);

/// `rehost baseline`: records every current finding, or with \p Update
/// drops the entries that are gone and adds none.
int runBaseline(rehost::ScanRequest Request, const ReportOptions &Options,
                bool Update, const rehost::ToolConfig &Config);

} // namespace cli

#endif // REHOST_TOOLS_CHECKCOMMAND_H
