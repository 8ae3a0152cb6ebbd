//===- PreFilter.cpp - Whether a unit need be parsed at all ---------------===//

#include "PreFilter.h"

#include "rehost/Catalog.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <optional>
#include <set>

using namespace clang::tooling;

namespace rehost {
namespace {

/// Whether the text of \p Path could name a client API (see
/// mayNameClientApi); true when it cannot be read.
bool fileMayNameClientApi(llvm::StringRef Path, llvm::StringRef Directory) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Directory, Abs);
  auto Buffer = llvm::MemoryBuffer::getFile(Abs);
  return !Buffer || mayNameClientApi((*Buffer)->getBuffer());
}

/// \p Files (as the scanner lists them, from \p Directory), absolute.
std::vector<std::string> absoluteIn(llvm::StringRef Directory,
                                    const std::vector<std::string> &Files) {
  std::vector<std::string> Out;
  for (const std::string &File : Files) {
    llvm::SmallString<256> Abs(File);
    llvm::sys::fs::make_absolute(Directory, Abs);
    Out.emplace_back(Abs);
  }
  return Out;
}

/// The first file of \p Command's closure that spells one of \p Query's
/// identifiers.
std::optional<NamedIdentifier> firstNaming(const SkippedCommand &Command,
                                           const IdentifierQuery &Query,
                                           IncludeGraph &Files) {
  if (!Command.ScannerFiles)
    return Files.firstNaming(Command.CommandLine, Command.Directory,
                             Command.MainFile, Query);
  llvm::SmallString<256> Main(Command.MainFile);
  llvm::sys::fs::make_absolute(Command.Directory, Main);
  for (const std::string &File : *Command.ScannerFiles)
    if (std::shared_ptr<const IncludeFacts> Facts = Files.factsOf(File))
      if (std::optional<NamedIdentifier> Named =
              Query.in(*Facts, File, File == Main))
        return Named;
  return std::nullopt;
}

} // namespace

PreFilterVerdict preFilter(const CompilationDatabase &Database,
                           llvm::StringRef File,
                           const ArgumentsAdjuster &Adjust,
                           IncludeScanner::Worker &Scanner) {
  std::set<std::string> Missing;
  std::vector<std::string> How;
  std::vector<SkippedCommand> Skipped;
  for (const CompileCommand &Command : Database.getCompileCommands(File)) {
    SkippedCommand &Skip = Skipped.emplace_back();
    Skip.CommandLine = Adjust(Command.CommandLine, Command.Filename);
    Skip.Directory = Command.Directory;
    Skip.MainFile = Command.Filename;
    const CommandLineArguments &CommandLine = Skip.CommandLine;
    if (IncludeGraph *Graph = Scanner.scanner().fileFacts()) {
      IncludeGraph::Answer Answer =
          Graph->answer(CommandLine, Command.Directory, Command.Filename);
      if (Answer.CannotHoldSite) {
        How.push_back("no client header among the files' includes");
        continue;
      }
      How.push_back("asked the dependency scanner: " + Answer.Reason);
    }
    if (std::optional<std::vector<std::string>> Closure =
            Scanner.closure(CommandLine, Command.Directory)) {
      if (llvm::any_of(*Closure, isClientHeader))
        return {false, {}, std::move(How), {}};
      Skip.ScannerFiles = absoluteIn(Command.Directory, *Closure);
      continue;
    }
    auto Partial = Scanner.partialClosure(CommandLine, Command.Directory);
    if (!Partial || Partial->Missing.empty() ||
        llvm::any_of(Partial->Found, isClientHeader) ||
        llvm::any_of(Partial->Missing, isClientHeader) ||
        llvm::any_of(Partial->Found, [&](const std::string &Read) {
          return fileMayNameClientApi(Read, Command.Directory);
        }))
      return {false, {}, std::move(How), {}};
    Missing.insert(Partial->Missing.begin(), Partial->Missing.end());
    Skip.ScannerFiles = absoluteIn(Command.Directory, Partial->Found);
  }
  return {true, std::vector<std::string>(Missing.begin(), Missing.end()),
          std::move(How), std::move(Skipped)};
}

std::vector<std::optional<NamedIdentifier>>
unitsNaming(llvm::ArrayRef<const PreFilterVerdict *> Skipped,
            const llvm::StringSet<> &Identifiers,
            std::function<bool(llvm::StringRef)> Counts, IncludeGraph &Files) {
  IdentifierQuery Query(Identifiers, std::move(Counts));
  std::vector<std::optional<NamedIdentifier>> Named;
  for (const PreFilterVerdict *Unit : Skipped) {
    std::optional<NamedIdentifier> &First = Named.emplace_back();
    for (const SkippedCommand &Command : Unit->Commands)
      if ((First = firstNaming(Command, Query, Files)))
        break;
  }
  return Named;
}

} // namespace rehost
