//===- main.cpp - The rehost command line ---------------------------------===//
//
// Flags in, library calls, exit code out. Exit codes: 0 nothing to report,
// 1 findings (fix: findings left unfixed), 2 usage or input error.
//
//===----------------------------------------------------------------------===//

#include "rehost/Baseline.h"
#include "rehost/ChangedLines.h"
#include "rehost/EditApplier.h"
#include "rehost/Facts.h"
#include "rehost/FileIO.h"
#include "rehost/Project.h"
#include "rehost/Report.h"
#include "rehost/RuntimeConfigWriter.h"
#include "rehost/Scanner.h"
#include "rehost/ToolConfig.h"
#include "rehost/Verifier.h"
#include "rehost/Version.h"

// The subcommands whose wiring lives in its own file.
#include "EnvCommand.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <fmt/format.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace {

enum ExitCode { Clean = 0, Findings = 1, InputError = 2 };

struct ReportOptions {
  std::string Format = "text";
  std::string Output;
  std::string ConfigPath;           ///< --config: the tool's .rehost.toml.
  std::vector<std::string> Exclude; ///< --exclude, beside the config's.
  bool ListUncovered = false;       ///< --list-uncovered.
  bool RequireReason = false;       ///< --require-reason.
};

struct CheckOptions {
  std::string Baseline;     ///< --baseline; empty: the config's, or none.
  std::string ChangedSince; ///< --changed-since REF.
};

struct FixOptions {
  bool DryRun = false;
  bool Verify = false;
  bool Strict = false; ///< Only profile names stay in code.
  bool Pool = false;   ///< Connect-per-request code borrows from a pool.
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
};

const char *plural(unsigned N) { return N == 1 ? "" : "s"; }

llvm::Error reportError(const ReportOptions &Options, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "cannot write the report to '" +
                                     Options.Output + "': " + Why);
}

/// Whether the report can be written to -o FILE: checked before fix changes
/// anything, so a report that cannot be written leaves every file as it was.
llvm::Error checkReportOutput(const ReportOptions &Options) {
  namespace fs = llvm::sys::fs;
  if (Options.Output.empty() || Options.Output == "-")
    return llvm::Error::success();
  fs::file_status Status;
  if (!fs::status(Options.Output, Status)) {
    if (fs::is_directory(Status))
      return reportError(Options, "it is a directory");
    if (!fs::is_regular_file(Status)) // /dev/null, a pipe: written in place.
      return llvm::Error::success();
  }
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Options.Output));
  if (Dir.empty())
    Dir = ".";
  // The messages the write itself would fail with.
  if (!fs::is_directory(Dir))
    return reportError(
        Options,
        std::make_error_code(std::errc::no_such_file_or_directory).message());
  if (std::error_code EC = fs::access(Dir, fs::AccessMode::Write))
    return reportError(Options, EC.message());
  return llvm::Error::success();
}

/// Renders \p Report and writes it to -o FILE (replaced atomically when it
/// is a regular file), or to standard output.
llvm::Error emitReport(const rehost::Report &Report,
                       const ReportOptions &Options) {
  auto Format = rehost::parseFormat(Options.Format);
  if (!Format)
    return Format.takeError();
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  rehost::writeReport(Report, *Format, OS);
  OS.flush();
  if (Options.Output.empty() || Options.Output == "-") {
    llvm::outs() << Text;
    // The summary goes to stderr after the report, also when both are piped.
    llvm::outs().flush();
    return llvm::Error::success();
  }
  namespace fs = llvm::sys::fs;
  fs::file_status Status;
  if (!fs::status(Options.Output, Status) && !fs::is_regular_file(Status)) {
    std::error_code EC;
    llvm::raw_fd_ostream Out(Options.Output, EC);
    if (!EC) {
      Out << Text;
      Out.close();
      EC = Out.error();
      Out.clear_error();
    }
    return EC ? reportError(Options, EC.message()) : llvm::Error::success();
  }
  if (llvm::Error Err = rehost::writeFileAtomically(Options.Output, Text))
    return reportError(Options,
                       llvm::errorToErrorCode(std::move(Err)).message());
  return llvm::Error::success();
}

