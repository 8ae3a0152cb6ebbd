//===- Driver.cpp - What the rehost commands share ------------------------===//

#include "Driver.h"

#include "rehost/DerivedSites.h"
#include "rehost/Facts.h"
#include "rehost/FileIO.h"
#include "rehost/Paths.h"
#include "rehost/RuntimeConfigWriter.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/core.h>
#include <fmt/format.h>

#include <set>

namespace cli {

const char *plural(unsigned N) { return N == 1 ? "" : "s"; }

std::string skippedClause(const rehost::Summary &S) {
  if (!S.FilesSkipped)
    return {};
  return fmt::format(", {} skipped (headers not found, no site possible)",
                     S.FilesSkipped);
}

namespace {

llvm::Error reportError(const ReportOptions &Options, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "cannot write the report to '" +
                                     Options.Output + "': " + Why);
}

} // namespace

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
  return emitText(Text, Options);
}

llvm::Error emitText(const std::string &Text, const ReportOptions &Options) {
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
    cli::print(stderr, "rehost: error: {}\n", llvm::toString(std::move(Err)));
    return false;
  }
  return true;
}

rehost::ProjectRoot projectRootOf(const rehost::ScanRequest &Request,
                                  const rehost::ToolConfig &Config) {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return rehost::findProjectRoot(
      Config.Path, rehost::databaseDirectoryOf(Request, Cwd), Cwd);
}

llvm::Expected<Analysis> analyse(rehost::ScanRequest Request,
                                 const rehost::ToolConfig &Config, bool Strict,
                                 bool Pool) {
  if (Request.Root.empty())
    Request.Root = projectRootOf(Request, Config).Path;
  Request.IsExcluded = [&Config](llvm::StringRef File) {
    return Config.isExcluded(File);
  };
  Request.Config = &Config;
  // A wrapper's caller may include no client header: the skipped units
  // that name a derived or declared sink are parsed too.
  if (!Request.DerivedNames)
    Request.DerivedNames =
        [&Config](llvm::ArrayRef<rehost::TranslationUnitFacts> Units,
                  llvm::ArrayRef<rehost::UnitFlows> Cached) {
          return rehost::sinkIdentifiers(
              rehost::resolveSinks(Units, Config, Cached), Config);
        };
  rehost::ScanCoverage Coverage;
  Request.Progress = rehost::resolveProgress(
      Request.Progress, Request.Quiet, rehost::ProgressEnvironment::current());
  auto Units = rehost::collectFacts(Request, llvm::errs(), &Coverage);
  if (!Units)
    return Units.takeError();
  // A file-list run's constants may reach a client call through units it
  // did not parse: their cached flows lead on, and are not reported.
  rehost::Resolution Resolved =
      rehost::resolveProject(*Units, Request.Root, Config, Strict, Pool,
                             Coverage.CachedFlows, &Coverage.Sinks);
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
      cli::print(stderr, "{}: note: in no compile command, not scanned\n",
                 rehost::displayPath(File, Root));
  return fmt::format("; {} source file{} under the project root {} in no "
                     "compile command ({})",
                     Uncovered.size(), plural(Uncovered.size()),
                     Uncovered.size() == 1 ? "is" : "are",
                     Options.ListUncovered ? "listed above"
                                           : "--list-uncovered lists them");
}

int reportScan(const Analysis &Analysed, const ReportOptions &Options,
               bool Quiet) {
  const rehost::Report &Report = Analysed.Resolved.Findings;
  if (!writeReportTo(Report, Options))
    return InputError;

  rehost::Summary S = Report.computeSummary();
  std::string Uncovered = reportUncovered(Analysed, Options);
  if (!Quiet)
    cli::print(
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
  if (!Quiet && S.UntracedClientCalls)
    cli::print(stderr,
               "rehost: {} client call{} {} the endpoint from a wrapper or "
               "field that no scanned code gives a value: scan its callers "
               "too, or declare it (docs/derived-sites.md)\n",
               S.UntracedClientCalls, plural(S.UntracedClientCalls),
               S.UntracedClientCalls == 1 ? "takes" : "take");
  if (S.FilesWithErrors)
    return InputError;
  return S.Findings ? Findings : Clean;
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

/// `rehost merge`: the shards' facts, resolved together as one run's.
llvm::Expected<std::vector<rehost::ShardInput>>
readShards(llvm::ArrayRef<std::string> Paths) {
  std::vector<rehost::ShardInput> Out;
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
    Out.push_back({Path, std::move(*Json)});
  }
  return Out;
}

llvm::Expected<Analysis> mergeFacts(llvm::ArrayRef<rehost::ShardInput> Shards,
                                    const rehost::ToolConfig &Config,
                                    bool Strict, bool Pool) {
  // The shards' paths are relative to their root; here they are read under
  // this checkout's (no database: .rehost.toml's, git's or this directory).
  std::string Root = projectRootOf(rehost::ScanRequest(), Config).Path;
  Analysis Merged;
  std::set<std::string> Uncovered;
  for (const rehost::ShardInput &Shard : Shards) {
    auto Read = rehost::factsFromJson(Shard.Document, Root, Shard.Path);
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

} // namespace cli
