//===- OptionSpelling.h - clang-tidy's spellings of rehost's options -----===//
//
// clang-tidy users type `-header-filter=.*`, `-p=build`, `-quiet`: LLVM's
// command-line library takes one dash before a long name. CLI11 reads
// `-header-filter` as `-h` followed by more, and `-p=build` as the path
// `=build`. Before CLI11 sees argv, each clang-tidy spelling rehost accepts
// becomes its long form, and every other single-dash word longer than one
// letter is refused with the right spelling, so an option the tool did not
// apply never exits 0. Unknown commands and options say "did you mean".
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_TOOLS_OPTIONSPELLING_H
#define REHOST_TOOLS_OPTIONSPELLING_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace cli {

/// \p Args (argv without the program name, up to `--`) as CLI11 must see
/// them for \p App: clang-tidy's single-dash spellings rewritten to rehost's
/// long options. An error, with the right spelling, for a word that is no
/// option or command of \p App.
llvm::Expected<std::vector<std::string>>
normaliseArgv(const CLI::App &App, llvm::ArrayRef<std::string> Args);

} // namespace cli

#endif // REHOST_TOOLS_OPTIONSPELLING_H
