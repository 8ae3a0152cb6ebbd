//===- main.cpp - The rehost command line ---------------------------------===//
//
// Flags in, library calls, exit code out (see Driver.h). `scan` and `merge`
// are here; the other commands have a file each.
//
//===----------------------------------------------------------------------===//

#include "CheckCommand.h"
#include "Driver.h"
#include "EnvCommand.h"
#include "FixCommand.h"
#include "OptionSpelling.h"

#include "rehost/Facts.h"
#include "rehost/FileIO.h"
#include "rehost/ProjectLock.h"
#include "rehost/Verifier.h"
#include "rehost/Version.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <optional>
#include <string>
#include <vector>

using namespace cli;

namespace {

/// The report of a scan (or of merged shards), its summary line and the
/// exit status.
int reportScan(const Analysis &Analysed, const ReportOptions &Options,
               bool Quiet) {
  const rehost::Report &Report = Analysed.Resolved.Findings;
  if (!writeReportTo(Report, Options))
    return InputError;

  rehost::Summary S = Report.computeSummary();
  std::string Uncovered = reportUncovered(Analysed, Options);
  if (!Quiet)
    fmt::print(
        stderr,
        "rehost: {} finding{} ({} hardcoded, {} partially hardcoded, {} "
        "credential{}) in {} file{}; {} translation unit{} scanned{}{}{}\n",
        S.Findings, plural(S.Findings), S.HardcodedEndpoints,
        S.PartiallyHardcoded, S.HardcodedCredentials,
        plural(S.HardcodedCredentials), S.FilesWithFindings,
        plural(S.FilesWithFindings), S.FilesScanned, plural(S.FilesScanned),
        S.FilesWithErrors ? fmt::format(", {} with errors", S.FilesWithErrors)
                          : "",
        skippedClause(S), Uncovered);
  if (S.FilesWithErrors)
    return InputError;
  return S.Findings ? Findings : Clean;
}

/// --facts-out: phase one's result, for `rehost merge`.
bool writeFacts(const Analysis &Analysed, llvm::StringRef Path) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << llvm::formatv(
      "{0:1}",
      rehost::factsToJson({Analysed.Units, Analysed.Coverage.Uncovered},
                          Analysed.Resolved.Findings.Root));
  OS << "\n";
  OS.flush();
  if (llvm::Error Err = rehost::writeFileAtomically(Path, Text)) {
    fmt::print(stderr, "rehost: error: --facts-out {}: {}\n", Path.str(),
               llvm::toString(std::move(Err)));
    return false;
  }
  return true;
}

llvm::StringRef kindName(rehost::ShardKind Kind) {
  switch (Kind) {
  case rehost::ShardKind::Facts:
    return "facts";
  case rehost::ShardKind::JsonReport:
    return "a JSON report";
  case rehost::ShardKind::SarifReport:
    return "a SARIF report";
  case rehost::ShardKind::Unknown:
    break;
  }
  return "not rehost facts, nor a rehost JSON or SARIF report";
}

/// Merged SARIF: written as it is, with a summary line of its own.
int reportSarifMerge(llvm::ArrayRef<rehost::ShardInput> Shards,
                     const ReportOptions &Options, bool Quiet,
                     const rehost::ToolConfig &Config) {
  if (Options.Format != "sarif") {
    fmt::print(stderr, "rehost: error: SARIF reports merge into SARIF only "
                       "(--format sarif); the shards' JSON reports or facts "
                       "merge into any format\n");
    return InputError;
  }
  std::string Root = projectRootOf(rehost::ScanRequest(), Config).Path;
  rehost::SarifSummary S;
  auto Merged = rehost::mergeSarifReports(Shards, Root, S);
  if (!Merged) {
    fmt::print(stderr, "rehost: error: {}\n",
               llvm::toString(Merged.takeError()));
    return InputError;
  }
  std::string Text;
  llvm::raw_string_ostream(Text)
      << llvm::formatv("{0:2}", llvm::json::Value(std::move(*Merged))) << '\n';
  if (llvm::Error Err = emitText(Text, Options)) {
    fmt::print(stderr, "rehost: error: {}\n", llvm::toString(std::move(Err)));
    return InputError;
  }
  if (!Quiet)
    fmt::print(stderr, "rehost: {} finding{} in {} file{} ({} suppressed){}\n",
               S.Findings, plural(S.Findings), S.Files, plural(S.Files),
               S.Suppressed,
               S.Errors ? fmt::format(", {} with errors", S.Errors) : "");
  if (S.Errors)
    return InputError;
  return S.Findings ? Findings : Clean;
}

