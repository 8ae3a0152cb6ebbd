//===- Scanner.h - Runs phase one over a compilation database -------------===//

#ifndef REHOST_SCANNER_H
#define REHOST_SCANNER_H

#include "rehost/DerivedSites.h"
#include "rehost/Progress.h"
#include "rehost/Project.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace rehost {

struct ScanRequest {
  /// Directory holding compile_commands.json, or that file itself; empty:
  /// search upward from the first file (or the working directory), as
  /// clang-tidy does.
  std::string BuildDir;
  /// Files to analyse (a directory stands for the database's entries under
  /// it); empty: every entry of the compilation database.
  std::vector<std::string> Files;
  /// Arguments after `--`: appended to every command, and the whole command
  /// for files the database does not know.
  std::vector<std::string> ExtraArgs;
  /// Whether `--` was given (it may be given with no arguments).
  bool HasExtraArgs = false;
  /// --extra-arg-before: inserted after the compiler's name in every command.
  std::vector<std::string> ExtraArgsBefore;
  /// --extra-arg: appended to every command, before the `--` arguments.
  std::vector<std::string> ExtraArgsAfter;
  /// Drop the GCC flags Clang rejects and keep GCC's warnings warnings
  /// (see gccCompatAdjuster).
  bool GccCompat = true;
  /// No warnings about how a file was parsed (fallback flags); the
  /// compiler's errors still show.
  bool Quiet = false;
  /// --header-filter: the headers whose sites are reported, as a regular
  /// expression searched in the absolute path; empty: headers under Root.
  std::string HeaderFilter;
  /// The project root: report paths and the uncovered-file search start
  /// here. Empty: the working directory.
  std::string Root;
  /// Where the parse finds the runtime's headers, after the project's own
  /// include path; empty: the installed runtime's, then those of rehost's
  /// source tree (so migrated code parses before the runtime is installed).
  std::vector<std::string> RuntimeIncludeDirs;
  /// Files never parsed (.rehost.toml's exclude, --exclude); none when unset.
  std::function<bool(llvm::StringRef)> IsExcluded;
  /// Units parsed at once (-j); 0: one per hardware thread. The result does
  /// not depend on it.
  unsigned Jobs = 0;
  /// Skip the units whose include closure holds no client library header
  /// (see IncludeClosure.h); --no-prefilter parses every unit.
  bool PreFilter = true;
  /// How the pre-filter decides: from each file's include facts, read once
  /// and shared between units, asking Clang's dependency scanner only what
  /// they cannot prove (the default), or by the scanner alone for every unit
  /// (--prefilter=exact). Both skip the same units.
  bool PreFilterFromFileFacts = true;
  /// Log how the pre-filter decided each unit (--prefilter=explain).
  bool ExplainPreFilter = false;
  /// Keep across runs, in .rehost-cache/ at the project root (--cache), the
  /// pre-filter's file facts (FactsCache.h) and the parsed units' facts
  /// (SummaryCache.h): a unit whose entry holds is not parsed again, and a
  /// file-list run follows the other units' flows.
  bool Cache = false;
  /// The tool's .rehost.toml, whose declared sinks ([[sinks]],
  /// [[endpoint_fields]]) mask the passwords handed to them before the
  /// summaries' cache is written; null: none declared.
  const ToolConfig *Config = nullptr;
  /// The pre-filter's pass by names: given the facts of the units so far,
  /// the identifiers that name the project's own wrappers of a client API
  /// (issue 25's derived sinks, the types of derived fields). A skipped unit
  /// whose own file or a header it reads spells one is parsed after all (its
  /// facts take its skipped entry's place), and the facts asked again, until
  /// no new unit is picked. The flows of units not parsed, from the
  /// summaries' cache, come beside the units' facts. None: no such pass.
  std::function<llvm::StringSet<>(llvm::ArrayRef<TranslationUnitFacts>,
                                  llvm::ArrayRef<UnitFlows> Cached)>
      DerivedNames;
  /// How the log shows progress: --progress as asked, which the driver
  /// resolves (resolveProgress); a scan asked for Auto shows none.
  ProgressMode Progress = ProgressMode::Auto;
  /// The least time between two plain progress lines.
  std::chrono::milliseconds PlainProgressInterval =
      DefaultPlainProgressInterval;
  /// --shard K/N: only the units whose index in the run's file list is
  /// K-1 modulo N (ShardIndex = K-1); `rehost merge` joins the shards.
  unsigned ShardIndex = 0;
  unsigned ShardCount = 1;
  /// A FILE that is not a source file and that the database does not list
  /// (a header) is analysed through the first unit, in path order, that
  /// includes it, as pre-commit hands check the headers it stages.
  bool HeadersThroughUnits = false;
};

/// Reads --shard's "K/N" into \p Request; an error says why it is not one.
llvm::Error parseShard(llvm::StringRef Text, ScanRequest &Request);

/// What a scan found beside the units' facts.
struct ScanCoverage {
  /// Source files under the project root that no database entry covers,
  /// absolute and sorted; only for a whole-database run.
  std::vector<std::string> Uncovered;
  /// For a file-list run with --cache: the flows of the database's other
  /// units, from the summaries' cache where their key still holds
  /// (SummaryCache.h), for phase two to follow (resolveProject's Cached).
  std::vector<UnitFlows> CachedFlows;
  /// The project's derived sinks (resolveSinks), resolved once all units
  /// were analysed, with the sinks the request's .rehost.toml declares:
  /// what masked the units' passwords, and what phase two follows
  /// (resolveProject's Sinks).
  std::map<std::string, Sink> Sinks;
};

/// Parses every requested translation unit and collects its sites. Errors
/// that stop the whole run (no compilation database, a FILE that does not
/// exist, a bad --header-filter) are returned; a file that cannot be parsed
/// is recorded in its facts and the others go on. Warnings and the
/// compiler's own errors go to \p Log. With \p Coverage, a whole-database run
/// also lists the source files the database leaves out.
llvm::Expected<std::vector<TranslationUnitFacts>>
collectFacts(const ScanRequest &Request, llvm::raw_ostream &Log,
             ScanCoverage *Coverage = nullptr);

/// The source files (.c .cc .cpp .cxx .c++ .m .mm) under \p Root that are
/// not in \p Covered (absolute paths), skipping `.git`, build directories
/// (a directory other than \p Root holding compile_commands.json or
/// CMakeCache.txt) and whatever \p IsExcluded excludes. Sorted, absolute.
std::vector<std::string>
findUncoveredSources(llvm::StringRef Root, llvm::ArrayRef<std::string> Covered,
                     const std::function<bool(llvm::StringRef)> &IsExcluded);

} // namespace rehost

#endif // REHOST_SCANNER_H
