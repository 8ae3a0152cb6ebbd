//===- main.cpp - The rehost command line ---------------------------------===//
//
// Flags in, library calls, exit code out (see Driver.h): the table of
// subcommands, each in a file of its own (Subcommands.h).
//
//===----------------------------------------------------------------------===//

#include "OptionSpelling.h"
#include "Subcommands.h"

#include "rehost/Version.h"

#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/raw_ostream.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdio>
#include <string>
#include <vector>

using namespace cli;

namespace {

/// The subcommands, in the order --help lists them.
constexpr Subcommand (*const Subcommands[])(CLI::App &, CommandLine &) = {
    addScanCommand,     addMergeCommand, addCheckCommand,
    addBaselineCommand, addFixCommand,   addEnvCommand,
};

/// Everything after `--` goes to the compiler, as with clang-tidy: those
/// words go to \p Request; the number of words before them.
int takeCompilerFlags(int argc, char **argv, rehost::ScanRequest &Request) {
  for (int I = 1; I < argc; ++I) {
    if (std::string(argv[I]) == "--") {
      Request.HasExtraArgs = true;
      Request.ExtraArgs.assign(argv + I + 1, argv + argc);
      return I;
    }
  }
  return argc;
}

/// \p Result, or InputError when a write to stdout or stderr failed (a full
/// disk): the output is lost, so the run cannot pass, and LLVM would
/// otherwise abort at exit over the stream's error.
int checkedStreams(int Result) {
  bool Lost = false;
  for (llvm::raw_fd_ostream *Stream : {&llvm::outs(), &llvm::errs()}) {
    Stream->flush();
    if (Stream->has_error()) {
      Stream->clear_error();
      Lost = true;
    }
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout) || std::ferror(stderr))
    Lost = true;
  return Lost ? InputError : Result;
}

} // namespace

int main(int argc, char **argv) {
  CommandLine Shared;
  Shared.Argv0 = argv[0];
  int OwnArgs = takeCompilerFlags(argc, argv, Shared.Request);

  CLI::App App{"rehost: moves hardcoded Redis connections onto configuration",
               "rehost"};
  App.set_version_flag("--version", rehost::Version);
  App.require_subcommand(1);
  App.footer("Compiler flags after '--' are appended to every command and "
             "used alone for files the database does not list.");
  std::vector<Subcommand> Table;
  for (auto *Add : Subcommands)
    Table.push_back(Add(App, Shared));

  // Errors read as the tool's others do.
  App.failure_message([](const CLI::App *, const CLI::Error &E) {
    return "rehost: error: " + std::string(E.what()) +
           "\nRun with --help for more information.\n";
  });
  auto Normalised = cli::normaliseArgv(
      App, std::vector<std::string>(argv + 1, argv + OwnArgs));
  if (!Normalised) {
    cli::print(stderr, "rehost: error: {}\n",
               llvm::toString(Normalised.takeError()));
    return InputError;
  }
  std::vector<const char *> Words = {argv[0]};
  for (const std::string &Word : *Normalised)
    Words.push_back(Word.c_str());
  try {
    App.parse(static_cast<int>(Words.size()), Words.data());
  } catch (const CLI::ParseError &E) {
    // Help and --version exit 0; every other parse error is a usage error.
    return App.exit(E) == 0 ? Clean : InputError;
  }
  for (Subcommand &Command : Table)
    if (Command.Node->parsed())
      return checkedStreams(Command.Run());
  llvm_unreachable("CLI11 requires one subcommand");
}