/// `rehost merge`: the shards' facts (resolved as one run), or their JSON
/// or SARIF reports (combined as one run would have reported).
int runMerge(llvm::ArrayRef<std::string> Inputs, const ReportOptions &Options,
             bool Quiet, const rehost::ToolConfig &Config) {
  auto Fail = [](const std::string &Message) {
    fmt::print(stderr, "rehost: error: {}\n", Message);
    return InputError;
  };
  auto Shards = readShards(Inputs);
  if (!Shards)
    return Fail(llvm::toString(Shards.takeError()));
  rehost::ShardKind Kind = rehost::shardKindOf(Shards->front().Document);
  for (const rehost::ShardInput &Shard : *Shards) {
    rehost::ShardKind Own = rehost::shardKindOf(Shard.Document);
    if (Own == rehost::ShardKind::Unknown)
      return Fail(Shard.Path + ": " + kindName(Own).str());
    if (Own != Kind)
      return Fail(Shard.Path + " is " + kindName(Own).str() + ", but " +
                  Shards->front().Path + " is " + kindName(Kind).str() +
                  ": merge the shards' outputs of one kind");
  }
  if (Kind == rehost::ShardKind::SarifReport)
    return reportSarifMerge(*Shards, Options, Quiet, Config);
  if (Kind == rehost::ShardKind::JsonReport) {
    std::string Root = projectRootOf(rehost::ScanRequest(), Config).Path;
    auto Report = rehost::mergeJsonReports(*Shards, Root);
    if (!Report)
      return Fail(llvm::toString(Report.takeError()));
    Analysis Merged;
    Merged.Resolved.Findings = std::move(*Report);
    return reportScan(Merged, Options, Quiet);
  }
  auto Merged = mergeFacts(*Shards, Config);
  if (!Merged)
    return Fail(llvm::toString(Merged.takeError()));
  return reportScan(*Merged, Options, Quiet);
}

int runScan(const rehost::ScanRequest &Request, const ReportOptions &Options,
            const rehost::ToolConfig &Config, llvm::StringRef FactsOut) {
  auto Analysed = analyse(Request, Config);
  if (!Analysed) {
    fmt::print(stderr, "rehost: error: {}\n",
               llvm::toString(Analysed.takeError()));
    return InputError;
  }
  if (!FactsOut.empty() && !writeFacts(*Analysed, FactsOut))
    return InputError;
  return reportScan(*Analysed, Options, Request.Quiet);
}

/// The options every command that analyses the project shares.
void addProjectOptions(CLI::App &Command, rehost::ScanRequest &Request,
                       ReportOptions &Options) {
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

/// The options of the commands that write a report.
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

} // namespace

