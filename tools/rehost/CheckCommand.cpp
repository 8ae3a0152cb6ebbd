//===- CheckCommand.cpp - `rehost check`: only the findings that are new --===//
//
// The lint that is quiet about the past and loud about the new: it reports
// the findings the baseline does not hold and, with --changed-since, those
// on the lines changed since a revision.
//
//===----------------------------------------------------------------------===//

#include "CheckAndBaseline.h"
#include "Subcommands.h"

#include "rehost/ChangedLines.h"
#include "rehost/Paths.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <fmt/core.h>
#include <fmt/format.h>

#include <memory>
#include <optional>

namespace cli {
namespace {

struct CheckOptions {
  std::string Baseline;     ///< --baseline; empty: the config's, or none.
  std::string ChangedSince; ///< --changed-since REF.
};

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
/// .rehost.toml's, else .rehost-baseline.json at the project root when there
/// is one. It must be of this run's project root.
llvm::Expected<std::optional<rehost::Baseline>>
loadCheckBaseline(const CheckOptions &Check, const rehost::ToolConfig &Config,
                  const rehost::ProjectRoot &Root, bool Quiet) {
  std::string Path = !Check.Baseline.empty() ? Check.Baseline : Config.Baseline;
  if (Path.empty()) {
    Path = defaultBaselinePath(Root);
    if (!llvm::sys::fs::exists(Path))
      return std::nullopt;
  }
  auto Read = rehost::readBaseline(Path);
  if (!Read)
    return Read.takeError();
  if (llvm::Error Err = checkBaselineRoot(*Read, Path, Root, Quiet))
    return std::move(Err);
  return std::optional<rehost::Baseline>(std::move(*Read));
}

/// The findings that are new, against the baseline and, with --changed-since,
/// on the lines changed since that revision.
int runCheck(rehost::ScanRequest Request, const ReportOptions &Options,
             const CheckOptions &Check, const rehost::ToolConfig &Config) {
  auto Fail = [](llvm::Error Err) {
    cli::print(stderr, "rehost: error: {}\n", llvm::toString(std::move(Err)));
    return InputError;
  };
  rehost::ProjectRoot Root = projectRootOf(Request, Config);
  Request.Root = Root.Path;
  auto Baseline = loadCheckBaseline(Check, Config, Root, Request.Quiet);
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
          cli::print(stderr,
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
    rehost::keepFindings(
        Report, [&](const rehost::FileReport &File, const rehost::Finding &F) {
          return Changed->touches(rehost::realPath(File.Path), F.Line);
        });
  if (*Baseline) {
    // SARIF keeps them, marked, so code scanning keeps tracking the backlog.
    if (Options.Format == "sarif")
      rehost::markBaselined(Report, **Baseline);
    else
      rehost::removeBaselined(Report, **Baseline);
    const std::vector<std::string> &Unseen = (*Baseline)->Unanalysed;
    if (!Unseen.empty() && !Analysed->Request.Quiet)
      cli::print(stderr,
                 "note: the baseline was written without analysing {} "
                 "unit{} ({}): any finding in {} is new to it\n",
                 Unseen.size(), plural(Unseen.size()), fmt::join(Unseen, ", "),
                 Unseen.size() == 1 ? "it" : "them");
  }
  if (!writeReportTo(Report, Options))
    return InputError;

  rehost::Summary S = Report.computeSummary();
  if (!Analysed->Request.Quiet)
    cli::print(stderr,
               "rehost: {} new finding{}{}{}{}; {} translation unit{} "
               "scanned{}{}\n",
               S.Findings, plural(S.Findings),
               Changed ? " on lines changed since " + Check.ChangedSince : "",
               *Baseline ? fmt::format(", {} in the baseline", S.Baselined)
                         : std::string(),
               S.Suppressed ? fmt::format(", {} suppressed", S.Suppressed)
                            : std::string(),
               S.FilesScanned, plural(S.FilesScanned),
               S.FilesWithErrors
                   ? fmt::format(", {} with errors", S.FilesWithErrors)
                   : "",
               skippedClause(S));
  if (S.FilesWithErrors)
    return InputError;
  return S.Findings ? Findings : Clean;
}

} // namespace

Subcommand addCheckCommand(CLI::App &App, CommandLine &Shared) {
  auto Check = std::make_unique<CheckOptions>();
  CLI::App *CheckCommand = App.add_subcommand(
      "check", "Report only the findings that are new: not in the baseline, "
               "and with --changed-since on changed lines");
  addProjectOptions(*CheckCommand, Shared);
  addReportOptions(*CheckCommand, Shared.Options);
  CheckCommand->add_option("--baseline", Check->Baseline,
                           "The baseline `rehost baseline` wrote (default: "
                           ".rehost.toml's [check] baseline, else "
                           ".rehost-baseline.json here if it exists)");
  CheckCommand
      ->add_option("--changed-since", Check->ChangedSince,
                   "Only findings on lines changed since the git revision "
                   "REF (and in files git does not track yet); without "
                   "FILES, the changed files are checked")
      ->type_name("REF");
  CheckCommand->footer("Exit status: 0 no new finding, 1 new findings, 2 "
                       "usage or input error.");
  return {CheckCommand, [&Shared, Check = std::move(Check)] {
            return withProjectConfig(
                Shared, {}, [&](const rehost::ToolConfig &Config) {
                  return runCheck(Shared.Request, Shared.Options, *Check,
                                  Config);
                });
          }};
}

} // namespace cli
