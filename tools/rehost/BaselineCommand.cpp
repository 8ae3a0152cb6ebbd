//===- BaselineCommand.cpp - `rehost baseline`: the findings of the past --===//
//
// Records the findings by fingerprint, so that `rehost check` reports only
// those it does not hold.
//
//===----------------------------------------------------------------------===//

#include "CheckAndBaseline.h"
#include "Subcommands.h"

#include "rehost/FileIO.h"

#include "llvm/Support/Path.h"

#include <fmt/core.h>

#include <memory>
#include <optional>

namespace cli {
namespace {

/// Records every current finding, or with \p Update drops the entries that
/// are gone and adds none.
int runBaseline(rehost::ScanRequest Request, const ReportOptions &Options,
                bool Update, const rehost::ToolConfig &Config) {
  auto Fail = [](const llvm::Twine &Message) {
    cli::print(stderr, "rehost: error: {}\n", Message.str());
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
      cli::print(stderr, "rehost: {} keeps {} of {} finding{} ({} gone){}\n",
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
      cli::print(stderr, "rehost: wrote {} finding{} to {}{}{}\n",
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

} // namespace

Subcommand addBaselineCommand(CLI::App &App, CommandLine &Shared) {
  auto Update = std::make_unique<bool>(false);
  CLI::App *BaselineCommand = App.add_subcommand(
      "baseline", "Record every current finding, so `rehost check` reports "
                  "only new ones");
  addProjectOptions(*BaselineCommand, Shared);
  BaselineCommand->add_option("-o,--output", Shared.Options.Output,
                              "The baseline file (default: .rehost.toml's "
                              "[check] baseline, else .rehost-baseline.json)");
  BaselineCommand->add_flag("--update", *Update,
                            "Keep the entries still found and drop the "
                            "others; add no new finding");
  BaselineCommand->footer("Exit status: 0 written, 2 usage or input error.");
  ProjectAccess Access;
  Access.Lock = "baseline";
  return {BaselineCommand, [&Shared, Update = std::move(Update), Access] {
            return withProjectConfig(
                Shared, Access, [&](const rehost::ToolConfig &Config) {
                  return runBaseline(Shared.Request, Shared.Options, *Update,
                                     Config);
                });
          }};
}

} // namespace cli
