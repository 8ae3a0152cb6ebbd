//===- CheckCommand.cpp - `rehost check` and `rehost baseline` ------------===//

#include "CheckCommand.h"

#include "rehost/Baseline.h"
#include "rehost/ChangedLines.h"
#include "rehost/FileIO.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <fmt/core.h>
#include <fmt/format.h>

#include <optional>

namespace cli {
namespace {

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

/// .rehost-baseline.json at \p Root, as the messages show it: relative to
/// the working directory when under it.
std::string defaultBaselinePath(const rehost::ProjectRoot &Root) {
  llvm::SmallString<256> AtRoot(Root.Path), Cwd;
  llvm::sys::path::append(AtRoot, rehost::BaselineFileName);
  llvm::sys::fs::current_path(Cwd);
  return rehost::displayPath(AtRoot, Cwd);
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
  rehost::keepFindings(
      Report, [&](const rehost::FileReport &File, const rehost::Finding &) {
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

/// A baseline's fingerprints are paths relative to the project root it
/// records: read in a run with another root, every entry would miss. One
/// without a root (an older rehost's) is taken as this run's, with a note.
llvm::Error checkBaselineRoot(const rehost::Baseline &B, llvm::StringRef Path,
                              const rehost::ProjectRoot &Root, bool Quiet) {
  std::string Recorded = rehost::baselineRootOf(B, Path);
  if (Recorded.empty()) {
    if (!Quiet)
      fmt::print(stderr,
                 "note: {} records no project root (an older rehost wrote "
                 "it): its paths are read as relative to {} ({}); `rehost "
                 "baseline --update` records it\n",
                 Path.str(), Root.Path, Root.reason());
    return llvm::Error::success();
  }
  if (Recorded == Root.Path)
    return llvm::Error::success();
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      "%s was written for the project root %s, but this run's root is %s "
      "(%s): its entries would not match. Run from that project, or write "
      "the baseline for this one with `rehost baseline`",
      Path.str().c_str(), Recorded.c_str(), Root.Path.c_str(),
      Root.reason().c_str());
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

} // namespace

/// `rehost check`: the findings that are new, against the baseline and, with
/// --changed-since, on the lines changed since that revision.
int runCheck(rehost::ScanRequest Request, const ReportOptions &Options,
             const CheckOptions &Check, const rehost::ToolConfig &Config) {
  auto Fail = [](llvm::Error Err) {
    fmt::print(stderr, "rehost: error: {}\n", llvm::toString(std::move(Err)));
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
    rehost::keepFindings(
        Report, [&](const rehost::FileReport &File, const rehost::Finding &F) {
          llvm::SmallString<256> Real;
          if (llvm::sys::fs::real_path(File.Path, Real))
            Real = File.Path;
          return Changed->touches(Real, F.Line);
        });
  if (*Baseline) {
    // SARIF keeps them, marked, so code scanning keeps tracking the backlog.
    if (Options.Format == "sarif")
      rehost::markBaselined(Report, **Baseline);
    else
      rehost::removeBaselined(Report, **Baseline);
    const std::vector<std::string> &Unseen = (*Baseline)->Unanalysed;
    if (!Unseen.empty() && !Analysed->Request.Quiet)
      fmt::print(stderr,
                 "note: the baseline was written without analysing {} "
                 "unit{} ({}): any finding in {} is new to it\n",
                 Unseen.size(), plural(Unseen.size()), fmt::join(Unseen, ", "),
                 Unseen.size() == 1 ? "it" : "them");
  }
  if (!writeReportTo(Report, Options))
    return InputError;

  rehost::Summary S = Report.computeSummary();
  if (!Analysed->Request.Quiet)
    fmt::print(stderr,
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

/// `rehost baseline`: records every current finding, or with --update
/// drops the entries that are gone and adds none.
int runBaseline(rehost::ScanRequest Request, const ReportOptions &Options,
                bool Update, const rehost::ToolConfig &Config) {
  auto Fail = [](const llvm::Twine &Message) {
    fmt::print(stderr, "rehost: error: {}\n", Message.str());
    return InputError;
  };
  rehost::ProjectRoot Root = projectRootOf(Request, Config);
  Request.Root = Root.Path;
  std::string Path = !Options.Output.empty()    ? Options.Output
                     : !Config.Baseline.empty() ? Config.Baseline
                                                : defaultBaselinePath(Root);
  std::optional<rehost::Baseline> Old;
  if (Update) {
    auto Read = rehost::readBaseline(Path);
    if (!Read)
      return Fail(llvm::toString(Read.takeError()));
    if (llvm::Error Err = checkBaselineRoot(*Read, Path, Root, Request.Quiet))
      return Fail(llvm::toString(std::move(Err)));
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
    return Fail(fmt::format("not writing {}: {} file{} could not be "
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
  New.Root = rehost::baselineRootFor(Root.Path, Path);
  if (llvm::Error Err =
          rehost::writeFileAtomically(Path, rehost::renderBaseline(New)))
    return Fail("cannot write the baseline to '" + Path +
                "': " + llvm::toString(std::move(Err)));
  if (!Analysed->Request.Quiet) {
    if (Old)
      fmt::print(stderr, "rehost: {} keeps {} of {} finding{} ({} gone){}\n",
                 Path, New.Entries.size(), Old->Entries.size(),
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
      fmt::print(stderr, "rehost: wrote {} finding{} to {}{}{}\n",
                 New.Entries.size(), plural(New.Entries.size()), Path,
                 S.Suppressed ? fmt::format(" ({} suppressed, not recorded)",
                                            S.Suppressed)
                              : "",
                 New.Unanalysed.empty()
                     ? ""
                     : fmt::format("; {} unit{} skipped (headers not found) "
                                   "recorded as unanalysed",
                                   New.Unanalysed.size(),
                                   plural(New.Unanalysed.size())));
  }
  return Clean;
}

} // namespace cli
