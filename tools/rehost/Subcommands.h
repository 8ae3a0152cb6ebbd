//===- Subcommands.h - rehost's subcommands, one file each ----------------===//
//
// Each adds its subcommand to the application with the options it takes,
// and returns the row of main's table that runs it (CommandLine.h).
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_TOOLS_SUBCOMMANDS_H
#define REHOST_TOOLS_SUBCOMMANDS_H

#include "CommandLine.h"

namespace cli {

/// `rehost scan` (ScanCommand.cpp): every hardcoded endpoint, reported.
Subcommand addScanCommand(CLI::App &App, CommandLine &Shared);

/// `rehost merge` (MergeCommand.cpp): the shards of a scan, as one run.
Subcommand addMergeCommand(CLI::App &App, CommandLine &Shared);

/// `rehost check` (CheckCommand.cpp): only the findings that are new.
Subcommand addCheckCommand(CLI::App &App, CommandLine &Shared);

/// `rehost baseline` (BaselineCommand.cpp): the findings check leaves out.
Subcommand addBaselineCommand(CLI::App &App, CommandLine &Shared);

/// `rehost fix` (FixCommand.cpp): the rewrite, all or nothing.
Subcommand addFixCommand(CLI::App &App, CommandLine &Shared);

/// `rehost env` (EnvCommand.cpp): the deployment side of a migration.
Subcommand addEnvCommand(CLI::App &App, CommandLine &Shared);

} // namespace cli

#endif // REHOST_TOOLS_SUBCOMMANDS_H
