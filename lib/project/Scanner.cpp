//===- Scanner.cpp - Runs phase one over a compilation database -----------===//

#include "rehost/Scanner.h"

#include "rehost/LLVMCompat.h"
#include "rehost/SiteCollector.h"
#include "rehost/Toolchain.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::tooling;

namespace rehost {
namespace {

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

std::string currentDirectory() {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return std::string(Cwd);
}

/// The project's database, plus a command built from the `--` arguments for
/// the files it does not list (with a warning, since flags may be missing).
/// Clang would otherwise borrow a neighbour's flags for such files without a
/// word, which hides why a parse went wrong.
class FallbackDatabase : public CompilationDatabase {
public:
  FallbackDatabase(std::unique_ptr<CompilationDatabase> Project,
                   std::string ProjectDir, llvm::raw_ostream &Log)
      : Project(std::move(Project)), ProjectDir(std::move(ProjectDir)),
        Log(Log) {
    if (this->Project)
      for (const std::string &File : this->Project->getAllFiles())
        Listed.insert(File);
  }

  std::vector<CompileCommand>
  getCompileCommands(llvm::StringRef File) const override {
    if (Listed.contains(File))
      return Project->getCompileCommands(File);
    if (Project)
      Log << "warning: " << File << " is not in " << ProjectDir
          << "/compile_commands.json; parsing it with the flags after '--' "
             "only\n";
    // The `--` arguments are appended to every command by an adjuster.
    return {CompileCommand(currentDirectory(), File,
                           {"rehost-fallback", File.str()}, "")};
  }

  std::vector<std::string> getAllFiles() const override {
    return Project ? Project->getAllFiles() : std::vector<std::string>();
  }

private:
  std::unique_ptr<CompilationDatabase> Project;
  llvm::StringSet<> Listed;
  std::string ProjectDir;
  llvm::raw_ostream &Log;
};

llvm::Error inputError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

llvm::Expected<std::unique_ptr<CompilationDatabase>>
loadDatabase(const ScanRequest &Request, llvm::ArrayRef<std::string> Files,
             llvm::raw_ostream &Log) {
  std::string Error;
  std::unique_ptr<CompilationDatabase> Project;
  std::string ProjectDir;
  if (!Request.BuildDir.empty()) {
    ProjectDir = absolutePath(Request.BuildDir);
    Project = CompilationDatabase::loadFromDirectory(ProjectDir, Error);
    if (!Project)
      return inputError("cannot load a compilation database from '" +
                        Request.BuildDir + "': " + Error);
  } else {
    std::string Start = Files.empty()
                            ? currentDirectory()
                            : llvm::sys::path::parent_path(Files.front()).str();
    Project = CompilationDatabase::autoDetectFromDirectory(Start, Error);
    if (!Project && !Request.HasExtraArgs)
      return inputError("no compile_commands.json found in '" + Start +
                        "' or any parent directory; pass -p BUILD_DIR, or give "
                        "compiler flags after '--'");
    ProjectDir = Start;
  }
  return std::make_unique<FallbackDatabase>(std::move(Project), ProjectDir,
                                            Log);
}

/// Clang's builtin headers (stddef.h, stdarg.h) live beside the Clang rehost
/// was built with, not beside the rehost binary.
ArgumentsAdjuster resourceDirAdjuster() {
  return [](const CommandLineArguments &Args, llvm::StringRef) {
    bool HasResourceDir = llvm::any_of(Args, [](const std::string &Arg) {
      return startsWith(Arg, "-resource-dir");
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

class CollectorFactory {
public:
  explicit CollectorFactory(TranslationUnitFacts &Facts) : Facts(Facts) {}
  std::unique_ptr<ASTConsumer> newASTConsumer() {
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(createSiteCollector(Facts.Sites, Facts.MacroBodyUses));
    Consumers.push_back(std::make_unique<FileListConsumer>(Facts.Files));
    return std::make_unique<MultiplexConsumer>(std::move(Consumers));
  }

private:
  TranslationUnitFacts &Facts;
};

TranslationUnitFacts analyse(CompilationDatabase &Database,
                             const std::string &File,
                             llvm::ArrayRef<std::string> ExtraArgs,
                             llvm::raw_ostream &Log) {
  TranslationUnitFacts Facts;
  Facts.MainFile = File;
  if (!llvm::sys::fs::exists(File)) {
    Facts.Error = "no such file";
    Log << File << ": error: no such file\n";
    return Facts;
  }
  ClangTool Tool(Database, {File});
  Tool.appendArgumentsAdjuster(getInsertArgumentAdjuster(
      CommandLineArguments(ExtraArgs.begin(), ExtraArgs.end()),
      ArgumentInsertPosition::END));
  // The project's own warnings are not ours to report.
  Tool.appendArgumentsAdjuster(
      getInsertArgumentAdjuster("-w", ArgumentInsertPosition::END));
  Tool.appendArgumentsAdjuster(resourceDirAdjuster());
  // Last in the search order: the project's own flags win.
  for (llvm::StringRef Dir : runtimeIncludeDirs())
    Tool.appendArgumentsAdjuster(getInsertArgumentAdjuster(
        {"-idirafter", Dir.str()}, ArgumentInsertPosition::END));

  CollectorFactory Factory(Facts);
  if (Tool.run(newFrontendActionFactory(&Factory).get()) != 0) {
    Facts.Error = "could not be parsed (the compiler's errors are above)";
    Log << File << ": error: " << Facts.Error << "\n";
  }
  return Facts;
}

} // namespace

llvm::Expected<std::vector<TranslationUnitFacts>>
collectFacts(const ScanRequest &Request, llvm::raw_ostream &Log) {
  std::vector<std::string> Files;
  for (const std::string &File : Request.Files)
    Files.push_back(absolutePath(File));

  auto Database = loadDatabase(Request, Files, Log);
  if (!Database)
    return Database.takeError();
  if (Files.empty()) {
    Files = (*Database)->getAllFiles();
    llvm::sort(Files);
    if (Files.empty())
      return inputError("no files to scan: the compilation database is empty "
                        "and no FILES were given");
  }

  std::vector<TranslationUnitFacts> Units;
  for (const std::string &File : Files)
    if (!Request.IsExcluded || !Request.IsExcluded(File))
      Units.push_back(analyse(**Database, File, Request.ExtraArgs, Log));
  return Units;
}

} // namespace rehost