bool writeReportTo(const rehost::Report &Report, const ReportOptions &Options) {
  if (llvm::Error Err = emitReport(Report, Options)) {
    fmt::print(stderr, "rehost: error: {}\n", llvm::toString(std::move(Err)));
    return false;
  }
  return true;
}

/// Phases one and two: every translation unit parsed, then one project view.
struct Analysis {
  rehost::ScanRequest Request; ///< As run, with the config's exclusions.
  std::vector<rehost::TranslationUnitFacts> Units;
  rehost::Resolution Resolved;
  rehost::ScanCoverage Coverage;
};

llvm::Expected<Analysis> analyse(rehost::ScanRequest Request,
                                 const rehost::ToolConfig &Config,
                                 bool Strict = false, bool Pool = false) {
  Request.IsExcluded = [&Config](llvm::StringRef File) {
    return Config.isExcluded(File);
  };
  rehost::ScanCoverage Coverage;
  Request.ShowProgress = llvm::sys::Process::StandardErrIsDisplayed();
  auto Units = rehost::collectFacts(Request, llvm::errs(), &Coverage);
  if (!Units)
    return Units.takeError();
  llvm::SmallString<256> Root;
  llvm::sys::fs::current_path(Root);
  rehost::Resolution Resolved =
      rehost::resolveProject(*Units, Root, Config, Strict, Pool);
  return Analysis{std::move(Request), std::move(*Units), std::move(Resolved),
                  std::move(Coverage)};
}

/// Lists, when asked, the source files no compile command covers, and
/// returns the summary's clause that counts them (empty when none).
std::string reportUncovered(const Analysis &Analysed,
                            const ReportOptions &Options) {
  const std::vector<std::string> &Uncovered = Analysed.Coverage.Uncovered;
  if (Uncovered.empty())
    return {};
  const std::string &Root = Analysed.Resolved.Findings.Root;
  if (Options.ListUncovered)
    for (const std::string &File : Uncovered)
      fmt::print(stderr, "{}: note: in no compile command, not scanned\n",
                 rehost::displayPath(File, Root));
  return fmt::format("; {} source file{} under the project root {} in no "
                     "compile command ({})",
                     Uncovered.size(), plural(Uncovered.size()),
                     Uncovered.size() == 1 ? "is" : "are",
                     Options.ListUncovered ? "listed above"
                                           : "--list-uncovered lists them");
}

/// The runtime's rehost.toml names profiles already: each endpoint keeps its
/// name, and no existing name goes to another endpoint (fix never changes an
/// existing table, so a reused name would point code at the wrong server).
llvm::Expected<rehost::ToolConfig>
withExistingProfiles(rehost::ToolConfig Config, llvm::StringRef RuntimeConfig) {
  auto Existing = rehost::readExistingProfiles(RuntimeConfig);
  if (!Existing)
    return Existing.takeError();
  std::set<std::string> Named;
  for (const auto &[Address, Name] : Config.ProfileNames)
    Named.insert(Name);
  for (const auto &[Address, Name] : Existing->ByAddress)
    if (!Config.ProfileNames.count(Address) && Named.insert(Name).second)
      Config.ProfileNames.emplace(Address, Name);
  for (const std::string &Name : Existing->Names)
    if (!Named.count(Name))
      Config.ReservedProfileNames.insert(Name);
  return Config;
}