int main(int argc, char **argv) {
  // Everything after `--` goes to the compiler, as with clang-tidy.
  rehost::ScanRequest Request;
  int OwnArgs = argc;
  for (int I = 1; I < argc; ++I) {
    if (std::string(argv[I]) == "--") {
      OwnArgs = I;
      Request.HasExtraArgs = true;
      Request.ExtraArgs.assign(argv + I + 1, argv + argc);
      break;
    }
  }

  CLI::App App{"rehost: moves hardcoded Redis connections onto configuration",
               "rehost"};
  App.set_version_flag("--version", rehost::Version);
  App.require_subcommand(1);
  App.footer("Compiler flags after '--' are appended to every command and "
             "used alone for files the database does not list.");

  ReportOptions Options;
  FixOptions Fix;
  CLI::App *Scan = App.add_subcommand(
      "scan", "Report every hardcoded Redis endpoint; change nothing");
  addProjectOptions(*Scan, Request, Options);
  addReportOptions(*Scan, Options);
  std::string FactsOut;
  Scan->add_option("--facts-out", FactsOut,
                   "Also write what the scan learnt, for `rehost merge`");
  Scan->footer("Exit status: 0 no findings, 1 findings, 2 usage or input "
               "error.");

  std::vector<std::string> MergeInputs;
  CLI::App *Merge = App.add_subcommand(
      "merge", "Report the shards of a scan as one run: their --facts-out "
               "files, or their JSON or SARIF reports");
  Merge
      ->add_option("shards", MergeInputs,
                   "The shards' facts files, or their JSON or SARIF reports")
      ->required()
      ->check(CLI::ExistingFile);
  addReportOptions(*Merge, Options);
  Merge->add_option("--config", Options.ConfigPath,
                    "The tool's settings file (default: .rehost.toml found "
                    "upward from the working directory)");
  Merge->add_flag("--quiet", Request.Quiet, "No summary line");
  Merge->add_flag("--list-uncovered", Options.ListUncovered,
                  "List the source files no compile command covers");
  Merge->footer("Exit status: as the single scan's: 0 no findings, 1 "
                "findings, 2 usage or input error.");

  CheckOptions Check;
  CLI::App *CheckCommand = App.add_subcommand(
      "check", "Report only the findings that are new: not in the baseline, "
               "and with --changed-since on changed lines");
  addProjectOptions(*CheckCommand, Request, Options);
  addReportOptions(*CheckCommand, Options);
  CheckCommand->add_option("--baseline", Check.Baseline,
                           "The baseline `rehost baseline` wrote (default: "
                           ".rehost.toml's [check] baseline, else "
                           ".rehost-baseline.json here if it exists)");
  CheckCommand
      ->add_option("--changed-since", Check.ChangedSince,
                   "Only findings on lines changed since the git revision "
                   "REF (and in files git does not track yet); without "
                   "FILES, the changed files are checked")
      ->type_name("REF");
  CheckCommand->footer("Exit status: 0 no new finding, 1 new findings, 2 "
                       "usage or input error.");

  bool UpdateBaseline = false;
  CLI::App *BaselineCommand = App.add_subcommand(
      "baseline", "Record every current finding, so `rehost check` reports "
                  "only new ones");
  addProjectOptions(*BaselineCommand, Request, Options);
  BaselineCommand->add_option("-o,--output", Options.Output,
                              "The baseline file (default: .rehost.toml's "
                              "[check] baseline, else .rehost-baseline.json)");
  BaselineCommand->add_flag("--update", UpdateBaseline,
                            "Keep the entries still found and drop the "
                            "others; add no new finding");
  BaselineCommand->footer("Exit status: 0 written, 2 usage or input error.");

  CLI::App *FixCommand = App.add_subcommand(
      "fix", "Rewrite hardcoded Redis endpoints onto the rehost runtime");
  addProjectOptions(*FixCommand, Request, Options);
  addReportOptions(*FixCommand, Options);
  FixCommand->add_flag("--dry-run", Fix.DryRun,
                       "Print a unified diff of the changes; write nothing");
  FixCommand->add_flag("--strict", Fix.Strict,
                       "Leave only profile names in code; the endpoints move "
                       "to the runtime's config file");
  FixCommand
      ->add_flag("--pool", Fix.Pool,
                 "Turn a connect whose context one function uses and frees "
                 "into a borrow from the profile's connection pool")
      ->excludes(FixCommand->get_option("--strict"));
  FixCommand->add_flag("--verify", Fix.Verify,
                       "Parse every rewritten translation unit again with the "
                       "project's flags and the installed runtime's headers, "
                       "and restore the original of any file that broke one");
  FixCommand->add_option(
      "--runtime-include", Fix.RuntimeInclude,
      "The runtime's installed headers for --verify (default: the include "
      "directory beside this rehost's bin directory)");
  FixCommand->add_flag("--allow-outside-root", Fix.AllowOutsideRoot,
                       "Also rewrite files outside the project root (by "
                       "default they are reported, untouched)");
  FixCommand->add_option("--export-fixes", Fix.ExportFixes,
                         "Write the edits as clang-tidy's replacements YAML "
                         "for clang-apply-replacements; change no source");
  FixCommand
      ->add_option("--runtime-config", Fix.RuntimeConfig,
                   "The runtime's config file to list the profiles in")
      ->capture_default_str();
  FixCommand
      ->add_option("--from-facts", Fix.FromFacts,
                   "Fix from the shards' `scan --facts-out` files instead of "
                   "scanning: one edit plan, as one run's")
      ->type_name("FACTS")
      ->check(CLI::ExistingFile)
      ->excludes(FixCommand->get_option("--verify"));
  FixCommand->footer("Exit status: 0 everything fixed (or nothing to fix), 1 "
                     "findings left for a human, 2 usage or input error.");

  EnvCommandOptions Env;
  CLI::App *EnvSubcommand = addEnvCommand(App, Env);

  // Errors read as the tool's others do.
  App.failure_message([](const CLI::App *, const CLI::Error &E) {
    return "rehost: error: " + std::string(E.what()) +
           "\nRun with --help for more information.\n";
  });
  auto Normalised = cli::normaliseArgv(
      App, std::vector<std::string>(argv + 1, argv + OwnArgs));
  if (!Normalised) {
    fmt::print(stderr, "rehost: error: {}\n",
               llvm::toString(Normalised.takeError()));
    return InputError;
  }
  std::vector<const char *> Words = {argv[0]};
  for (const std::string &Word : *Normalised)
    Words.push_back(Word.c_str());
  try {
    App.parse(static_cast<int>(Words.size()), Words.data());
  } catch (const CLI::ParseError &E) {
    // Help and --version exit 0; every other parse error is a usage error.
    return App.exit(E) == 0 ? Clean : InputError;
  }
  if (EnvSubcommand->parsed())
    return runEnvCommand(Env);
  auto Config = loadConfig(Options);
  // Taken before the runtime's rehost.toml is read, held until the last
  // write (ProjectLock.h).
  std::optional<rehost::ProjectLock> Lock;
  if (Config && (BaselineCommand->parsed() ||
                 (FixCommand->parsed() && Fix.writesSources()))) {
    bool Facts = FixCommand->parsed() && !Fix.FromFacts.empty();
    auto Taken = rehost::ProjectLock::acquire(
        projectRootOf(Facts ? rehost::ScanRequest() : Request, *Config).Path,
        BaselineCommand->parsed() ? "baseline" : "fix");
    if (!Taken) {
      fmt::print(stderr, "rehost: error: {}\n",
                 llvm::toString(Taken.takeError()));
      return InputError;
    }
    Lock.emplace(std::move(*Taken));
  }
  if (Config)
    Config = withExistingProfiles(std::move(*Config), Fix.RuntimeConfig);
  if (!Config) {
    fmt::print(stderr, "rehost: error: {}\n",
               llvm::toString(Config.takeError()));
    return InputError;
  }
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  Config->CommandLineExclude = Options.Exclude;
  Config->CommandLineExcludeDir = std::string(Cwd);
  Config->RequireReason |= Options.RequireReason;
  if (Merge->parsed())
    return runMerge(MergeInputs, Options, Request.Quiet, *Config);
  if (CheckCommand->parsed())
    return runCheck(Request, Options, Check, *Config);
  if (BaselineCommand->parsed())
    return runBaseline(Request, Options, UpdateBaseline, *Config);
  if (!FixCommand->parsed())
    return runScan(Request, Options, *Config, FactsOut);
  if (Fix.RuntimeInclude.empty()) {
    static int AnyAddressInThisBinary;
    Fix.RuntimeInclude = rehost::installedRuntimeIncludeDir(
        llvm::sys::fs::getMainExecutable(argv[0], &AnyAddressInThisBinary));
  }
  // Unless told otherwise, fix writes its per-file report to a file (a dry
  // run's output is the diff).
  if (FixCommand->get_option("--format")->count() == 0) {
    Options.Format =
        Config->ReportFormat.empty() ? "markdown" : Config->ReportFormat;
    if (FixCommand->get_option("--output")->count() == 0 && !Fix.DryRun &&
        Fix.ExportFixes.empty()) {
      Options.Output = Config->ReportOutput.empty() ? "rehost-report.md"
                                                    : Config->ReportOutput;
      Options.MigrationRecord = true;
    }
  }
  return runFix(Request, Options, Fix, *Config);
}
