//===- FixCommand.h - `rehost fix`: the rewrite, all or nothing -----------===//

#ifndef REHOST_TOOLS_FIXCOMMAND_H
#define REHOST_TOOLS_FIXCOMMAND_H

#include "Driver.h"

#include "rehost/FixTransaction.h"

#include <string>
#include <vector>

namespace cli {

struct FixOptions {
  bool DryRun = false;
  bool Verify = false;
  bool Strict = false; ///< Only profile names stay in code.
  bool Pool = false;   ///< Connect-per-request code borrows from a pool.
  /// Also rewrite files outside the project root (a database listing
  /// another checkout's paths would otherwise be refused).
  bool AllowOutsideRoot = false;
  std::string
      ExportFixes; ///< clang-apply-replacements YAML; sources untouched.
  std::string RuntimeConfig = "rehost.toml";
  /// --from-facts: the shards' facts instead of a scan; one edit plan.
  std::vector<std::string> FromFacts;
  /// The runtime headers --verify parses against (--runtime-include; by
  /// default the installed ones beside this binary).
  std::string RuntimeInclude;

  /// Whether source files are rewritten (not for a diff or an export).
  bool writesSources() const { return !DryRun && ExportFixes.empty(); }

  /// What the transaction is asked to write.
  rehost::FixSettings settings() const;
};

/// Plans every edit, checks what can fail, writes the sources, the runtime's
/// rehost.toml and the report, or changes nothing; the exit status.
int runFix(const rehost::ScanRequest &Request, const ReportOptions &Options,
           const FixOptions &Fix, const rehost::ToolConfig &Config);

} // namespace cli

#endif // REHOST_TOOLS_FIXCOMMAND_H