/// The tool's .rehost.toml: --config, else found upward from here.
llvm::Expected<rehost::ToolConfig> loadConfig(const ReportOptions &Options) {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return rehost::loadToolConfig(Options.ConfigPath, Cwd);
}

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
        "credential{}) in {} file{}; {} translation unit{} scanned{}{}\n",
        S.Findings, plural(S.Findings), S.HardcodedEndpoints,
        S.PartiallyHardcoded, S.HardcodedCredentials,
        plural(S.HardcodedCredentials), S.FilesWithFindings,
        plural(S.FilesWithFindings), S.FilesScanned, plural(S.FilesScanned),
        S.FilesWithErrors ? fmt::format(", {} with errors", S.FilesWithErrors)
                          : "",
        Uncovered);
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

/// `rehost merge`: the shards' facts, resolved together as one run's.
llvm::Expected<Analysis> mergeFacts(llvm::ArrayRef<std::string> Paths,
                                    const rehost::ToolConfig &Config,
                                    bool Strict = false, bool Pool = false) {
  llvm::SmallString<256> Root;
  llvm::sys::fs::current_path(Root);
  Analysis Merged;
  std::set<std::string> Uncovered;
  for (const std::string &Path : Paths) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    if (!Buffer)
      return llvm::createStringError(Buffer.getError(), "%s: %s", Path.c_str(),
                                     Buffer.getError().message().c_str());
    auto Json = llvm::json::parse((*Buffer)->getBuffer());
    if (!Json)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          Path + ": not JSON: " + llvm::toString(Json.takeError()));
    auto Read = rehost::factsFromJson(*Json, Root, Path);
    if (!Read)
      return Read.takeError();
    for (rehost::TranslationUnitFacts &Unit : Read->Units)
      Merged.Units.push_back(std::move(Unit));
    Uncovered.insert(Read->Uncovered.begin(), Read->Uncovered.end());
  }
  // A single run lists the database's units in path order.
  llvm::stable_sort(Merged.Units, [](const rehost::TranslationUnitFacts &A,
                                     const rehost::TranslationUnitFacts &B) {
    return A.MainFile < B.MainFile;
  });
  Merged.Coverage.Uncovered.assign(Uncovered.begin(), Uncovered.end());
  Merged.Resolved =
      rehost::resolveProject(Merged.Units, Root, Config, Strict, Pool);
  return Merged;
}

/// Marks what phase three did: findings whose file was written are fixed,
/// those whose file was refused are manual with the reason.
void recordOutcomes(rehost::Report &Report,
                    llvm::ArrayRef<rehost::FileOutcome> Outcomes,
                    bool SourcesWritten) {
  llvm::StringMap<std::string> Refused;
  for (const rehost::FileOutcome &Outcome : Outcomes)
    if (!Outcome.Error.empty())
      Refused[Outcome.Path] = Outcome.Reason.empty()
                                  ? "not rewritten: " + Outcome.Error
                                  : Outcome.Reason;
  for (rehost::FileReport &File : Report.Files)
    for (rehost::Finding &F : File.Findings) {
      if (F.Act != rehost::Action::Fixable)
        continue;
      auto It = Refused.find(F.EditFile);
      if (It != Refused.end()) {
        F.Act = rehost::Action::Manual;
        F.Reason = It->second;
        F.After.clear();
      } else if (SourcesWritten) {
        F.Act = rehost::Action::Fixed;
      }
    }
}

