//===- CommandLine.cpp - What the subcommands share on the command line ---===//

#include "CommandLine.h"

#include "rehost/Paths.h"
#include "rehost/ProjectLock.h"

#include "llvm/Support/FileSystem.h"

#include <fmt/core.h>

#include <optional>

namespace cli {

void addProjectOptions(CLI::App &Command, CommandLine &Shared) {
  rehost::ScanRequest &Request = Shared.Request;
  ReportOptions &Options = Shared.Options;
  Command.add_option("-p,--build-dir", Request.BuildDir,
                     "Directory holding compile_commands.json, or that file "
                     "(default: searched upward from the first file)");
  // One value per occurrence, so `--extra-arg -DX file.c` keeps file.c.
  Command
      .add_option("--extra-arg", Request.ExtraArgsAfter,
                  "Append ARG to every compile command (repeatable)")
      ->type_name("ARG")
      ->allow_extra_args(false);
  Command
      .add_option("--extra-arg-before", Request.ExtraArgsBefore,
                  "Put ARG first in every compile command, after the "
                  "compiler (repeatable)")
      ->type_name("ARG")
      ->allow_extra_args(false);
  Command
      .add_option("-j,--jobs", Request.Jobs,
                  "Parse N translation units at once (default, and 0: one per "
                  "hardware thread); the result does not depend on N")
      ->type_name("N")
      ->check(CLI::Range(0u, 4096u));
  Command
      .add_option_function<std::string>(
          "--shard",
          [&Request](const std::string &Text) {
            if (llvm::Error Err = rehost::parseShard(Text, Request))
              throw CLI::ValidationError(llvm::toString(std::move(Err)));
          },
          "Only the K-th of N deterministic slices of the units; `rehost "
          "merge` joins the slices' --facts-out files")
      ->type_name("K/N");
  Command.add_flag_callback(
      "--no-prefilter", [&Request] { Request.PreFilter = false; },
      "Parse every unit, also those whose includes hold no Redis client "
      "header (which cannot contain a site)");
  // Hidden: the benchmark and the tests compare the two ways to decide.
  Command
      .add_option_function<std::string>(
          "--prefilter",
          [&Request](const std::string &How) {
            Request.PreFilterFromFileFacts = How != "exact";
            Request.ExplainPreFilter = How == "explain";
          },
          "How the pre-filter decides: fast (each file's facts, read once), "
          "exact (Clang's dependency scanner for every unit), explain (fast, "
          "and say how each unit was decided)")
      ->type_name("HOW")
      ->check(CLI::IsMember({"fast", "exact", "explain"}))
      ->group("");
  Command.add_flag(
      "--cache", Request.Cache,
      "Keep what the pre-filter read of each file, and what each parsed "
      "unit holds, in .rehost-cache/ at the project root: a run does not "
      "read unchanged files again nor parse a unit none of whose files "
      "changed, and a run on some files follows values into the units it "
      "does not parse");
  Command.add_flag("--quiet", Request.Quiet,
                   "No summary line and no warnings about fallback flags; "
                   "findings and errors are still printed");
  Command
      .add_option_function<std::string>(
          "--progress",
          [&Request](const std::string &Name) {
            Request.Progress = llvm::cantFail(rehost::parseProgressMode(Name));
          },
          "Progress on standard error: bar (a line redrawn in place), plain "
          "([N/M] file lines every few seconds, for CI logs), none, or auto "
          "(default: plain when CI is set, the bar on a terminal, else none; "
          "none with --quiet)")
      ->type_name("MODE")
      ->check(
          [](const std::string &Name) {
            // The library decides which modes exist; the CLI only asks.
            auto Parsed = rehost::parseProgressMode(Name);
            return Parsed ? std::string() : llvm::toString(Parsed.takeError());
          },
          "");
  // Hidden: tests set it to 0 to see every plain line.
  Command
      .add_option_function<unsigned>(
          "--progress-interval",
          [&Request](unsigned Seconds) {
            Request.PlainProgressInterval = std::chrono::seconds(Seconds);
          },
          "Least seconds between two plain progress lines")
      ->group("");
  Command
      .add_option("--exclude", Options.Exclude,
                  "Parse no file matching GLOB (relative to the working "
                  "directory, like .rehost.toml's exclude; repeatable)")
      ->type_name("GLOB")
      ->allow_extra_args(false)
      ->check(
          [](const std::string &Pattern) {
            llvm::Error Err = rehost::checkPathGlob(Pattern);
            return Err ? llvm::toString(std::move(Err)) : std::string();
          },
          "");
  Command
      .add_option("--header-filter", Request.HeaderFilter,
                  "Report sites in headers whose path matches REGEX "
                  "(default: headers under the working directory)")
      ->type_name("REGEX");
  Command.add_flag("--list-uncovered", Options.ListUncovered,
                   "List the source files under the working directory that "
                   "no compile command covers");
  Command.add_flag_callback(
      "--no-gcc-compat", [&Request] { Request.GccCompat = false; },
      "Keep GCC-only flags and Clang's errors for what GCC only warns about "
      "(see " +
          rehost::docsUrl("usage.md#gcc-projects") + ")");
  Command.add_option("--config", Options.ConfigPath,
                     "The tool's settings file (default: .rehost.toml found "
                     "upward from the working directory)");
  Command.add_flag("--require-reason", Options.RequireReason,
                   "A suppression comment without a reason does not "
                   "suppress (also .rehost.toml's [check] require_reason)");
  Command.add_option("files", Request.Files,
                     "Files to analyse; a directory means the database's "
                     "entries under it (default: every entry of the "
                     "compilation database)");
}

void addReportOptions(CLI::App &Command, ReportOptions &Options) {
  Command
      .add_option("--format", Options.Format,
                  "Report format: text, json, sarif, markdown, html or "
                  "github")
      ->check(
          [](const std::string &Name) {
            // The library decides which formats exist; the CLI only asks.
            auto Parsed = rehost::parseFormat(Name);
            return Parsed ? std::string() : llvm::toString(Parsed.takeError());
          },
          "FORMAT")
      ->capture_default_str();
  Command.add_option("-o,--output", Options.Output,
                     "Write the report to FILE instead of standard output");
}

int withProjectConfig(const CommandLine &Shared, const ProjectAccess &Access,
                      llvm::function_ref<int(const rehost::ToolConfig &)> Run) {
  auto Config = loadConfig(Shared.Options);
  std::optional<rehost::ProjectLock> Lock;
  if (Config && !Access.Lock.empty()) {
    auto Taken = rehost::ProjectLock::acquire(
        projectRootOf(Access.RootWithoutDatabase ? rehost::ScanRequest()
                                                 : Shared.Request,
                      *Config)
            .Path,
        Access.Lock);
    if (!Taken) {
      cli::print(stderr, "rehost: error: {}\n",
                 llvm::toString(Taken.takeError()));
      return InputError;
    }
    Lock.emplace(std::move(*Taken));
  }
  if (Config)
    Config = withExistingProfiles(std::move(*Config), Access.RuntimeConfig);
  if (!Config) {
    cli::print(stderr, "rehost: error: {}\n",
               llvm::toString(Config.takeError()));
    return InputError;
  }
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  Config->CommandLineExclude = Shared.Options.Exclude;
  Config->CommandLineExcludeDir = std::string(Cwd);
  Config->RequireReason |= Shared.Options.RequireReason;
  return Run(*Config);
}

} // namespace cli
