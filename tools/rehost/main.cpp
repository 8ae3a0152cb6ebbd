//===- main.cpp - The rehost command line ---------------------------------===//
//
// Flags in, library calls, exit code out. Exit codes: 0 nothing to report,
// 1 findings, 2 usage or input error.
//
//===----------------------------------------------------------------------===//

#include "rehost/Project.h"
#include "rehost/Report.h"
#include "rehost/Scanner.h"
#include "rehost/Version.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <string>
#include <vector>

namespace {

enum ExitCode { Clean = 0, Findings = 1, InputError = 2 };

struct ReportOptions {
  std::string Format = "text";
  std::string Output;
};

int runScan(const rehost::ScanRequest &Request, const ReportOptions &Options) {
  auto Units = rehost::collectFacts(Request, llvm::errs());
  if (!Units) {
    fmt::print(stderr, "rehost: error: {}\n", llvm::toString(Units.takeError()));
    return InputError;
  }
  llvm::SmallString<256> Root;
  llvm::sys::fs::current_path(Root);
  rehost::Report Report = rehost::resolveProject(*Units, Root);

  auto Format = rehost::parseFormat(Options.Format);
  if (!Format) {
    fmt::print(stderr, "rehost: error: {}\n", llvm::toString(Format.takeError()));
    return InputError;
  }
  if (Options.Output.empty()) {
    rehost::writeReport(Report, *Format, llvm::outs());
  } else {
    std::error_code EC;
    llvm::raw_fd_ostream Out(Options.Output, EC);
    if (EC) {
      fmt::print(stderr, "rehost: error: cannot write the report to '{}': {}\n",
                 Options.Output, EC.message());
      return InputError;
    }
    rehost::writeReport(Report, *Format, Out);
  }

  // The summary goes to stderr after the report, also when both are piped.
  llvm::outs().flush();
  rehost::Summary S = Report.computeSummary();
  fmt::print(stderr,
             "rehost: {} finding{} ({} hardcoded, {} partially hardcoded, {} "
             "credential{}) in {} file{}; {} translation unit{} scanned{}\n",
             S.Findings, S.Findings == 1 ? "" : "s", S.HardcodedEndpoints,
             S.PartiallyHardcoded, S.HardcodedCredentials,
             S.HardcodedCredentials == 1 ? "" : "s", S.FilesWithFindings,
             S.FilesWithFindings == 1 ? "" : "s", S.FilesScanned,
             S.FilesScanned == 1 ? "" : "s",
             S.FilesWithErrors ? fmt::format(", {} with errors", S.FilesWithErrors)
                               : "");
  if (S.FilesWithErrors)
    return InputError;
  return S.Findings ? Findings : Clean;
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

  ReportOptions Options;
  CLI::App *Scan = App.add_subcommand(
      "scan", "Report every hardcoded Redis endpoint; change nothing");
  Scan->add_option("-p,--build-dir", Request.BuildDir,
                   "Directory holding compile_commands.json (default: "
                   "searched upward from the first file)");
  Scan->add_option("--format", Options.Format,
                  "Report format: text, json or sarif")
      ->check(
          [](const std::string &Name) {
            // The library decides which formats exist; the CLI only asks.
            auto Parsed = rehost::parseFormat(Name);
            return Parsed ? std::string() : llvm::toString(Parsed.takeError());
          },
          "FORMAT")
      ->capture_default_str();
  Scan->add_option("-o,--output", Options.Output,
                   "Write the report to FILE instead of standard output");
  Scan->add_option("files", Request.Files,
                   "Files to scan (default: every entry of the compilation "
                   "database)");
  Scan->footer("Compiler flags after '--' are appended to every command and "
               "used alone for files the database does not list.\nExit "
               "status: 0 no findings, 1 findings, 2 usage or input error.");

  try {
    App.parse(OwnArgs, argv);
  } catch (const CLI::ParseError &E) {
    // Help and --version exit 0; every other parse error is a usage error.
    return App.exit(E) == 0 ? Clean : InputError;
  }
  return runScan(Request, Options);
}