/// The profiles whose findings were rewritten: the runtime's config file
/// lists them.
std::vector<rehost::ProfileInfo> fixedProfiles(const rehost::Report &Report) {
  std::vector<rehost::ProfileInfo> Out;
  for (const rehost::ProfileInfo &Profile : Report.Profiles)
    for (const rehost::FileReport &File : Report.Files)
      if (llvm::any_of(File.Findings, [&](const rehost::Finding &F) {
            return F.Act == rehost::Action::Fixed && F.Profile == Profile.Name;
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

int runFix(const rehost::ScanRequest &Request, const ReportOptions &Options,
           const FixOptions &Fix, const rehost::ToolConfig &Config) {
  auto Analysed = Fix.FromFacts.empty()
                      ? analyse(Request, Config, Fix.Strict, Fix.Pool)
                      : mergeFacts(Fix.FromFacts, Config, Fix.Strict, Fix.Pool);
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
  auto Abandon = [&](std::string Message) {
    fmt::print(stderr, "rehost: error: {}\n", Message);
    llvm::Error Undo =
        Merged ? rehost::undoRuntimeConfig(*Merged) : llvm::Error::success();
    Undo = llvm::joinErrors(std::move(Undo), rehost::undoEdits(Outcomes));
    if (Undo)
      fmt::print(stderr, "rehost: error: undoing the rewrite failed: {}\n",
                 llvm::toString(std::move(Undo)));
    else
      fmt::print(stderr, "rehost: no file was changed\n");
    return InputError;
  };
  if (Writes) {
    rehost::Report Planned = Report;
    recordOutcomes(Planned, Outcomes, /*SourcesWritten=*/true);
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
  recordOutcomes(Report, Outcomes, Writes);
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
  if (!Fix.DryRun || !Options.Output.empty())
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
        "manual; {} translation unit{} scanned{}{}\n",
        Writes ? "fixed" : "would fix", Writes ? S.Fixed : S.Fixable,
        S.Findings, plural(S.Findings), S.FilesWithFindings,
        plural(S.FilesWithFindings), Changed, plural(Changed),
        Writes ? "changed" : "to change", S.Manual, S.FilesScanned,
        plural(S.FilesScanned),
        S.FilesWithErrors || Refused
            ? fmt::format(", {} with errors", S.FilesWithErrors + Refused)
            : "",
        Uncovered);
  if (S.FilesWithErrors || Refused)
    return InputError;
  return S.Manual || (!Writes && S.Fixable) ? Findings : Clean;
}

/// The real paths of \p Files, which check and baseline narrow the report
/// to; a directory stands for what is under it.
std::vector<std::string> focusOf(llvm::ArrayRef<std::string> Files) {
  std::vector<std::string> Out;
  for (const std::string &File : Files) {
    llvm::SmallString<256> Real;
    if (llvm::sys::fs::real_path(File, Real))
      Real = File;
    Out.push_back(std::string(Real));
  }
  return Out;
}

bool inFocus(llvm::ArrayRef<std::string> Focus, llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    Real = Path;
  return llvm::any_of(Focus, [&](const std::string &F) {
    llvm::StringRef P = Real;
    return P == F || (P.consume_front(F) && !P.empty() && P.front() == '/');
  });
}

/// The findings of the files asked for (a header analysed through a unit
/// that includes it gives that unit's findings too: they are not asked for).
void narrowToFiles(rehost::Report &Report, llvm::ArrayRef<std::string> Files) {
  if (Files.empty())
    return;
  std::vector<std::string> Focus = focusOf(Files);
  rehost::keepFindings(Report,
                       [&](const rehost::FileReport &File,
                           const rehost::Finding &) {
                         return inFocus(Focus, File.Path);
                       });
}

/// The changed files that can hold a site, for check to analyse.
std::vector<std::string> changedFiles(const rehost::ChangedLines &Changed,
             const rehost::ToolConfig &Config) {
  static constexpr llvm::StringLiteral Extensions[] = {
      ".c", ".cc", ".cpp", ".cxx", ".c++", ".h", ".hh", ".hpp", ".hxx", ".inc"};
  std::vector<std::string> Out;
  for (const auto &[Path, Lines] : Changed.Files)
    if (!Lines.empty() && llvm::sys::fs::is_regular_file(Path) &&
        llvm::is_contained(Extensions, llvm::sys::path::extension(Path)) &&
        !Config.isExcluded(Path))
      Out.push_back(Path);
  return Out;
}

/// The baseline check reads: --baseline (which must exist), else
/// .rehost.toml's, else .rehost-baseline.json here when there is one.
llvm::Expected<std::optional<rehost::Baseline>>
loadCheckBaseline(const CheckOptions &Check, const rehost::ToolConfig &Config) {
  std::string Path = !Check.Baseline.empty() ? Check.Baseline : Config.Baseline;
  if (Path.empty()) {
    if (!llvm::sys::fs::exists(rehost::BaselineFileName))
      return std::nullopt;
    Path = rehost::BaselineFileName.str();
  }
  auto Read = rehost::readBaseline(Path);
  if (!Read)
    return Read.takeError();
  return std::optional<rehost::Baseline>(std::move(*Read));
}

/// `rehost check`: the findings that are new, against the baseline and, with
/// --changed-since, on the lines changed since that revision.
int runCheck(rehost::ScanRequest Request, const ReportOptions &Options,
             const CheckOptions &Check, const rehost::ToolConfig &Config) {
  auto Fail = [](llvm::Error Err) {
    fmt::print(stderr, "rehost: error: {}\n", llvm::toString(std::move(Err)));
    return InputError;
  };
  auto Baseline = loadCheckBaseline(Check, Config);
  if (!Baseline)
    return Fail(Baseline.takeError());
  std::optional<rehost::ChangedLines> Changed;
  if (!Check.ChangedSince.empty()) {
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    auto Lines = rehost::changedSince(Check.ChangedSince, Cwd);
    if (!Lines)
      return Fail(Lines.takeError());
    Changed = std::move(*Lines);
    if (Request.Files.empty()) {
      std::vector<std::string> Files = changedFiles(*Changed, Config);
      if (Files.empty()) {
        if (!Request.Quiet)
          fmt::print(stderr,
                     "rehost: no C or C++ file changed since {}; nothing to "
                     "check\n",
                     Check.ChangedSince);
        return Clean;
      }
      Request.Files = std::move(Files);
    }
  }
  Request.HeadersThroughUnits = true;
  std::vector<std::string> Asked = Request.Files;
  auto Analysed = analyse(std::move(Request), Config);
  if (!Analysed)
    return Fail(Analysed.takeError());
  rehost::Report &Report = Analysed->Resolved.Findings;
  Report.Command = "check";
  narrowToFiles(Report, Asked);
  if (Changed)
    rehost::keepFindings(Report, [&](const rehost::FileReport &File,
                                     const rehost::Finding &F) {
      llvm::SmallString<256> Real;
      if (llvm::sys::fs::real_path(File.Path, Real))
        Real = File.Path;
      return Changed->touches(Real, F.Line);
    });
  if (*Baseline)
    rehost::removeBaselined(Report, **Baseline);
  if (!writeReportTo(Report, Options))
    return InputError;

  rehost::Summary S = Report.computeSummary();
  if (!Analysed->Request.Quiet)
    fmt::print(stderr,
               "rehost: {} new finding{}{}{}{}; {} translation unit{} "
               "scanned{}\n",
               S.Findings, plural(S.Findings),
               Changed ? " on lines changed since " + Check.ChangedSince : "",
               *Baseline ? fmt::format(", {} in the baseline", S.Baselined)
                         : std::string(),
               S.Suppressed ? fmt::format(", {} suppressed", S.Suppressed)
                            : std::string(),
               S.FilesScanned, plural(S.FilesScanned),
               S.FilesWithErrors
                   ? fmt::format(", {} with errors", S.FilesWithErrors)
                   : "");
  if (S.FilesWithErrors)
    return InputError;
  return S.Findings ? Findings : Clean;
}

/// `rehost baseline`: records every current finding, or with --update
/// drops the entries that are gone and adds none.
int runBaseline(rehost::ScanRequest Request, const ReportOptions &Options,
                bool Update, const rehost::ToolConfig &Config) {
  auto Fail = [](const llvm::Twine &Message) {
    fmt::print(stderr, "rehost: error: {}\n", Message.str());
    return InputError;
  };
  std::string Path = !Options.Output.empty() ? Options.Output
                     : !Config.Baseline.empty()
                         ? Config.Baseline
                         : rehost::BaselineFileName.str();
  std::optional<rehost::Baseline> Old;
  if (Update) {
    auto Read = rehost::readBaseline(Path);
    if (!Read)
      return Fail(llvm::toString(Read.takeError()));
    Old = std::move(*Read);
  }
  Request.HeadersThroughUnits = true;
  std::vector<std::string> Asked = Request.Files;
  auto Analysed = analyse(std::move(Request), Config);
  if (!Analysed)
    return Fail(llvm::toString(Analysed.takeError()));
  rehost::Report &Report = Analysed->Resolved.Findings;
  narrowToFiles(Report, Asked);
  rehost::Summary S = Report.computeSummary();
  // A unit that did not parse shows none of its findings: a baseline
  // without them would make check fail once it parses.
  if (S.FilesWithErrors)
    return Fail(llvm::formatv("not writing {0}: {1} file{2} could not be "
                              "analysed (the errors are above)",
                              Path, S.FilesWithErrors,
                              plural(S.FilesWithErrors)));
  rehost::Baseline New;
  unsigned NotAdded = 0;
  if (Old) {
    std::vector<std::string> Focus = focusOf(Asked);
    New = rehost::updatedBaseline(
        *Old, Report,
        [&](llvm::StringRef File) {
          if (Asked.empty())
            return true;
          llvm::SmallString<256> Abs(Report.Root);
          llvm::sys::path::append(Abs, File);
          return inFocus(Focus, Abs);
        },
        NotAdded);
  } else {
    New = rehost::baselineOf(Report);
  }
  if (llvm::Error Err =
          rehost::writeFileAtomically(Path, rehost::renderBaseline(New)))
    return Fail("cannot write the baseline to '" + Path +
                "': " + llvm::toString(std::move(Err)));
  if (!Analysed->Request.Quiet) {
    if (Old)
      fmt::print(stderr,
                 "rehost: {} keeps {} of {} finding{} ({} gone){}\n", Path,
                 New.Entries.size(), Old->Entries.size(),
                 plural(Old->Entries.size()),
                 Old->Entries.size() - New.Entries.size(),
                 NotAdded ? fmt::format("; {} new finding{} not added: `rehost "
                                        "check` reports {}, `rehost baseline` "
                                        "without --update records {}",
                                        NotAdded, plural(NotAdded),
                                        NotAdded == 1 ? "it" : "them",
                                        NotAdded == 1 ? "it" : "them")
                          : "");
    else
      fmt::print(stderr, "rehost: wrote {} finding{} to {}{}\n",
                 New.Entries.size(), plural(New.Entries.size()), Path,
                 S.Suppressed ? fmt::format(" ({} suppressed, not recorded)",
                                            S.Suppressed)
                              : "");
  }
  return Clean;
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
                  "Parse N translation units at once (default: one per "
                  "hardware thread); the result does not depend on N")
      ->type_name("N")
      ->check(CLI::Range(1u, 4096u));
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
      "(see docs/usage.md)");
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
      "merge", "Report the shards of a scan (their --facts-out files) as "
               "one run");
  Merge->add_option("facts", MergeInputs, "The shards' facts files")
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

  try {
    App.parse(OwnArgs, argv);
  } catch (const CLI::ParseError &E) {
    // Help and --version exit 0; every other parse error is a usage error.
    return App.exit(E) == 0 ? Clean : InputError;
  }
  if (EnvSubcommand->parsed())
    return runEnvCommand(Env);
  auto Config = loadConfig(Options);
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
  if (Merge->parsed()) {
    auto Merged = mergeFacts(MergeInputs, *Config);
    if (!Merged) {
      fmt::print(stderr, "rehost: error: {}\n",
                 llvm::toString(Merged.takeError()));
      return InputError;
    }
    return reportScan(*Merged, Options, Request.Quiet);
  }
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
        Fix.ExportFixes.empty())
      Options.Output = Config->ReportOutput.empty() ? "rehost-report.md"
                                                    : Config->ReportOutput;
  }
  return runFix(Request, Options, Fix, *Config);
}
