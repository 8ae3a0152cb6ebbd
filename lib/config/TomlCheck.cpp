//===- TomlCheck.cpp - The runtime's TOML guard, as an llvm::Error --------===//
//
// The guard itself is runtime/shared/toml_guard.cpp, which the runtime links
// too: one implementation refuses what toml++ 3.3.0 mishandles.
//
//===----------------------------------------------------------------------===//

#include "rehost/TomlCheck.h"

#include "toml_guard.hpp"

#include "llvm/ADT/Twine.h"

namespace rehost {

llvm::Error checkTomlText(llvm::StringRef Text, llvm::StringRef Path) {
  detail::TomlProblem Problem =
      detail::find_toml_problem({Text.data(), Text.size()});
  if (Problem.line == 0)
    return llvm::Error::success();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Path + ":" + llvm::Twine(Problem.line) + ":" +
                                     llvm::Twine(Problem.column) +
                                     ": invalid TOML: " + Problem.what);
}

} // namespace rehost
