//===- FixCommand.cpp - `rehost fix`: the rewrite, all or nothing ---------===//

#include "FixCommand.h"

#include "rehost/EditApplier.h"
#include "rehost/HiredisGeneration.h"
#include "rehost/RuntimeConfigWriter.h"
#include "rehost/Verifier.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/core.h>
#include <fmt/format.h>

#include <optional>

namespace cli {
namespace {

/// What phase three did: the files refused (with why) and whether the
/// others were written.
rehost::FixRecord fixRecord(llvm::ArrayRef<rehost::FileOutcome> Outcomes,
                            bool SourcesWritten) {
  rehost::FixRecord Record;
  Record.SourcesWritten = SourcesWritten;
  for (const rehost::FileOutcome &Outcome : Outcomes)
    if (!Outcome.Error.empty())
      Record.Refused[Outcome.Path] = Outcome.Reason.empty()
                                         ? "not rewritten: " + Outcome.Error
                                         : Outcome.Reason;
  return Record;
}

/// The profiles whose findings were rewritten: the runtime's config file
/// lists them.
std::vector<rehost::ProfileInfo> fixedProfiles(const rehost::Report &Report) {
  std::vector<rehost::ProfileInfo> Out;
  for (const rehost::ProfileInfo &Profile : Report.Profiles)
    for (const rehost::FileReport &File : Report.Files)
      if (llvm::any_of(File.Findings, [&](const rehost::Finding &F) {
            return Report.outcome(F).Act == rehost::Action::Fixed &&
                   F.Profile == Profile.Name;
          })) {
        Out.push_back(Profile);
        break;
      }
  return Out;
}

/// Writes the edits for clang-apply-replacements.
bool exportFixes(llvm::ArrayRef<rehost::FileOutcome> Outcomes,
                 const std::string &Path) {
  std::error_code EC;
  llvm::raw_fd_ostream Out(Path, EC);
  if (EC) {
    fmt::print(stderr, "rehost: error: cannot write the fixes to '{}': {}\n",
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

} // namespace

int runFix(const rehost::ScanRequest &Request, const ReportOptions &Options,
           const FixOptions &Fix, const rehost::ToolConfig &Config) {
  auto Analysed = [&]() -> llvm::Expected<Analysis> {
    if (Fix.FromFacts.empty())
      return analyse(Request, Config, Fix.Strict, Fix.Pool);
    auto Shards = readShards(Fix.FromFacts);
    if (!Shards)
      return Shards.takeError();
    return mergeFacts(*Shards, Config, Fix.Strict, Fix.Pool);
  }();
  if (!Analysed) {
    fmt::print(stderr, "rehost: error: {}\n",
               llvm::toString(Analysed.takeError()));
    return InputError;
  }
  rehost::Report &Report = Analysed->Resolved.Findings;
  Report.Command = "fix";
  bool Writes = Fix.writesSources();
  rehost::EditPlan &Plan = Analysed->Resolved.Edits;
  // A file only units with errors read: no parse shows its rewrite compiles.
  std::vector<rehost::FileOutcome> Outcomes =
      rehost::withholdUnparsed(Plan, Analysed->Units);
  if (!Fix.AllowOutsideRoot) {
    std::string Why =
        projectRootOf(Fix.FromFacts.empty() ? Request : rehost::ScanRequest(),
                      Config)
            .reason();
    for (rehost::FileOutcome &Outside :
         rehost::withholdOutsideRoot(Plan, Report.Root)) {
      fmt::print(stderr,
                 "rehost: warning: {}: outside the project root {} ({}); not "
                 "rewritten, its findings are reported manual "
                 "(--allow-outside-root rewrites it)\n",
                 Outside.Path, Report.Root, Why);
      Outcomes.push_back(std::move(Outside));
    }
  }
  for (const std::string &Warning : rehost::hiredisGenerationWarnings(
           Analysed->Units, rehost::runtimeHiredisVersion()))
    fmt::print(stderr, "rehost: warning: {}\n", Warning);
  if (Fix.Verify && Writes)
    if (llvm::Error Err =
            rehost::checkRuntimeHeaders(Fix.RuntimeInclude, Plan)) {
      fmt::print(stderr, "rehost: error: {}\n", llvm::toString(std::move(Err)));
      return InputError;
    }
  llvm::append_range(Outcomes, rehost::prepareEdits(Plan, Report.Root));
  llvm::sort(Outcomes,
             [](const rehost::FileOutcome &A, const rehost::FileOutcome &B) {
               return A.Path < B.Path;
             });
  if (!Fix.ExportFixes.empty() && !exportFixes(Outcomes, Fix.ExportFixes))
    return InputError;

  // A failed fix changes no file: whatever can fail is tried before the
  // first source is written, and what fails after is undone.
  std::optional<rehost::RuntimeConfigUpdate> Merged;
  // Undone before anything is printed: on a full disk, standard error may
  // be a file that cannot take the message either.
  auto Abandon = [&](std::string Message) {
    llvm::Error Undo =
        Merged ? rehost::undoRuntimeConfig(*Merged) : llvm::Error::success();
    Undo = llvm::joinErrors(std::move(Undo), rehost::undoEdits(Outcomes));
    fmt::print(stderr, "rehost: error: {}\n", Message);
    if (Undo)
      fmt::print(stderr, "rehost: error: undoing the rewrite failed: {}\n",
                 llvm::toString(std::move(Undo)));
    else
      fmt::print(stderr, "rehost: no file was changed\n");
    return InputError;
  };
  if (Writes) {
    rehost::Report Planned = Report;
    Planned.Fix = fixRecord(Outcomes, /*SourcesWritten=*/true);
    auto Update = rehost::prepareRuntimeConfig(
        Fix.RuntimeConfig, fixedProfiles(Planned), Fix.Strict);
    if (!Update)
      return Abandon(llvm::toString(Update.takeError()));
    if (llvm::Error Err = checkReportOutput(Options))
      return Abandon(llvm::toString(std::move(Err)));
    if (llvm::Error Err = rehost::commitEdits(Outcomes))
      return Abandon(llvm::toString(std::move(Err)));
    if (Fix.Verify)
      rehost::verifyEdits(Analysed->Request, Analysed->Units, Outcomes,
                          Fix.RuntimeInclude, llvm::errs());
  }
  unsigned Refused = 0, Changed = 0;
  for (const rehost::FileOutcome &Outcome : Outcomes) {
    if (Fix.DryRun)
      llvm::outs() << Outcome.Diff;
    if (Outcome.Error.empty()) {
      ++Changed;
    } else if (!Outcome.Diagnostic.empty()) {
      ++Refused;
      fmt::print(stderr, "{}\n", Outcome.Diagnostic);
    }
  }
  llvm::outs().flush();
  Report.Fix = fixRecord(Outcomes, Writes);
  if (Writes) {
    // Again after --verify, which may have put originals back.
    auto Update = rehost::prepareRuntimeConfig(
        Fix.RuntimeConfig, fixedProfiles(Report), Fix.Strict);
    if (!Update)
      return Abandon(llvm::toString(Update.takeError()));
    if (llvm::Error Err = rehost::commitRuntimeConfig(*Update))
      return Abandon(llvm::toString(std::move(Err)));
    Merged = std::move(*Update);
  }
  // A dry run's output is the diff; its report is written only on request.
  if (keepsMigrationRecord(Options, Changed))
    fmt::print(stderr,
               "rehost: no file changed; {} still holds the report of the "
               "fix that did\n",
               Options.Output);
  else if (!Fix.DryRun || !Options.Output.empty())
    if (llvm::Error Err = emitReport(Report, Options))
      return Abandon(llvm::toString(std::move(Err)));
  if (Merged && !Merged->Added.empty())
    fmt::print(stderr,
               "rehost: added profile{} {} to the runtime's {}; `rehost env` "
               "writes what the deployment must set for {}\n",
               plural(Merged->Added.size()), fmt::join(Merged->Added, ", "),
               Fix.RuntimeConfig, Merged->Added.size() == 1 ? "it" : "them");
  // The deployment must now provide what left the code.
  if (Writes && !Request.Quiet)
    for (const rehost::ProfileInfo &Profile : fixedProfiles(Report))
      if (!Profile.MustSet.empty())
        fmt::print(stderr,
                   "rehost: profile '{}' no longer has its credentials in the "
                   "code: set {} (or put them in {}) where the service runs\n",
                   Profile.Name, fmt::join(Profile.MustSet, " and "),
                   rehost::profileVariable(Profile.Name, "URL"));

  rehost::Summary S = Report.computeSummary();
  std::string Uncovered = reportUncovered(*Analysed, Options);
  if (!Request.Quiet)
    fmt::print(
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

} // namespace cli
