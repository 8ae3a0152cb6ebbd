//===- ScanCommand.cpp - `rehost scan`: report, change nothing ------------===//

#include "Subcommands.h"

#include "rehost/Facts.h"
#include "rehost/FileIO.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/core.h>

#include <memory>
#include <string>

namespace cli {
namespace {

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
    cli::print(stderr, "rehost: error: --facts-out {}: {}\n", Path.str(),
               llvm::toString(std::move(Err)));
    return false;
  }
  return true;
}

int runScan(const rehost::ScanRequest &Request, const ReportOptions &Options,
            const rehost::ToolConfig &Config, llvm::StringRef FactsOut) {
  auto Analysed = analyse(Request, Config);
  if (!Analysed) {
    cli::print(stderr, "rehost: error: {}\n",
               llvm::toString(Analysed.takeError()));
    return InputError;
  }
  if (!FactsOut.empty() && !writeFacts(*Analysed, FactsOut))
    return InputError;
  return reportScan(*Analysed, Options, Request.Quiet);
}

} // namespace

Subcommand addScanCommand(CLI::App &App, CommandLine &Shared) {
  CLI::App *Scan = App.add_subcommand(
      "scan", "Report every hardcoded Redis endpoint; change nothing");
  addProjectOptions(*Scan, Shared);
  addReportOptions(*Scan, Shared.Options);
  auto FactsOut = std::make_unique<std::string>();
  Scan->add_option("--facts-out", *FactsOut,
                   "Also write what the scan learnt, for `rehost merge`");
  // Hidden, a test hook: the pre-filter's pass by names with fixed names,
  // in place of those issue 25's analysis gives.
  Scan->add_option_function<std::vector<std::string>>(
          "--prefilter-names",
          [&Shared](const std::vector<std::string> &Names) {
            llvm::StringSet<> Fixed;
            for (const std::string &Name : Names)
              Fixed.insert(Name);
            Shared.Request.DerivedNames =
                [Fixed](llvm::ArrayRef<rehost::TranslationUnitFacts>,
                        llvm::ArrayRef<rehost::UnitFlows>) { return Fixed; };
          },
          "Test hook: also parse the skipped units whose files spell one of "
          "NAMES (comma-separated), as if they named the project's own "
          "wrappers of a client")
      ->type_name("NAMES")
      ->delimiter(',')
      ->group("");
  Scan->footer("Exit status: 0 no findings, 1 findings, 2 usage or input "
               "error.");
  return {Scan, [&Shared, FactsOut = std::move(FactsOut)] {
            return withProjectConfig(
                Shared, {}, [&](const rehost::ToolConfig &Config) {
                  return runScan(Shared.Request, Shared.Options, Config,
                                 *FactsOut);
                });
          }};
}

} // namespace cli
