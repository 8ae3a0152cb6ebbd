//===- PreFilter.cpp - Whether a unit need be parsed at all ---------------===//

#include "PreFilter.h"

#include "IncludeGraph.h"

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

} // namespace

PreFilterVerdict preFilter(const CompilationDatabase &Database,
                           llvm::StringRef File,
                           const ArgumentsAdjuster &Adjust,
                           IncludeScanner::Worker &Scanner) {
  std::set<std::string> Missing;
  std::vector<std::string> How;
  for (const CompileCommand &Command : Database.getCompileCommands(File)) {
    CommandLineArguments CommandLine =
        Adjust(Command.CommandLine, Command.Filename);
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
        return {false, {}, std::move(How)};
      continue;
    }
    auto Partial = Scanner.partialClosure(CommandLine, Command.Directory);
    if (!Partial || Partial->Missing.empty() ||
        llvm::any_of(Partial->Found, isClientHeader) ||
        llvm::any_of(Partial->Missing, isClientHeader) ||
        llvm::any_of(Partial->Found, [&](const std::string &Read) {
          return fileMayNameClientApi(Read, Command.Directory);
        }))
      return {false, {}, std::move(How)};
    Missing.insert(Partial->Missing.begin(), Partial->Missing.end());
  }
  return {true, std::vector<std::string>(Missing.begin(), Missing.end()),
          std::move(How)};
}

} // namespace rehost
