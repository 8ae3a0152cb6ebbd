//===- Scanner.cpp - Runs phase one over a compilation database -----------===//

#include "rehost/Scanner.h"

#include "rehost/IncludeClosure.h"
#include "rehost/LLVMCompat.h"
#include "rehost/ProjectRoot.h"
#include "rehost/Report.h"
#include "rehost/SiteCollector.h"

#include "CommandAdjuster.h"
#include "CompileDatabase.h"
#include "HeaderFilter.h"
#include "PreFilter.h"
#include "ScanPaths.h"
#include "UnitDiagnostics.h"
#include "UnitLog.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <optional>
#include <set>
#include <thread>

using namespace clang;
using namespace clang::tooling;

namespace rehost {
namespace {

llvm::Error inputError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// Records every file the translation unit read, so --verify knows which
/// units an edited header reaches.
class FileListConsumer : public ASTConsumer {
public:
  explicit FileListConsumer(std::vector<std::string> &Files) : Files(Files) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    const SourceManager &SM = Ctx.getSourceManager();
    // The key is a FileEntry * in LLVM 14 and a FileEntryRef, which converts
    // to one, in LLVM 19.
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It)
      if (const FileEntry *Entry = It->getFirst();
          !Entry->tryGetRealPathName().empty())
        Files.push_back(Entry->tryGetRealPathName().str());
  }

private:
  std::vector<std::string> &Files;
};

/// Runs the site collector on one unit. As FrontendActionFactory does, but
/// the compiler's own messages ("1 error generated.") go to the unit's log,
/// so that units running in parallel never mix their output.
class CollectorAction : public FrontendActionFactory {
public:
  CollectorAction(TranslationUnitFacts &Facts, llvm::raw_ostream &Log)
      : Facts(Facts), Log(Log) {}

  std::unique_ptr<FrontendAction> create() override {
    class Action : public ASTFrontendAction {
    public:
      explicit Action(TranslationUnitFacts &Facts) : Facts(Facts) {}
      std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                     llvm::StringRef) override {
        std::vector<std::unique_ptr<ASTConsumer>> Consumers;
        Consumers.push_back(
            createSiteCollector(Facts.Sites, Facts.MacroBodyUses));
        Consumers.push_back(std::make_unique<FileListConsumer>(Facts.Files));
        return std::make_unique<MultiplexConsumer>(std::move(Consumers));
      }

    private:
      TranslationUnitFacts &Facts;
    };
    return std::make_unique<Action>(Facts);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *Diagnostics) override {
    CompilerInstance Compiler(std::move(PCHContainerOps));
    Compiler.setInvocation(std::move(Invocation));
    Compiler.setFileManager(Files);
    Compiler.setVerboseOutputStream(Log);
    // Declared after Compiler, so it is destroyed first.
    std::unique_ptr<FrontendAction> Action = create();
    Compiler.createDiagnostics(Diagnostics, /*ShouldOwnClient=*/false);
    if (!Compiler.hasDiagnostics())
      return false;
    Compiler.createSourceManager(*Files);
    bool Success = Compiler.ExecuteAction(*Action);
    Files->clearStatCache();
    return Success;
  }

private:
  TranslationUnitFacts &Facts;
  llvm::raw_ostream &Log;
};

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

/// \p Files with each header the database does not list replaced by a unit
/// that includes it, so the header is parsed with a real command.
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

TranslationUnitFacts
analyse(const FallbackDatabase &Database, const std::string &File,
        const ScanRequest &Request, const ArgumentsAdjuster &Adjust,
        const HeaderFilter &Headers, llvm::StringRef Root,
        IncludeScanner::Worker *PreFilter, llvm::raw_ostream &Log) {
  TranslationUnitFacts Facts;
  Facts.MainFile = File;
  if (!llvm::sys::fs::exists(File)) {
    // A database entry whose file is gone (a stale database).
    Facts.Error = "no such file";
    Log << displayPath(File, Root) << ": error: no such file\n";
    return Facts;
  }
  if (llvm::sys::fs::is_directory(File)) {
    // An entry such as `dir.c` that names a directory: the compiler would
    // only say it cannot read it.
    Facts.Error = "is a directory, not a source file";
    Log << displayPath(File, Root)
        << ": error: is a directory, not a source file (its compile "
           "database entry names a directory)\n";
    return Facts;
  }
  if (Database.fallsBack(File) && !Request.Quiet)
    Log << "warning: " << displayPath(File, Root) << " is not in "
        << displayPath(Database.databasePath(), Root)
        << "; parsing it with the flags after '--' only\n";
  if (PreFilter) {
    PreFilterVerdict Verdict = preFilter(Database, File, Adjust, *PreFilter);
    if (Verdict.CannotHoldSite) {
      Facts.PreFiltered = true;
      Facts.MissingHeaders = std::move(Verdict.Missing);
      if (!Facts.MissingHeaders.empty() && !Request.Quiet)
        Log << "note: " << displayPath(File, Root) << ": "
            << missingHeadersReason(Facts.MissingHeaders) << "\n";
      return Facts;
    }
  }
  FirstErrorRecorder Diagnostics(Log, Root);
  CollectorAction Action(Facts, Log);
  // Each unit has its own view of the file system, with the command's
  // working directory: the process's is shared by the parallel units.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
      llvm::vfs::createPhysicalFileSystem();
  bool Parsed = true;
  for (const CompileCommand &Command : Database.getCompileCommands(File)) {
    if (FS->setCurrentWorkingDirectory(Command.Directory)) {
      Log << displayPath(File, Root) << ": error: the compile command's "
          << "directory '" << Command.Directory << "' cannot be entered\n";
      Parsed = false;
      continue;
    }
    llvm::IntrusiveRefCntPtr<FileManager> Files(
        new FileManager(FileSystemOptions(), FS));
    ToolInvocation Invocation(Adjust(Command.CommandLine, Command.Filename),
                              &Action, Files.get(),
                              std::make_shared<PCHContainerOperations>());
    Invocation.setDiagnosticConsumer(&Diagnostics);
    Parsed &= Invocation.run();
  }
  if (!Parsed) {
    Facts.FirstError = Diagnostics.takeFirst();
    Facts.Error = "could not be parsed";
    if (const std::optional<CompilerError> &E = Facts.FirstError) {
      Facts.Error += ": ";
      if (!E->File.empty())
        Facts.Error += displayPath(E->File, Root) + ":" +
                       std::to_string(E->Line) + ":" +
                       std::to_string(E->Column) + ": ";
      Facts.Error += E->Message;
    }
    Log << displayPath(File, Root)
        << ": error: could not be parsed (the compiler's errors are above)\n";
  }

  std::string MainReal = realPath(File);
  llvm::erase_if(Facts.Sites, [&](const Site &S) {
    return S.File != MainReal && S.File != File && !Headers.admits(S.File);
  });
  return Facts;
}

