//===- CommandLine.h - What the subcommands share on the command line -----===//
//
// main.cpp is a table of subcommands (Subcommands.h); each has a file of its
// own with its options and its run function. They share one set of values
// for the option groups that several of them take (one subcommand runs), the
// groups themselves, and the setting-up every command that reads the project
// does before it runs: .rehost.toml, the project's lock, the runtime's
// existing profile names.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_TOOLS_COMMANDLINE_H
#define REHOST_TOOLS_COMMANDLINE_H

#include "Driver.h"

#include "llvm/ADT/FunctionExtras.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <CLI/CLI.hpp>

#include <string>

namespace cli {

/// What the shared option groups fill in, and how rehost was started.
struct CommandLine {
  /// The project options, and the compiler flags after `--`.
  rehost::ScanRequest Request;
  ReportOptions Options;
  /// argv[0]: the installed runtime is found beside the binary it names.
  std::string Argv0;
};

/// One row of main's table: a subcommand's CLI11 node, and its run function
/// (the exit status), for when the command line names it.
struct Subcommand {
  CLI::App *Node;
  llvm::unique_function<int()> Run;
};

/// The options of every command that analyses the project.
void addProjectOptions(CLI::App &Command, CommandLine &Shared);

/// The options of the commands that write a report.
void addReportOptions(CLI::App &Command, ReportOptions &Options);

/// What a command needs of the project before it runs.
struct ProjectAccess {
  /// The command that writes into the project ("fix", "baseline"), under its
  /// lock; empty: the command writes nothing there.
  llvm::StringRef Lock;
  /// The lock is on the project root of a run without a compilation
  /// database (fix --from-facts), not the scan's.
  bool RootWithoutDatabase = false;
  /// The runtime's config file whose profile names the run keeps.
  std::string RuntimeConfig = "rehost.toml";
};

/// Loads the tool's .rehost.toml, takes the project's lock when \p Access
/// asks for it (before the runtime's rehost.toml is read, held until \p Run
/// returns: ProjectLock.h), adds the runtime's existing profile names and
/// the command line's --exclude and --require-reason, and runs \p Run with
/// the result; the exit status.
int withProjectConfig(const CommandLine &Shared, const ProjectAccess &Access,
                      llvm::function_ref<int(const rehost::ToolConfig &)> Run);

} // namespace cli

#endif // REHOST_TOOLS_COMMANDLINE_H
