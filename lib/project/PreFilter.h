//===- PreFilter.h - Whether a unit need be parsed at all -----------------===//
//
// A unit can contain a site only if its include closure holds a client
// library's header (IncludeClosure.h); the pre-filter reads the closure of
// each of the unit's commands before the parse: from the files' facts when
// they prove it holds none (IncludeGraph.h), else from Clang's scanner.
//
// A unit that reads no client header may still call the project's own
// wrapper of one (a pimpl whose Impl holds the connection: issue 25's derived
// sinks). Once the parsed units name those wrappers, the pass by names
// (unitsNaming) picks out the skipped units whose files spell one of the
// names, to be parsed after all: lookups in each file's identifiers, read
// with its include facts.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_PROJECT_PREFILTER_H
#define REHOST_LIB_PROJECT_PREFILTER_H

#include "IncludeGraph.h"

#include "rehost/IncludeClosure.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rehost {

/// One command of a unit the pre-filter skipped, as the pass by names reads
/// its closure.
struct SkippedCommand {
  /// Adjusted as the parse adjusts it.
  std::vector<std::string> CommandLine;
  std::string Directory;
  std::string MainFile;
  /// The files the dependency scanner listed (absolute), when it decided;
  /// none when the files' facts proved the command.
  std::optional<std::vector<std::string>> ScannerFiles;
};

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
  /// When it cannot hold a site, each of its commands (unitsNaming).
  std::vector<SkippedCommand> Commands;
};

/// The pre-filter's verdict on \p File. It may hold a site when the
/// scanner cannot tell. With the scanner's file facts (IncludeGraph.h), a
/// command they prove cannot read a client header is not scanned.
PreFilterVerdict preFilter(const clang::tooling::CompilationDatabase &Database,
                           llvm::StringRef File,
                           const clang::tooling::ArgumentsAdjuster &Adjust,
                           IncludeScanner::Worker &Scanner);

/// For each of \p Skipped (units the pre-filter skipped), the first
/// identifier of \p Identifiers that its own file or a header of its include
/// closure spells as an identifier token (not in a comment or a literal;
/// under a false #if it counts), and in which file; none when no file does.
/// A header counts when \p Counts says so (a scan: when its sites are
/// reported; a system header spells `init` and `connect`, never a call of
/// the project's own). The files' identifiers come from \p Files, which
/// reads each file once per run (or takes it from its cache).
std::vector<std::optional<NamedIdentifier>>
unitsNaming(llvm::ArrayRef<const PreFilterVerdict *> Skipped,
            const llvm::StringSet<> &Identifiers,
            std::function<bool(llvm::StringRef)> Counts, IncludeGraph &Files);

} // namespace rehost

#endif // REHOST_LIB_PROJECT_PREFILTER_H
