//===- Driver.h - What the rehost commands share --------------------------===//
//
// The project analysis every command runs (phase one, then one project-wide
// view), the report options and writing, and the exit codes: 0 nothing to
// report, 1 findings (fix: findings left unfixed), 2 usage or input error.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_TOOLS_DRIVER_H
#define REHOST_TOOLS_DRIVER_H

#include "rehost/Project.h"
#include "rehost/ProjectRoot.h"
#include "rehost/Report.h"
#include "rehost/ReportMerge.h"
#include "rehost/Scanner.h"
#include "rehost/ToolConfig.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <fmt/core.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace cli {

/// Prints to \p Stream as fmt::print does, without its exception: a message
/// that cannot be written (a full disk) must not stop `fix` from undoing its
/// writes. main() turns the lost output into exit code 2.
template <typename... Args>
void print(std::FILE *Stream, fmt::format_string<Args...> Format,
           Args &&...Values) {
  std::string Text = fmt::format(Format, std::forward<Args>(Values)...);
  std::fwrite(Text.data(), 1, Text.size(), Stream);
}

enum ExitCode { Clean = 0, Findings = 1, InputError = 2 };

struct ReportOptions {
  std::string Format = "text";
  std::string Output;
  std::string ConfigPath;           ///< --config: the tool's .rehost.toml.
  std::vector<std::string> Exclude; ///< --exclude, beside the config's.
  bool ListUncovered = false;       ///< --list-uncovered.
  bool RequireReason = false;       ///< --require-reason.
  /// Output is fix's own record of the migration (rehost-report.md, not a
  /// -o the user gave): a later fix that changes nothing keeps it.
  bool MigrationRecord = false;
};

/// "s" unless \p N is 1.
const char *plural(unsigned N);

/// The summary line's clause for the units skipped because headers they
/// name are missing, though they cannot hold a site; empty when none.
std::string skippedClause(const rehost::Summary &S);

/// Whether the report can be written to -o FILE: checked before fix changes
/// anything, so a report that cannot be written leaves every file as it was.
llvm::Error checkReportOutput(const ReportOptions &Options);

/// Renders \p Report and writes it to -o FILE (replaced atomically when it
/// is a regular file), or to standard output.
llvm::Error emitReport(const rehost::Report &Report,
                       const ReportOptions &Options);

/// emitReport, with the error printed; false when it failed.
bool writeReportTo(const rehost::Report &Report, const ReportOptions &Options);

/// Phases one and two: every translation unit parsed, then one project view.
struct Analysis {
  rehost::ScanRequest Request; ///< As run, with the config's exclusions.
  std::vector<rehost::TranslationUnitFacts> Units;
  rehost::Resolution Resolved;
  rehost::ScanCoverage Coverage;
};

/// The project root of a run of \p Request with \p Config (see
/// ProjectRoot.h): fingerprints, baseline and report paths, and what fix may
/// edit are relative to it, wherever rehost is run from.
rehost::ProjectRoot projectRootOf(const rehost::ScanRequest &Request,
                                  const rehost::ToolConfig &Config);

/// Parses the units \p Request names and resolves them project-wide, the
/// edits planned --strict or --pool as asked.
llvm::Expected<Analysis> analyse(rehost::ScanRequest Request,
                                 const rehost::ToolConfig &Config,
                                 bool Strict = false, bool Pool = false);

/// The files `rehost merge` or `fix --from-facts` is given, parsed; an
/// error names the file.
llvm::Expected<std::vector<rehost::ShardInput>>
readShards(llvm::ArrayRef<std::string> Paths);

/// `rehost merge` and `fix --from-facts`: the shards' facts, resolved
/// together as one run's.
llvm::Expected<Analysis> mergeFacts(llvm::ArrayRef<rehost::ShardInput> Shards,
                                    const rehost::ToolConfig &Config,
                                    bool Strict = false, bool Pool = false);

/// Writes \p Text to -o FILE (replaced atomically when it is a regular
/// file), or to standard output.
llvm::Error emitText(const std::string &Text, const ReportOptions &Options);

/// Lists, when asked, the source files no compile command covers, and
/// returns the summary's clause that counts them (empty when none).
std::string reportUncovered(const Analysis &Analysed,
                            const ReportOptions &Options);

/// `scan` and `merge`: writes the report of \p Analysed and its summary
/// line (unless \p Quiet); the exit status.
int reportScan(const Analysis &Analysed, const ReportOptions &Options,
               bool Quiet);

/// \p Config with the profile names the runtime's \p RuntimeConfig already
/// has.
llvm::Expected<rehost::ToolConfig>
withExistingProfiles(rehost::ToolConfig Config, llvm::StringRef RuntimeConfig);

/// The tool's .rehost.toml: --config, else found upward from here.
llvm::Expected<rehost::ToolConfig> loadConfig(const ReportOptions &Options);

} // namespace cli

#endif // REHOST_TOOLS_DRIVER_H
