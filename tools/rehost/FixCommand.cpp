//===- FixCommand.cpp - `rehost fix`: the rewrite, all or nothing ---------===//
//
// The command line of the fix: the analysis, then the transaction
// (FixTransaction.h), and what each of its stages leaves, printed.
//
//===----------------------------------------------------------------------===//

#include "Subcommands.h"

#include "rehost/EditApplier.h"
#include "rehost/FixTransaction.h"
#include "rehost/HiredisGeneration.h"
#include "rehost/Verifier.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/core.h>
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

namespace cli {
namespace {

struct FixOptions {
  bool DryRun = false;
  bool Verify = false;
  bool Strict = false; ///< Only profile names stay in code.
  bool Pool = false;   ///< Connect-per-request code borrows from a pool.
  /// Also rewrite files outside the project root (a database listing
  /// another checkout's paths would otherwise be refused).
  bool AllowOutsideRoot = false;
  std::string
      ExportFixes; ///< clang-apply-replacements YAML; sources untouched.
  std::string RuntimeConfig = "rehost.toml";
  /// --from-facts: the shards' facts instead of a scan; one edit plan.
  std::vector<std::string> FromFacts;
  /// The runtime headers --verify parses against (--runtime-include; by
  /// default the installed ones beside this binary).
  std::string RuntimeInclude;

  /// Whether source files are rewritten (not for a diff or an export).
  bool writesSources() const { return !DryRun && ExportFixes.empty(); }

