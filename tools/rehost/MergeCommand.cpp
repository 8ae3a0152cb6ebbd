//===- MergeCommand.cpp - `rehost merge`: a scan's shards as one run ------===//

#include "Subcommands.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/core.h>

#include <memory>
#include <string>
#include <vector>

namespace cli {
namespace {

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
    cli::print(stderr, "rehost: error: SARIF reports merge into SARIF only "
                       "(--format sarif); the shards' JSON reports or facts "
                       "merge into any format\n");
    return InputError;
  }
  std::string Root = projectRootOf(rehost::ScanRequest(), Config).Path;
  rehost::SarifSummary S;
  auto Merged = rehost::mergeSarifReports(Shards, Root, S);
  if (!Merged) {
    cli::print(stderr, "rehost: error: {}\n",
               llvm::toString(Merged.takeError()));
    return InputError;
  }
  std::string Text;
  llvm::raw_string_ostream(Text)
      << llvm::formatv("{0:2}", llvm::json::Value(std::move(*Merged))) << '\n';
  if (llvm::Error Err = emitText(Text, Options)) {
    cli::print(stderr, "rehost: error: {}\n", llvm::toString(std::move(Err)));
    return InputError;
  }
  if (!Quiet)
    cli::print(stderr, "rehost: {} finding{} in {} file{} ({} suppressed){}\n",
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
    cli::print(stderr, "rehost: error: {}\n", Message);
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

} // namespace

Subcommand addMergeCommand(CLI::App &App, CommandLine &Shared) {
  auto Inputs = std::make_unique<std::vector<std::string>>();
  ReportOptions &Options = Shared.Options;
  CLI::App *Merge = App.add_subcommand(
      "merge", "Report the shards of a scan as one run: their --facts-out "
               "files, or their JSON or SARIF reports");
  Merge
      ->add_option("shards", *Inputs,
                   "The shards' facts files, or their JSON or SARIF reports")
      ->required()
      ->check(CLI::ExistingFile);
  addReportOptions(*Merge, Options);
  Merge->add_option("--config", Options.ConfigPath,
                    "The tool's settings file (default: .rehost.toml found "
                    "upward from the working directory)");
  Merge->add_flag("--quiet", Shared.Request.Quiet, "No summary line");
  Merge->add_flag("--list-uncovered", Options.ListUncovered,
                  "List the source files no compile command covers");
  Merge->footer("Exit status: as the single scan's: 0 no findings, 1 "
                "findings, 2 usage or input error.");
  return {Merge, [&Shared, Inputs = std::move(Inputs)] {
            return withProjectConfig(
                Shared, {}, [&](const rehost::ToolConfig &Config) {
                  return runMerge(*Inputs, Shared.Options, Shared.Request.Quiet,
                                  Config);
                });
          }};
}

} // namespace cli