/// Every unit of \p Files, on Request.Jobs threads; the result and the log
/// are those of a serial run, in \p Files' order.
std::vector<TranslationUnitFacts>
analyseAll(const FallbackDatabase &Database,
           const std::vector<std::string> &Files, const ScanRequest &Request,
           const HeaderFilter &Headers, llvm::StringRef Root,
           llvm::raw_ostream &Log) {
  std::vector<TranslationUnitFacts> Units(Files.size());
  unsigned Jobs = Request.Jobs
                      ? Request.Jobs
                      : std::max(1u, std::thread::hardware_concurrency());
  Jobs = static_cast<unsigned>(std::min<size_t>(Jobs, Files.size()));
  const ArgumentsAdjuster Adjust = commandAdjuster(Request);
  std::optional<IncludeScanner> Scanner;
  if (Request.PreFilter)
    Scanner.emplace();
  std::vector<std::string> Names;
  for (const std::string &File : Files)
    Names.push_back(displayPath(File, Root));
  UnitLog Logs(Log, std::move(Names), Request.Progress,
               Request.PlainProgressInterval);
  std::atomic<size_t> Next{0};
  auto Work = [&] {
    std::optional<IncludeScanner::Worker> PreFilter;
    if (Scanner)
      PreFilter.emplace(*Scanner);
    for (size_t I; (I = Next++) < Files.size();) {
      std::string Text;
      llvm::raw_string_ostream Out(Text);
      Units[I] = analyse(Database, Files[I], Request, Adjust, Headers, Root,
                         PreFilter ? &*PreFilter : nullptr, Out);
      Out.flush();
      Logs.finish(I, std::move(Text), Units[I].Sites.size());
    }
  };
  if (Jobs <= 1) {
    Work();
    return Units;
  }
  std::vector<std::thread> Threads;
  for (unsigned I = 0; I != Jobs; ++I)
    Threads.emplace_back(Work);
  for (std::thread &Thread : Threads)
    Thread.join();
  return Units;
}

/// A build directory's sources are generated or copied: not the project's.
bool isBuildDirectory(llvm::StringRef Dir) {
  for (llvm::StringRef Marker : {"compile_commands.json", "CMakeCache.txt"}) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Marker);
    if (llvm::sys::fs::exists(Path))
      return true;
  }
  return false;
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

std::vector<std::string>
findUncoveredSources(llvm::StringRef Root, llvm::ArrayRef<std::string> Covered,
                     const std::function<bool(llvm::StringRef)> &IsExcluded) {
  std::set<std::string> Known;
  for (const std::string &File : Covered) {
    Known.insert(absolutePath(File));
    Known.insert(realPath(File));
  }
  std::vector<std::string> Out;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator
           It(Root, EC, /*follow_symlinks=*/false),
       End;
       It != End && !EC; It.increment(EC)) {
    llvm::StringRef Path = It->path();
    if (It->type() == llvm::sys::fs::file_type::directory_file) {
      if (llvm::sys::path::filename(Path) == ".git" || isBuildDirectory(Path) ||
          (IsExcluded && IsExcluded(Path)))
        It.no_push();
      continue;
    }
    if (!isSourceFile(Path) || (IsExcluded && IsExcluded(Path)))
      continue;
    std::string Abs = absolutePath(Path);
    if (!Known.count(Abs) && !Known.count(realPath(Abs)))
      Out.push_back(std::move(Abs));
  }
  llvm::sort(Out);
  return Out;
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
  return analyseAll(**Database, Files, Request, *Headers, Root, Log);
}

} // namespace rehost
