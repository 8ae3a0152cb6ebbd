//===- EnvCommand.h - `rehost env`: the deployment side of a migration ----===//
//
// The command line of `rehost env`; the behaviour is in rehost/EnvWriter.h.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_TOOLS_ENVCOMMAND_H
#define REHOST_TOOLS_ENVCOMMAND_H

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

struct EnvCommandOptions {
  std::string Format = "dotenv";
  std::string RuntimeConfig = "rehost.toml"; ///< As fix's --runtime-config.
  std::string Name = "rehost";               ///< The k8s objects' names.
  std::string Output;                        ///< Empty or "-": stdout.
  /// The [environments.NAME] overlay to follow; unset: the format's own
  /// (rehost::formatEnvironment).
  std::optional<std::string> Environment;
};

/// Adds the `env` subcommand to \p App, filling \p Options.
CLI::App *addEnvCommand(CLI::App &App, EnvCommandOptions &Options);

/// Runs `rehost env`; returns the exit status (0 written, 2 usage or input
/// error).
int runEnvCommand(const EnvCommandOptions &Options);

#endif // REHOST_TOOLS_ENVCOMMAND_H
