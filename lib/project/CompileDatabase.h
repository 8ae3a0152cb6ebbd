//===- CompileDatabase.h - The compile commands a scan parses with --------===//
//
// The project's compilation database (compile_commands.json, or
// compile_flags.txt), found as clang-tidy finds it, and the command built
// from the `--` arguments for the files it does not list.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_PROJECT_COMPILEDATABASE_H
#define REHOST_LIB_PROJECT_COMPILEDATABASE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace rehost {

struct ScanRequest;

/// The project's database, plus a command built from the `--` arguments for
/// the files it does not list (with a warning, since flags may be missing).
/// Clang would otherwise borrow a neighbour's flags for such files without a
/// word, which hides why a parse went wrong.
class FallbackDatabase : public clang::tooling::CompilationDatabase {
public:
  FallbackDatabase(std::unique_ptr<clang::tooling::CompilationDatabase> Project,
                   std::string DatabasePath);

  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef File) const override;

  /// True when \p File gets the fallback command although the project has
  /// a database: its flags may be missing, which the unit's log says.
  bool fallsBack(llvm::StringRef File) const {
    return Project && !Listed.contains(File);
  }

  std::vector<std::string> getAllFiles() const override {
    return Project ? Project->getAllFiles() : std::vector<std::string>();
  }

  bool hasProject() const { return Project != nullptr; }
  llvm::StringRef databasePath() const { return DatabasePath; }

private:
  std::unique_ptr<clang::tooling::CompilationDatabase> Project;
  llvm::StringSet<> Listed;
  std::string DatabasePath;
};

/// The database \p Request names with -p, else the first found upward from
/// \p Start. None without `--` arguments, or a database that cannot be read,
/// is an error that says how to get one.
llvm::Expected<std::unique_ptr<FallbackDatabase>>
loadDatabase(const ScanRequest &Request, llvm::StringRef Start);

/// The database's entries under \p Dir, sorted.
std::vector<std::string>
entriesUnder(const clang::tooling::CompilationDatabase &Database,
             llvm::StringRef Dir);

} // namespace rehost

#endif // REHOST_LIB_PROJECT_COMPILEDATABASE_H
