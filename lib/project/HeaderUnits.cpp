//===- HeaderUnits.cpp - Headers among FILES, parsed through a unit -------===//

#include "HeaderUnits.h"

#include "rehost/IncludeClosure.h"
#include "rehost/Report.h"
#include "rehost/Scanner.h"

#include "CommandAdjuster.h"
#include "CompileDatabase.h"
#include "rehost/Paths.h"

#include "llvm/ADT/STLExtras.h"

#include <map>
#include <set>

using namespace clang::tooling;

namespace rehost {
namespace {

/// For each of \p Headers (real paths), the first unit of \p Database in
/// path order whose include closure holds it. One pass over the units,
/// which stops once every header has its unit; a header no unit includes
/// (or whose includers the scanner could not read) has none.
std::map<std::string, std::string> unitsIncluding(
    const FallbackDatabase &Database, const std::set<std::string> &Headers,
    const ArgumentsAdjuster &Adjust, IncludeScanner::Worker &Scanner) {
  std::map<std::string, std::string> Out;
  std::vector<std::string> Units = Database.getAllFiles();
  llvm::sort(Units);
  for (const std::string &Unit : Units) {
    if (Out.size() == Headers.size())
      break;
    for (const CompileCommand &Command : Database.getCompileCommands(Unit)) {
      std::optional<std::vector<std::string>> Closure = Scanner.closure(
          Adjust(Command.CommandLine, Command.Filename), Command.Directory);
      if (!Closure)
        continue;
      for (const std::string &File : *Closure)
        if (std::string Real = realPath(File); Headers.count(Real))
          Out.emplace(std::move(Real), absolutePath(Unit));
    }
  }
  return Out;
}

} // namespace

std::vector<std::string> throughIncludingUnits(std::vector<std::string> Files,
                                               const FallbackDatabase &Database,
                                               const ScanRequest &Request,
                                               llvm::StringRef Root,
                                               llvm::raw_ostream &Log) {
  auto IsUnlistedHeader = [&](const std::string &File) {
    return !isSourceFile(File) && Database.fallsBack(File);
  };
  std::set<std::string> Headers;
  for (const std::string &File : Files)
    if (IsUnlistedHeader(File))
      Headers.insert(realPath(File));
  std::map<std::string, std::string> Includers;
  if (!Headers.empty()) {
    IncludeScanner Scanner;
    IncludeScanner::Worker Worker(Scanner);
    Includers =
        unitsIncluding(Database, Headers, commandAdjuster(Request), Worker);
  }
  std::vector<std::string> Out;
  for (std::string &File : Files) {
    if (IsUnlistedHeader(File))
      if (auto It = Includers.find(realPath(File)); It != Includers.end()) {
        if (!Request.Quiet)
          Log << "note: " << displayPath(File, Root) << " is analysed as "
              << displayPath(It->second, Root) << " includes it\n";
        File = It->second;
      }
    if (!llvm::is_contained(Out, File))
      Out.push_back(std::move(File));
  }
  return Out;
}

} // namespace rehost
