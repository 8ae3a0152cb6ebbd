//===- UnitAnalysis.cpp - One translation unit's facts --------------------===//

#include "UnitAnalysis.h"

#include "rehost/HiredisGeneration.h"
#include "rehost/Report.h"
#include "rehost/Scanner.h"
#include "rehost/SiteCollector.h"

#include "CompileDatabase.h"
#include "HeaderFilter.h"
#include "PreFilter.h"
#include "UnitDiagnostics.h"
#include "rehost/Paths.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"

using namespace clang;
using namespace clang::tooling;

namespace rehost {
namespace {

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

/// Records the hiredis version the unit sees, for fix's generation warning.
class HiredisVersionConsumer : public ASTConsumer {
public:
  HiredisVersionConsumer(const Preprocessor &PP, std::string &Version)
      : PP(PP), Version(Version) {}
  void HandleTranslationUnit(ASTContext &) override {
    Version = hiredisVersionOf(PP);
  }

private:
  const Preprocessor &PP;
  std::string &Version;
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
      std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                     llvm::StringRef) override {
        std::vector<std::unique_ptr<ASTConsumer>> Consumers;
        Consumers.push_back(
            createSiteCollector(Facts.Sites, Facts.MacroBodyUses, Facts.Flows));
        Consumers.push_back(std::make_unique<FileListConsumer>(Facts.Files));
        Consumers.push_back(std::make_unique<HiredisVersionConsumer>(
            CI.getPreprocessor(), Facts.HiredisVersion));
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

} // namespace

TranslationUnitFacts
analyseUnit(const FallbackDatabase &Database, const std::string &File,
            const ScanRequest &Request, const ArgumentsAdjuster &Adjust,
            llvm::StringRef Root, IncludeScanner::Worker *PreFilter,
            llvm::raw_ostream &Log,
            llvm::function_ref<TranslationUnitFacts()> Parse,
            std::vector<SkippedCommand> *Skipped) {
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
    if (Request.ExplainPreFilter)
      for (const std::string &How : Verdict.How)
        Log << "note: " << displayPath(File, Root) << ": pre-filter: " << How
            << "\n";
    if (Verdict.CannotHoldSite) {
      Facts.PreFiltered = true;
      Facts.MissingHeaders = std::move(Verdict.Missing);
      if (!Facts.MissingHeaders.empty() && !Request.Quiet)
        Log << "note: " << displayPath(File, Root) << ": "
            << missingHeadersReason(Facts.MissingHeaders) << "\n";
      if (Skipped)
        *Skipped = std::move(Verdict.Commands);
      return Facts;
    }
  }
  return Parse();
}

TranslationUnitFacts parseUnit(const FallbackDatabase &Database,
                               const std::string &File,
                               const ArgumentsAdjuster &Adjust,
                               const HeaderFilter &Headers,
                               llvm::StringRef Root, llvm::raw_ostream &Log) {
  TranslationUnitFacts Facts;
  Facts.MainFile = File;
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

std::string parseKey(const HeaderFilter &Headers) {
  return "clang " CLANG_VERSION_STRING "\nheaders " + Headers.key();
}

} // namespace rehost
