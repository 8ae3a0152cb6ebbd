//===- Scanner.cpp - Runs phase one over a compilation database -----------===//

#include "rehost/Scanner.h"

#include "rehost/Catalog.h"
#include "rehost/IncludeClosure.h"
#include "rehost/LLVMCompat.h"
#include "rehost/ProjectRoot.h"
#include "rehost/Report.h"
#include "rehost/SiteCollector.h"
#include "rehost/Toolchain.h"

#include "CompileDatabase.h"
#include "ScanPaths.h"
#include "UnitLog.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Frontend/TextDiagnostic.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
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

/// Clang's builtin headers (stddef.h, stdarg.h) live beside the Clang rehost
/// was built with, not beside the rehost binary.
ArgumentsAdjuster resourceDirAdjuster() {
  return [](const CommandLineArguments &Args, llvm::StringRef) {
    bool HasResourceDir = llvm::any_of(Args, [](const std::string &Arg) {
      llvm::StringRef Rest = Arg;
      return Rest.consume_front("-resource-dir");
    });
    if (HasResourceDir)
      return Args;
    CommandLineArguments Out = Args;
    Out.insert(Out.begin() + 1, ("-resource-dir=" + clangResourceDir()).str());
    return Out;
  };
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

/// The absolute path of the file \p PLoc names: the file Clang read (real
/// path) unless a #line directive renamed it.
std::string diagnosedFile(FullSourceLoc Loc, const PresumedLoc &PLoc) {
  llvm::StringRef Named = PLoc.getFilename();
  if (Loc.isValid() && Loc.hasManager()) {
    const SourceManager &SM = Loc.getManager();
    if (const FileEntry *Entry =
            SM.getFileEntryForID(SM.getFileID(SM.getFileLoc(Loc))))
      if (llvm::StringRef Real = Entry->tryGetRealPathName();
          !Real.empty() &&
          llvm::sys::path::filename(Real) == llvm::sys::path::filename(Named))
        return Real.str();
  }
  return absolutePath(Named);
}

/// Clang's own text diagnostics, with file names as findings show them:
/// relative to the project root when inside it.
class RootRelativeDiagnostic : public TextDiagnostic {
public:
  RootRelativeDiagnostic(llvm::raw_ostream &OS, const LangOptions &LangOpts,
                         DiagnosticOptions *Options, llvm::StringRef Root)
      : TextDiagnostic(OS, LangOpts, Options), Out(OS), Root(Root) {}

protected:
  void emitDiagnosticLoc(FullSourceLoc Loc, PresumedLoc PLoc,
                         DiagnosticsEngine::Level Level,
                         llvm::ArrayRef<CharSourceRange> Ranges) override {
    if (PLoc.isInvalid())
      return;
    Out << displayPath(diagnosedFile(Loc, PLoc), Root) << ':' << PLoc.getLine()
        << ':' << PLoc.getColumn() << ": ";
  }

  void emitIncludeLocation(FullSourceLoc Loc, PresumedLoc PLoc) override {
    if (PLoc.isInvalid()) {
      Out << "In included file:\n";
      return;
    }
    Out << "In file included from "
        << displayPath(diagnosedFile(Loc, PLoc), Root) << ':' << PLoc.getLine()
        << ":\n";
  }

private:
  llvm::raw_ostream &Out;
  llvm::StringRef Root;
};

/// Prints the compiler's diagnostics as its own printer would (paths
/// relative to the project root) and keeps the first error, so the reports
/// can say why a file failed and not only that it did.
class FirstErrorRecorder : public DiagnosticConsumer {
public:
  FirstErrorRecorder(llvm::raw_ostream &Log, llvm::StringRef Root)
      : Log(Log), Root(Root), Options(new DiagnosticOptions) {}

  void BeginSourceFile(const LangOptions &LangOpts,
                       const Preprocessor *PP) override {
    Text = std::make_unique<RootRelativeDiagnostic>(Log, LangOpts, &*Options,
                                                    Root);
  }
  void EndSourceFile() override { Text.reset(); }
  void finish() override { Log.flush(); }

  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    llvm::SmallString<256> Message;
    Info.FormatDiagnostic(Message);
    print(Level, Info, Message);
    if (Level < DiagnosticsEngine::Error || First)
      return;
    CompilerError E;
    E.Message = std::string(Message);
    if (Info.getLocation().isValid() && Info.hasSourceManager()) {
      FullSourceLoc Loc(Info.getLocation(), Info.getSourceManager());
      PresumedLoc Presumed =
          Loc.getManager().getPresumedLoc(Loc.getManager().getFileLoc(Loc));
      if (Presumed.isValid()) {
        E.File = diagnosedFile(Loc, Presumed);
        E.Line = Presumed.getLine();
        E.Column = Presumed.getColumn();
      }
    }
    First = std::move(E);
  }

  std::optional<CompilerError> takeFirst() {
    std::optional<CompilerError> Out = std::move(First);
    First.reset();
    return Out;
  }

private:
  void print(DiagnosticsEngine::Level Level, const Diagnostic &Info,
             llvm::StringRef Message) {
    std::string Text = Message.str();
    // The warning flag, as Clang's printer shows it ("[-Wnon-pod-varargs]").
    llvm::StringRef Flag = DiagnosticIDs::getWarningOptionForDiag(Info.getID());
    if (!Flag.empty() && Level >= DiagnosticsEngine::Warning)
      Text += (" [-W" + Flag + "]").str();
    if (!Info.getLocation().isValid() || !Info.hasSourceManager() ||
        !this->Text) {
      // The driver's own errors ("unknown argument") have no place.
      TextDiagnostic::printDiagnosticLevel(Log, Level, Options->ShowColors);
      TextDiagnostic::printDiagnosticMessage(Log,
                                             Level == DiagnosticsEngine::Note,
                                             Text, 0, 0, Options->ShowColors);
      Log.flush();
      return;
    }
    this->Text->emitDiagnostic(
        FullSourceLoc(Info.getLocation(), Info.getSourceManager()), Level, Text,
        Info.getRanges(), Info.getFixItHints());
    Log.flush();
  }

  llvm::raw_ostream &Log;
  std::string Root;
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> Options;
  std::unique_ptr<RootRelativeDiagnostic> Text;
  std::optional<CompilerError> First;
};

