//===- EnvCommand.cpp - `rehost env`: the deployment side of a migration --===//
//
// The command line of `rehost env`; the behaviour is in rehost/EnvWriter.h.
//
//===----------------------------------------------------------------------===//

#include "Subcommands.h"

#include "rehost/EnvWriter.h"
#include "rehost/FileIO.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/core.h>

#include <memory>
#include <optional>
#include <string>

namespace cli {
namespace {

/// 0: written; the other statuses are Driver.h's.
constexpr int Written = Clean;

struct EnvCommandOptions {
  std::string Format = "dotenv";
  std::string RuntimeConfig = "rehost.toml"; ///< As fix's --runtime-config.
  std::string Name = "rehost";               ///< The k8s objects' names.
  std::string Output;                        ///< Empty or "-": stdout.
  /// The [environments.NAME] overlay to follow; unset: the format's own
  /// (rehost::formatEnvironment).
  std::optional<std::string> Environment;
};

int fail(llvm::Error Err) {
  cli::print(stderr, "rehost: error: {}\n", llvm::toString(std::move(Err)));
  return InputError;
}

/// Writes \p Text to \p Path atomically; a path that exists and is not a
/// regular file (/dev/stdout, a pipe) is written in place.
llvm::Error writeOutput(const std::string &Path, llvm::StringRef Text) {
  namespace fs = llvm::sys::fs;
  fs::file_status Status;
  if (!fs::status(Path, Status) && !fs::is_regular_file(Status)) {
    std::error_code EC;
    llvm::raw_fd_ostream Out(Path, EC);
    if (!EC) {
      Out << Text;
      Out.close();
      EC = Out.error();
      Out.clear_error();
    }
    if (EC)
      return llvm::createStringError(EC, "cannot write '" + Path +
                                             "': " + EC.message());
    return llvm::Error::success();
  }
  if (llvm::Error Err = rehost::writeFileAtomically(Path, Text))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "cannot write '" + Path +
            "': " + llvm::errorToErrorCode(std::move(Err)).message());
  return llvm::Error::success();
}

/// Runs `rehost env`; the exit status (0 written, 2 usage or input error).
int runEnvCommand(const EnvCommandOptions &Options) {
  llvm::Expected<rehost::EnvFormat> Format =
      rehost::parseEnvFormat(Options.Format);
  if (!Format)
    return fail(Format.takeError());
  if (llvm::Error Err = rehost::checkKubernetesName(Options.Name))
    return fail(std::move(Err));
  std::string Environment = Options.Environment
                                ? *Options.Environment
                                : rehost::formatEnvironment(*Format).str();
  llvm::Expected<rehost::EnvInput> Input =
      rehost::readEnvProfiles(Options.RuntimeConfig, Environment);
  if (!Input)
    return fail(Input.takeError());
  // A format's own environment may have no overlay; one asked for by name
  // must exist, or a typo would silently give the base profiles.
  if (Options.Environment &&
      !llvm::is_contained(Input->Environments, *Options.Environment))
    return fail(llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "--environment " + *Options.Environment + ": " + Options.RuntimeConfig +
            " has no [environments." + *Options.Environment + "] table" +
            (Input->Environments.empty()
                 ? std::string(" (it has none)")
                 : " (it has: " + llvm::join(Input->Environments, ", ") +
                       ")")));
  for (const std::string &Warning : Input->Warnings)
    cli::print(stderr, "rehost: warning: {}\n", Warning);
  if (Input->Profiles.empty()) {
    cli::print(stderr,
               "rehost: error: {} defines no profile ([profiles.NAME]), so "
               "there is nothing to set; rehost fix adds one for each "
               "endpoint it moves out of the code\n",
               Options.RuntimeConfig);
    return InputError;
  }
  rehost::EnvOptions Render;
  Render.Format = *Format;
  Render.Name = Options.Name;
  Render.Source = Options.RuntimeConfig;
  Render.Environment = Environment;
  std::string Text = rehost::renderEnv(Input->Profiles, Render);
  if (Options.Output.empty() || Options.Output == "-") {
    llvm::outs() << Text;
    llvm::outs().flush();
    return Written;
  }
  if (llvm::Error Err = writeOutput(Options.Output, Text))
    return fail(std::move(Err));
  return Written;
}

} // namespace

Subcommand addEnvCommand(CLI::App &App, CommandLine &) {
  auto Options = std::make_unique<EnvCommandOptions>();
  CLI::App *Command = App.add_subcommand(
      "env", "Write the environment variables the runtime reads for the "
             "profiles of rehost.toml, for the deployment (no password is "
             "ever written)");
  Command
      ->add_option("--format", Options->Format,
                   "dotenv (a .env file), k8s (a ConfigMap and a Secret "
                   "stub) or compose (an environment: block)")
      ->capture_default_str();
  Command
      ->add_option("--runtime-config", Options->RuntimeConfig,
                   "The runtime's config file to read the profiles from")
      ->capture_default_str();
  Command
      ->add_option("--name", Options->Name,
                   "The name of the ConfigMap and the Secret (k8s) or of the "
                   "service (compose)")
      ->capture_default_str();
  Command->add_option(
      "--environment", Options->Environment,
      "Follow the [environments.NAME] overlay of the runtime's config file, "
      "as the runtime does where REHOST_ENV=NAME (default: kubernetes for "
      "k8s, container for compose, none for dotenv)");
  Command->add_option("-o,--output", Options->Output,
                      "Write to FILE (atomically) instead of standard output");
  Command->footer("Exit status: 0 written, 2 usage or input error.");
  return {Command,
          [Options = std::move(Options)] { return runEnvCommand(*Options); }};
}

} // namespace cli
