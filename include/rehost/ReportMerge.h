//===- ReportMerge.h - One report from the shards' JSON or SARIF reports --===//
//
// `rehost merge` takes what the shards of a scan wrote: their facts (the
// exact way, Facts.h), or their JSON or SARIF reports. Reports are merged as
// a single run would have reported: a finding two shards saw (a shared
// header) once, the files in path order, the profiles and the summary
// counted again. Where the shards decided differently (one address under
// two profile names, one finding with two outcomes), only the facts can say
// what one run decides, and the merge refuses, saying so.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_REPORTMERGE_H
#define REHOST_REPORTMERGE_H

#include "rehost/Report.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace rehost {

/// What a file `rehost merge` is given holds.
enum class ShardKind { Facts, JsonReport, SarifReport, Unknown };

ShardKind shardKindOf(const llvm::json::Value &Document);

/// One shard's output, as read.
struct ShardInput {
  std::string Path; ///< For messages.
  llvm::json::Value Document;
};

/// A JSON report (as writeJson writes it) read back; paths relative to its
/// root are taken relative to \p Root, where the merge runs.
llvm::Expected<Report> reportFromJson(const llvm::json::Value &Document,
                                      llvm::StringRef Root,
                                      llvm::StringRef Origin);

/// The shards' JSON reports as one report rooted at \p Root.
llvm::Expected<Report> mergeJsonReports(llvm::ArrayRef<ShardInput> Shards,
                                        llvm::StringRef Root);

/// What merged SARIF holds, for the summary line and the exit status.
struct SarifSummary {
  unsigned Findings = 0;   ///< Results without a suppression.
  unsigned Suppressed = 0; ///< Results a comment in the source silenced.
  unsigned Files = 0;      ///< Files with a finding.
  unsigned Errors = 0;     ///< Files that could not be analysed.
};

/// The shards' SARIF logs as one: the results of every run (one per
/// fingerprint) in file and line order, the notifications of files that
/// could not be analysed, SRCROOT set to \p Root.
llvm::Expected<llvm::json::Value>
mergeSarifReports(llvm::ArrayRef<ShardInput> Shards, llvm::StringRef Root,
                  SarifSummary &Summary);

} // namespace rehost

#endif // REHOST_REPORTMERGE_H
