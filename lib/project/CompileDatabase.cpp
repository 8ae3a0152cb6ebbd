//===- CompileDatabase.cpp - The compile commands a scan parses with ------===//

#include "CompileDatabase.h"

#include "rehost/Paths.h"

#include "rehost/ProjectRoot.h"
#include "rehost/Scanner.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <optional>

using namespace clang::tooling;

namespace rehost {
namespace {

constexpr llvm::StringLiteral DatabaseName = "compile_commands.json";

llvm::Error inputError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// The ways to get a database, for the messages that find none.
constexpr llvm::StringLiteral WaysOut =
    "generate one with 'cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON' (it is "
    "written in the build directory) or 'bear -- make', or give compiler "
    "flags after '--' to parse FILES without one";

/// "PATH:LINE:COLUMN: reason" when \p Path is not JSON. LLVM's reader is a
/// YAML parser that reads a truncated file as far as it goes, so JSON is
/// checked first: a half-written database must not drop entries unseen.
std::optional<std::string> jsonSyntaxError(llvm::StringRef Path,
                                           llvm::StringRef Contents) {
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Contents);
  if (Parsed)
    return std::nullopt;
  // llvm::json words it "[LINE:COLUMN, byte=OFFSET]: reason".
  std::string Message = llvm::toString(Parsed.takeError());
  llvm::StringRef Rest = Message;
  llvm::StringRef Line, Column;
  if (Rest.consume_front("[")) {
    std::tie(Line, Rest) = Rest.split(':');
    std::tie(Column, Rest) = Rest.split(',');
    Rest = Rest.split("]: ").second;
    unsigned L = 0, C = 0;
    // Its column is that of the last character read: 0 at a line's start.
    if (!Line.getAsInteger(10, L) && !Column.getAsInteger(10, C) &&
        !Rest.empty())
      return (Path + ":" + llvm::Twine(L) + ":" + llvm::Twine(std::max(C, 1u)) +
              ": not valid JSON: " + Rest)
          .str();
  }
  return (Path + ": not valid JSON: " + Message).str();
}

llvm::Expected<std::unique_ptr<CompilationDatabase>>
loadJsonDatabase(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return inputError("cannot read the compilation database " + Path + ": " +
                      Buffer.getError().message());
  if (std::optional<std::string> Syntax =
          jsonSyntaxError(Path, (*Buffer)->getBuffer()))
    return inputError("cannot read the compilation database " + *Syntax);
  std::string Error;
  std::unique_ptr<CompilationDatabase> Database =
      JSONCompilationDatabase::loadFromFile(Path, Error,
                                            JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    return inputError("cannot read the compilation database " + Path +
                      ": not a compilation database: " + Error);
  return std::move(Database);
}

/// The database in \p Dir: its compile_commands.json, else what Clang's
/// plugins find there (compile_flags.txt); null when there is none.
llvm::Expected<std::unique_ptr<CompilationDatabase>>
loadFromDirectory(llvm::StringRef Dir, std::string &DatabasePath) {
  llvm::SmallString<256> Json(Dir);
  llvm::sys::path::append(Json, DatabaseName);
  if (llvm::sys::fs::exists(Json)) {
    DatabasePath = std::string(Json);
    return loadJsonDatabase(Json);
  }
  llvm::SmallString<256> Flags(Dir);
  llvm::sys::path::append(Flags, "compile_flags.txt");
  if (!llvm::sys::fs::exists(Flags))
    return nullptr;
  std::string Error;
  DatabasePath = std::string(Flags);
  auto Database = CompilationDatabase::loadFromDirectory(Dir, Error);
  if (!Database)
    return inputError("cannot read " + Flags + ": " + Error);
  return std::move(Database);
}

} // namespace

FallbackDatabase::FallbackDatabase(std::unique_ptr<CompilationDatabase> Project,
                                   std::string DatabasePath)
    : Project(std::move(Project)), DatabasePath(std::move(DatabasePath)) {
  if (this->Project)
    for (const std::string &File : this->Project->getAllFiles())
      Listed.insert(File);
}

std::vector<CompileCommand>
FallbackDatabase::getCompileCommands(llvm::StringRef File) const {
  if (Listed.contains(File))
    return Project->getCompileCommands(File);
  // The `--` arguments are appended to every command by an adjuster.
  return {CompileCommand(currentDirectory(), File,
                         {"rehost-fallback", File.str()}, "")};
}

llvm::Expected<std::unique_ptr<FallbackDatabase>>
loadDatabase(const ScanRequest &Request, llvm::StringRef Start) {
  std::unique_ptr<CompilationDatabase> Project;
  std::string DatabasePath;
  if (!Request.BuildDir.empty()) {
    std::string BuildDir = absolutePath(Request.BuildDir);
    if (!llvm::sys::fs::exists(BuildDir))
      return inputError("-p '" + Request.BuildDir +
                        "': no such file or directory");
    if (!llvm::sys::fs::is_directory(BuildDir)) {
      // -p may name the database itself, as clang-tidy allows.
      auto Loaded = loadJsonDatabase(BuildDir);
      if (!Loaded)
        return Loaded.takeError();
      Project = std::move(*Loaded);
      DatabasePath = BuildDir;
    } else {
      auto Loaded = loadFromDirectory(BuildDir, DatabasePath);
      if (!Loaded)
        return Loaded.takeError();
      if (!*Loaded)
        return inputError("no " + DatabaseName + " in '" + Request.BuildDir +
                          "' (given with -p); " + WaysOut);
      Project = std::move(*Loaded);
    }
  } else {
    // Upward from Start, as clang-tidy searches; unlike Clang's own search,
    // a broken database on the way is an error, not skipped.
    for (llvm::StringRef Dir = Start; !Dir.empty() && !Project;
         Dir = llvm::sys::path::parent_path(Dir)) {
      auto Loaded = loadFromDirectory(Dir, DatabasePath);
      if (!Loaded)
        return Loaded.takeError();
      Project = std::move(*Loaded);
    }
    if (!Project && !Request.HasExtraArgs)
      return inputError("no " + DatabaseName + " found in '" + Start +
                        "' or any parent directory; pass -p BUILD_DIR, " +
                        WaysOut);
  }
  return std::make_unique<FallbackDatabase>(std::move(Project),
                                            std::move(DatabasePath));
}

std::vector<std::string> entriesUnder(const CompilationDatabase &Database,
                                      llvm::StringRef Dir) {
  std::string Wanted = absolutePath(Dir);
  std::string WantedReal = realPath(Dir);
  std::vector<std::string> Out;
  for (const std::string &Entry : Database.getAllFiles()) {
    std::string Abs = absolutePath(Entry);
    if (isUnderDirectory(Abs, Wanted) || isUnderDirectory(Abs, WantedReal))
      Out.push_back(Entry);
  }
  llvm::sort(Out);
  return Out;
}

} // namespace rehost
