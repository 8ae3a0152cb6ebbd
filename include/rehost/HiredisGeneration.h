//===- HiredisGeneration.h - The project's hiredis against the runtime's --===//
//
// hiredis 0.14 and 1.x lay redisContext out differently, so code compiled
// against one generation cannot share contexts with a runtime built against
// the other (docs/runtime.md, "hiredis generations"). The runtime's headers
// refuse such a program at its first connect; fix says so while it reads the
// project, naming both versions.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_HIREDISGENERATION_H
#define REHOST_HIREDISGENERATION_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace clang {
class Preprocessor;
} // namespace clang

namespace rehost {

struct TranslationUnitFacts;

/// The hiredis a parsed unit sees ("1.3.1", read from HIREDIS_MAJOR, _MINOR
/// and _PATCH through macros that name others, as hiredict's shims' do), or
/// "" when it includes no hiredis.
std::string hiredisVersionOf(const clang::Preprocessor &PP);

/// The hiredis the runtime built and installed with this rehost links.
llvm::StringRef runtimeHiredisVersion();

/// One warning per hiredis version in \p Units whose generation (major
/// version) is not \p Runtime's, naming a unit that sees it.
std::vector<std::string>
hiredisGenerationWarnings(llvm::ArrayRef<TranslationUnitFacts> Units,
                          llvm::StringRef Runtime);

} // namespace rehost

#endif // REHOST_HIREDISGENERATION_H