  /// What the transaction is asked to write.
  rehost::FixSettings settings() const {
    rehost::FixSettings Settings;
    Settings.WritesSources = writesSources();
    Settings.Verify = Verify;
    Settings.RuntimeInclude = RuntimeInclude;
    Settings.Strict = Strict;
    Settings.AllowOutsideRoot = AllowOutsideRoot;
    Settings.RuntimeConfig = RuntimeConfig;
    return Settings;
  }
};

/// Writes the edits for clang-apply-replacements.
bool exportFixes(llvm::ArrayRef<rehost::FileOutcome> Outcomes,
                 const std::string &Path) {
  std::error_code EC;
  llvm::raw_fd_ostream Out(Path, EC);
  if (EC) {
    cli::print(stderr, "rehost: error: cannot write the fixes to '{}': {}\n",
               Path, EC.message());
    return false;
  }
  rehost::writeExportedFixes(Outcomes, Out);
  return true;
}

/// A fix that changed no file leaves the report of the one that did (the
/// migration's record, committed with it) instead of replacing it with
/// "no findings".
bool keepsMigrationRecord(const ReportOptions &Options, unsigned Changed) {
  return Options.MigrationRecord && Changed == 0 &&
         llvm::sys::fs::exists(Options.Output);
}

/// Prints why the transaction changed nothing after all (FixAbandoned);
/// the exit status.
int abandoned(llvm::Error Err) {
  llvm::handleAllErrors(std::move(Err), [](const rehost::FixAbandoned &Why) {
    cli::print(stderr, "rehost: error: {}\n", Why.Reason);
    if (!Why.UndoFailure.empty())
      cli::print(stderr, "rehost: error: undoing the rewrite failed: {}\n",
                 Why.UndoFailure);
    else
      cli::print(stderr, "rehost: no file was changed\n");
  });
  return InputError;
}

/// The project analysed, or the shards' facts (--from-facts) resolved, with
/// the edits --strict or --pool asks for.
llvm::Expected<Analysis> analyseForFix(const rehost::ScanRequest &Request,
                                       const FixOptions &Fix,
                                       const rehost::ToolConfig &Config) {
  if (Fix.FromFacts.empty())
    return analyse(Request, Config, Fix.Strict, Fix.Pool);
  auto Shards = readShards(Fix.FromFacts);
  if (!Shards)
    return Shards.takeError();
  return mergeFacts(*Shards, Config, Fix.Strict, Fix.Pool);
}

/// Says of each file outside the project root why it was not rewritten.
void warnOutsideRoot(llvm::ArrayRef<std::string> Outside,
                     const rehost::ScanRequest &Request, const FixOptions &Fix,
                     const rehost::ToolConfig &Config, llvm::StringRef Root) {
  if (Outside.empty())
    return;
  std::string Why =
      projectRootOf(Fix.FromFacts.empty() ? Request : rehost::ScanRequest(),
                    Config)
          .reason();
  for (const std::string &File : Outside)
    cli::print(stderr,
               "rehost: warning: {}: outside the project root {} ({}); not "
               "rewritten, its findings are reported manual "
               "(--allow-outside-root rewrites it)\n",
               File, Root.str(), Why);
}

/// How many files were rewritten (or, in a dry run, would be), and how many
/// refused with an error the user has not seen yet.
struct FileCounts {
  unsigned Changed = 0;
  unsigned Refused = 0;
};

/// Prints the diffs of a dry run and the errors of the files refused.
FileCounts showOutcomes(llvm::ArrayRef<rehost::FileOutcome> Outcomes,
                        bool DryRun) {
  FileCounts Counts;
  for (const rehost::FileOutcome &Outcome : Outcomes) {
    if (DryRun)
      llvm::outs() << Outcome.Diff;
    if (Outcome.Error.empty()) {
      ++Counts.Changed;
    } else if (!Outcome.Diagnostic.empty()) {
      ++Counts.Refused;
      cli::print(stderr, "{}\n", Outcome.Diagnostic);
    }
  }
  llvm::outs().flush();
  return Counts;
}

/// What the deployment must now provide: the profiles added to the runtime's
/// config file, and the credentials that left the code.
void noteDeployment(const rehost::FixTransaction &Transaction,
                    const FixOptions &Fix, bool Quiet) {
  llvm::ArrayRef<std::string> Added = Transaction.addedProfiles();
  if (!Added.empty())
    cli::print(stderr,
               "rehost: added profile{} {} to the runtime's {}; `rehost env` "
               "writes what the deployment must set for {}\n",
               plural(Added.size()), fmt::join(Added, ", "), Fix.RuntimeConfig,
               Added.size() == 1 ? "it" : "them");
  if (!Fix.writesSources() || Quiet)
    return;
  for (const rehost::ProfileInfo &Profile : Transaction.fixedProfiles())
    if (!Profile.MustSet.empty())
      cli::print(stderr,
                 "rehost: profile '{}' no longer has its credentials in the "
                 "code: set {} (or put them in {}) where the service runs\n",
                 Profile.Name, fmt::join(Profile.MustSet, " and "),
                 rehost::profileVariable(Profile.Name, "URL"));
}

/// The summary line (unless --quiet) and the exit status.
int summarise(const Analysis &Analysed, const ReportOptions &Options,
              const FixOptions &Fix, FileCounts Counts, bool Quiet) {
  bool Writes = Fix.writesSources();
  rehost::Summary S = Analysed.Resolved.Findings.computeSummary();
  std::string Uncovered = reportUncovered(Analysed, Options);
  unsigned Changed = Counts.Changed, Refused = Counts.Refused;
  if (!Quiet)
    cli::print(
        stderr,
        "rehost: {} {} of {} finding{} in {} file{} ({} file{} {}); {} "
        "manual; {} translation unit{} scanned{}{}{}\n",
        Writes ? "fixed" : "would fix", Writes ? S.Fixed : S.Fixable,
        S.Findings, plural(S.Findings), S.FilesWithFindings,
        plural(S.FilesWithFindings), Changed, plural(Changed),
        Writes ? "changed" : "to change", S.Manual, S.FilesScanned,
        plural(S.FilesScanned),
        S.FilesWithErrors || Refused
            ? fmt::format(", {} with errors", S.FilesWithErrors + Refused)
            : "",
        skippedClause(S), Uncovered);
  if (S.FilesWithErrors || Refused)
    return InputError;
  return S.Manual || (!Writes && S.Fixable) ? Findings : Clean;
}

/// Plans every edit, checks what can fail, writes the sources, the runtime's
/// rehost.toml and the report, or changes nothing; the exit status.
int runFix(const rehost::ScanRequest &Request, const ReportOptions &Options,
           const FixOptions &Fix, const rehost::ToolConfig &Config) {
  auto Analysed = analyseForFix(Request, Fix, Config);
  if (!Analysed) {
    cli::print(stderr, "rehost: error: {}\n",
               llvm::toString(Analysed.takeError()));
    return InputError;
  }
  rehost::FixTransaction Transaction(Fix.settings(), Analysed->Request,
                                     Analysed->Units, Analysed->Resolved,
                                     llvm::errs());
  llvm::Error Planned = Transaction.plan();
  warnOutsideRoot(Transaction.outsideRoot(), Request, Fix, Config,
                  Analysed->Resolved.Findings.Root);
  for (const std::string &Warning : rehost::hiredisGenerationWarnings(
           Analysed->Units, rehost::runtimeHiredisVersion()))
    cli::print(stderr, "rehost: warning: {}\n", Warning);
  if (Planned) {
    cli::print(stderr, "rehost: error: {}\n",
               llvm::toString(std::move(Planned)));
    return InputError;
  }
  if (!Fix.ExportFixes.empty() &&
      !exportFixes(Transaction.outcomes(), Fix.ExportFixes))
    return InputError;
  if (llvm::Error Err = Transaction.writeSources(
          [&Options] { return checkReportOutput(Options); }))
    return abandoned(std::move(Err));
  FileCounts Counts = showOutcomes(Transaction.outcomes(), Fix.DryRun);
  if (llvm::Error Err =
          Transaction.record([&](const rehost::Report &Fixed) -> llvm::Error {
            if (keepsMigrationRecord(Options, Counts.Changed)) {
              cli::print(stderr,
                         "rehost: no file changed; {} still holds the report "
                         "of the fix that did\n",
                         Options.Output);
              return llvm::Error::success();
            }
            // A dry run's output is the diff; its report is written only on
            // request.
            if (Fix.DryRun && Options.Output.empty())
              return llvm::Error::success();
            return emitReport(Fixed, Options);
          }))
    return abandoned(std::move(Err));
  // --quiet as given: --from-facts has no scan request of its own.
  noteDeployment(Transaction, Fix, Request.Quiet);
  return summarise(*Analysed, Options, Fix, Counts, Request.Quiet);
}

/// `fix` under the project's lock when it writes, with its defaults: the
/// installed runtime's headers, and the report written to a file.
int runFixCommand(CLI::App &Command, CommandLine &Shared, FixOptions &Fix) {
  ProjectAccess Access;
  if (Fix.writesSources())
    Access.Lock = "fix";
  Access.RootWithoutDatabase = !Fix.FromFacts.empty();
  Access.RuntimeConfig = Fix.RuntimeConfig;
  return withProjectConfig(
      Shared, Access, [&](const rehost::ToolConfig &Config) {
        ReportOptions &Options = Shared.Options;
        if (Fix.RuntimeInclude.empty()) {
          static int AnyAddressInThisBinary;
          Fix.RuntimeInclude = rehost::installedRuntimeIncludeDir(
              llvm::sys::fs::getMainExecutable(Shared.Argv0.c_str(),
                                               &AnyAddressInThisBinary));
        }
        // Unless told otherwise, fix writes its per-file report to a file (a
        // dry run's output is the diff).
        if (Command.get_option("--format")->count() == 0) {
          Options.Format =
              Config.ReportFormat.empty() ? "markdown" : Config.ReportFormat;
          if (Command.get_option("--output")->count() == 0 && !Fix.DryRun &&
              Fix.ExportFixes.empty()) {
            Options.Output = Config.ReportOutput.empty() ? "rehost-report.md"
                                                         : Config.ReportOutput;
            Options.MigrationRecord = true;
          }
        }
        return runFix(Shared.Request, Options, Fix, Config);
      });
}

} // namespace

Subcommand addFixCommand(CLI::App &App, CommandLine &Shared) {
  auto Fix = std::make_unique<FixOptions>();
  CLI::App *FixCommand = App.add_subcommand(
      "fix", "Rewrite hardcoded Redis endpoints onto the rehost runtime");
  addProjectOptions(*FixCommand, Shared);
  addReportOptions(*FixCommand, Shared.Options);
  FixCommand->add_flag("--dry-run", Fix->DryRun,
                       "Print a unified diff of the changes; write nothing");
  FixCommand->add_flag("--strict", Fix->Strict,
                       "Leave only profile names in code; the endpoints move "
                       "to the runtime's config file");
  FixCommand
      ->add_flag("--pool", Fix->Pool,
                 "Turn a connect whose context one function uses and frees "
                 "into a borrow from the profile's connection pool")
      ->excludes(FixCommand->get_option("--strict"));
  FixCommand->add_flag("--verify", Fix->Verify,
                       "Parse every rewritten translation unit again with the "
                       "project's flags and the installed runtime's headers, "
                       "and restore the original of any file that broke one");
  FixCommand->add_option(
      "--runtime-include", Fix->RuntimeInclude,
      "The runtime's installed headers for --verify (default: the include "
      "directory beside this rehost's bin directory)");
  FixCommand->add_flag("--allow-outside-root", Fix->AllowOutsideRoot,
                       "Also rewrite files outside the project root (by "
                       "default they are reported, untouched)");
  FixCommand->add_option("--export-fixes", Fix->ExportFixes,
                         "Write the edits as clang-tidy's replacements YAML "
                         "for clang-apply-replacements; change no source");
  FixCommand
      ->add_option("--runtime-config", Fix->RuntimeConfig,
                   "The runtime's config file to list the profiles in")
      ->capture_default_str();
  FixCommand
      ->add_option("--from-facts", Fix->FromFacts,
                   "Fix from the shards' `scan --facts-out` files instead of "
                   "scanning: one edit plan, as one run's")
      ->type_name("FACTS")
      ->check(CLI::ExistingFile)
      ->excludes(FixCommand->get_option("--verify"));
  FixCommand->footer("Exit status: 0 everything fixed (or nothing to fix), 1 "
                     "findings left for a human, 2 usage or input error.");

  return {FixCommand, [FixCommand, &Shared, Fix = std::move(Fix)] {
            return runFixCommand(*FixCommand, Shared, *Fix);
          }};
}

} // namespace cli