/// Which sites are reported: those in the main file, and those in headers
/// the --header-filter (or, by default, the project root) admits.
class HeaderFilter {
public:
  static llvm::Expected<HeaderFilter> create(llvm::StringRef Pattern,
                                             std::string Root) {
    HeaderFilter Out;
    Out.Root = std::move(Root);
    if (Pattern.empty())
      return std::move(Out);
    Out.Pattern.emplace(Pattern);
    std::string Error;
    if (!Out.Pattern->isValid(Error))
      return inputError("--header-filter: '" + Pattern +
                        "' is not a valid regular expression: " + Error);
    return std::move(Out);
  }

  bool admits(llvm::StringRef Header) const {
    if (Pattern)
      return Pattern->match(Header);
    return isUnderDirectory(Header, Root);
  }

private:
  std::string Root; ///< Real path.
  std::optional<llvm::Regex> Pattern;
};

/// Every adjustment the parse makes to a unit's command, in order.
ArgumentsAdjuster commandAdjuster(const ScanRequest &Request) {
  // What ClangTool does to every command: parse only, write nothing.
  std::vector<ArgumentsAdjuster> Steps = {
      getClangStripOutputAdjuster(), getClangSyntaxOnlyAdjuster(),
      getClangStripDependencyFileAdjuster()};
  // First, so flags the user adds on purpose are never dropped.
  if (Request.GccCompat)
    Steps.push_back(gccCompatAdjuster());
  if (!Request.ExtraArgsBefore.empty())
    Steps.push_back(
        getInsertArgumentAdjuster(CommandLineArguments(Request.ExtraArgsBefore),
                                  ArgumentInsertPosition::BEGIN));
  Steps.push_back(
      getInsertArgumentAdjuster(CommandLineArguments(Request.ExtraArgsAfter),
                                ArgumentInsertPosition::END));
  Steps.push_back(getInsertArgumentAdjuster(
      CommandLineArguments(Request.ExtraArgs), ArgumentInsertPosition::END));
  // The project's own warnings are not ours to report.
  Steps.push_back(getInsertArgumentAdjuster("-w", ArgumentInsertPosition::END));
  Steps.push_back(resourceDirAdjuster());
  // Last in the search order: the project's own flags win.
  std::vector<std::string> RuntimeDirs = Request.RuntimeIncludeDirs;
  if (RuntimeDirs.empty())
    for (llvm::StringRef Dir : runtimeIncludeDirs())
      RuntimeDirs.push_back(Dir.str());
  for (const std::string &Dir : RuntimeDirs)
    Steps.push_back(getInsertArgumentAdjuster({"-idirafter", Dir},
                                              ArgumentInsertPosition::END));
  ArgumentsAdjuster All;
  for (ArgumentsAdjuster &Step : Steps)
    All = combineAdjusters(std::move(All), std::move(Step));
  return All;
}

/// Whether the text of \p Path could name a client API (see
/// mayNameClientApi); true when it cannot be read.
bool fileMayNameClientApi(llvm::StringRef Path, llvm::StringRef Directory) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Directory, Abs);
  auto Buffer = llvm::MemoryBuffer::getFile(Abs);
  return !Buffer || mayNameClientApi((*Buffer)->getBuffer());
}

/// What the pre-filter decides before a unit is parsed.
struct PreFilterVerdict {
  /// No command of the unit can include a client library's header, so the
  /// unit cannot contain a site: it is not parsed.
  bool CannotHoldSite = false;
  /// The headers its includes name that do not exist, when it cannot hold a
  /// site all the same: no client header among those that could be found,
  /// none of the missing ones is one, and no file it reads names a client
  /// API. Its failure to compile hides nothing rehost looks for.
  std::vector<std::string> Missing;
};

/// The pre-filter's verdict on \p File. It may hold a site when the
/// scanner cannot tell.
PreFilterVerdict preFilter(const CompilationDatabase &Database,
                           llvm::StringRef File,
                           const ArgumentsAdjuster &Adjust,
                           IncludeScanner::Worker &Scanner) {
  std::set<std::string> Missing;
  for (const CompileCommand &Command : Database.getCompileCommands(File)) {
    CommandLineArguments CommandLine =
        Adjust(Command.CommandLine, Command.Filename);
    if (std::optional<std::vector<std::string>> Closure =
            Scanner.closure(CommandLine, Command.Directory)) {
      if (llvm::any_of(*Closure, isClientHeader))
        return {};
      continue;
    }
    auto Partial = Scanner.partialClosure(CommandLine, Command.Directory);
    if (!Partial || Partial->Missing.empty() ||
        llvm::any_of(Partial->Found, isClientHeader) ||
        llvm::any_of(Partial->Missing, isClientHeader) ||
        llvm::any_of(Partial->Found, [&](const std::string &Read) {
          return fileMayNameClientApi(Read, Command.Directory);
        }))
      return {};
    Missing.insert(Partial->Missing.begin(), Partial->Missing.end());
  }
  return {true, std::vector<std::string>(Missing.begin(), Missing.end())};
}

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
