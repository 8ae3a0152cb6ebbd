//===- ToolConfig.h - The tool's own settings file, .rehost.toml ----------===//
//
// `.rehost.toml` (with a dot) configures the tool: profile names for
// endpoints, paths to leave alone, hosts that are already configuration,
// report defaults, and the wrappers and structs the analysis cannot see into
// (declared sinks and endpoint fields). The services never read it; their file
// is the runtime's `rehost.toml` (see RuntimeConfigWriter.h). Every message
// names the file's path so the two are never confused. The format is in
// docs/configuration.md.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_TOOLCONFIG_H
#define REHOST_TOOLCONFIG_H

#include "rehost/Catalog.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace rehost {

/// The file name searched for upwards from the working directory.
constexpr llvm::StringLiteral ToolConfigFileName = ".rehost.toml";

/// A wrapper the analysis cannot see into (a function of a prebuilt library
/// known by its header only), declared in [[sinks]]: the parameters that
/// reach a client call's argument of a role. The analysis (issue 25) seeds
/// its derived sinks with these.
struct DeclaredSink {
  std::string Function; ///< Qualified name, as Clang prints it.
  /// Role and 0-based parameter index (1-based in the file), in the order
  /// the file gives them; no index appears twice.
  std::vector<std::pair<ArgRole, unsigned>> Parameters;
  unsigned Line = 0; ///< Where it is declared, for messages.
};

/// A struct or class whose fields reach a client call's argument of a role,
/// declared in [[endpoint_fields]]: the analysis's derived endpoint fields
/// start from these.
struct DeclaredField {
  std::string Type; ///< Qualified name, or a C typedef name.
  /// Role and field name, in the order the file gives them; no field
  /// appears twice.
  std::vector<std::pair<ArgRole, std::string>> Fields;
  unsigned Line = 0; ///< Where it is declared, for messages.
};

struct ToolConfig {
  /// Absolute path of the file read; empty when none was found (defaults).
  std::string Path;
  /// Normalised endpoint address (as Endpoint::address() spells it) →
  /// profile name chosen by the user, instead of a derived one.
  std::map<std::string, std::string> ProfileNames;
  /// Profile names no new endpoint may take: the runtime's rehost.toml
  /// already has a table of that name (see readExistingProfiles).
  std::set<std::string> ReservedProfileNames;
  /// Glob patterns (llvm::GlobPattern; `*` also matches `/`) relative to the
  /// config file's directory.
  std::vector<std::string> Exclude;
  /// --exclude: more patterns of the same kind, relative to
  /// CommandLineExcludeDir (the working directory).
  std::vector<std::string> CommandLineExclude;
  std::string CommandLineExcludeDir;
  /// A suppression comment must give a reason ([check] require_reason,
  /// --require-reason); one without stays a finding.
  bool RequireReason = false;
  /// [check] baseline: the baseline file check reads by default, absolute;
  /// empty when unset.
  std::string Baseline;
  /// Host names whose endpoints are not findings, without brackets.
  std::vector<std::string> AllowHosts;
  /// Default --format for fix; empty when unset. Checked by the caller with
  /// parseFormat, which alone knows the formats.
  std::string ReportFormat;
  /// Default -o for fix, made absolute against the config file's directory;
  /// empty when unset.
  std::string ReportOutput;
  /// [[sinks]] and [[endpoint_fields]], in the order of the file; no
  /// function or type is declared twice.
  std::vector<DeclaredSink> Sinks;
  std::vector<DeclaredField> EndpointFields;

  /// Whether \p AbsPath, or a directory that contains it, matches an
  /// Exclude pattern (paths outside the config file's directory never do)
  /// or a CommandLineExclude pattern.
  bool isExcluded(llvm::StringRef AbsPath) const;
  /// Whether \p Host (brackets and letter case ignored) is in AllowHosts.
  bool isAllowedHost(llvm::StringRef Host) const;
};

/// Reads \p ExplicitPath (from --config; missing is an error) or, when it is
/// empty, the first `.rehost.toml` in \p StartDir or one of its parents. No
/// file found gives a default ToolConfig with an empty Path. Errors name the
/// file, the line and column, the key and the reason, and never contain a
/// password.
llvm::Expected<ToolConfig> loadToolConfig(llvm::StringRef ExplicitPath,
                                          llvm::StringRef StartDir);

/// Parses \p Contents as the `.rehost.toml` at \p Path (used for messages
/// and for the directory relative paths start from).
llvm::Expected<ToolConfig> parseToolConfig(llvm::StringRef Contents,
                                           llvm::StringRef Path);

} // namespace rehost

#endif // REHOST_TOOLCONFIG_H
