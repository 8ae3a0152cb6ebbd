//===- Scanner.cpp - Runs phase one over a compilation database -----------===//
//
// The run's units (FILES, else every database entry; directories, headers,
// --exclude and --shard applied), handed to the parallel run.
//
//===----------------------------------------------------------------------===//

#include "rehost/Scanner.h"

#include "rehost/ProjectRoot.h"

#include "CompileDatabase.h"
#include "HeaderFilter.h"
#include "HeaderUnits.h"
#include "ParallelScan.h"
#include "rehost/Paths.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace rehost {
namespace {

llvm::Error inputError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

} // namespace

llvm::Error parseShard(llvm::StringRef Text, ScanRequest &Request) {
  auto [K, N] = Text.split('/');
  unsigned Index = 0, Count = 0;
  if (K.getAsInteger(10, Index) || N.getAsInteger(10, Count) || Count == 0 ||
      Index == 0 || Index > Count)
    return inputError("--shard: '" + Text +
                      "' is not K/N with 1 <= K <= N (e.g. 2/4)");
  Request.ShardIndex = Index - 1;
  Request.ShardCount = Count;
  return llvm::Error::success();
}

llvm::Expected<std::vector<TranslationUnitFacts>>
collectFacts(const ScanRequest &Request, llvm::raw_ostream &Log,
             ScanCoverage *Coverage) {
  std::string Root =
      Request.Root.empty() ? currentDirectory() : absolutePath(Request.Root);
  // A FILE that does not exist is a mistake in the command, not a unit that
  // failed: say so before any work.
  for (const std::string &File : Request.Files)
    if (!llvm::sys::fs::exists(File))
      return inputError("no such file or directory: '" + File + "'");
  auto Headers = HeaderFilter::create(Request.HeaderFilter, realPath(Root));
  if (!Headers)
    return Headers.takeError();

  std::string Start = currentDirectory();
  if (!Request.Files.empty()) {
    std::string First = absolutePath(Request.Files.front());
    Start = llvm::sys::fs::is_directory(First)
                ? First
                : llvm::sys::path::parent_path(First).str();
  }
  auto Database = loadDatabase(Request, Start);
  if (!Database)
    return Database.takeError();

  std::vector<std::string> Files;
  for (const std::string &File : Request.Files) {
    if (!llvm::sys::fs::is_directory(File)) {
      Files.push_back(absolutePath(File));
      continue;
    }
    // A directory stands for the database's entries under it.
    std::vector<std::string> Entries = entriesUnder(**Database, File);
    if (Entries.empty())
      return inputError(
          "'" + File + "' is a directory and " +
          ((*Database)->hasProject()
               ? "no entry of " + (*Database)->databasePath().str() +
                     " is under it"
               : std::string("there is no compilation database to list its "
                             "files")));
    Files.insert(Files.end(), Entries.begin(), Entries.end());
  }
  if (Request.HeadersThroughUnits && (*Database)->hasProject())
    Files =
        throughIncludingUnits(std::move(Files), **Database, Request, Root, Log);
  if (Files.empty()) {
    Files = (*Database)->getAllFiles();
    llvm::sort(Files);
    if (Files.empty() && !(*Database)->hasProject())
      return inputError("no files to scan: no FILES were given and there is "
                        "no compilation database to list them");
    if (Files.empty())
      return inputError("no files to scan: the compilation database " +
                        (*Database)->databasePath() +
                        " is empty and no FILES were given");
    // A root that holds none of the project's files is not its root (rehost
    // run from a home directory): searching it would be slow and useless.
    bool RootHoldsProject = llvm::any_of(Files, [&](const std::string &F) {
      return isUnderDirectory(absolutePath(F), Root);
    });
    if (Coverage && RootHoldsProject)
      Coverage->Uncovered =
          findUncoveredSources(Root, Files, Request.IsExcluded);
  }

  llvm::erase_if(Files, [&](const std::string &File) {
    return Request.IsExcluded && Request.IsExcluded(File);
  });
  if (Request.ShardCount > 1) {
    std::vector<std::string> Shard;
    for (size_t I = Request.ShardIndex; I < Files.size();
         I += Request.ShardCount)
      Shard.push_back(std::move(Files[I]));
    Files = std::move(Shard);
  }
  return analyseAll(**Database, Files, Request, *Headers, Root, Log, Coverage);
}

} // namespace rehost
