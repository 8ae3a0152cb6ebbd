//===- Scanner.h - Runs phase one over a compilation database -------------===//

#ifndef REHOST_SCANNER_H
#define REHOST_SCANNER_H

#include "rehost/Project.h"

#include "llvm/Support/Error.h"

#include <functional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace rehost {

struct ScanRequest {
  /// Directory holding compile_commands.json; empty: search upward from the
  /// first file (or the working directory), as clang-tidy does.
  std::string BuildDir;
  /// Files to analyse; empty: every entry of the compilation database.
  std::vector<std::string> Files;
  /// Arguments after `--`: appended to every command, and the whole command
  /// for files the database does not know.
  std::vector<std::string> ExtraArgs;
  /// Whether `--` was given (it may be given with no arguments).
  bool HasExtraArgs = false;
  /// Files never parsed (.rehost.toml's exclude); none when unset.
  std::function<bool(llvm::StringRef)> IsExcluded;
};

/// Parses every requested translation unit and collects its sites. Errors
/// that stop the whole run (no compilation database) are returned; a file
/// that cannot be parsed is recorded in its facts and the others go on.
/// Warnings and the compiler's own errors go to \p Log.
llvm::Expected<std::vector<TranslationUnitFacts>>
collectFacts(const ScanRequest &Request, llvm::raw_ostream &Log);

} // namespace rehost

#endif // REHOST_SCANNER_H
