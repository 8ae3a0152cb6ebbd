//===- HiredisGeneration.cpp - The project's hiredis against the runtime's ===//

#include "rehost/HiredisGeneration.h"

#include "rehost/Project.h"

#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringMap.h"

#include <optional>

namespace rehost {
namespace {

/// The number macro \p Name stands for, following a macro that names another
/// (hiredict's `#define HIREDIS_MAJOR HIREDICT_MAJOR`) a few steps deep.
std::optional<unsigned> macroNumber(const clang::Preprocessor &PP,
                                    llvm::StringRef Name) {
  for (int Depth = 0; Depth != 4; ++Depth) {
    const clang::IdentifierInfo *Id = PP.getIdentifierInfo(Name);
    const clang::MacroInfo *Info = Id ? PP.getMacroInfo(Id) : nullptr;
    if (!Info || Info->getNumTokens() != 1)
      return std::nullopt;
    const clang::Token &Body = Info->getReplacementToken(0);
    if (Body.is(clang::tok::identifier)) {
      Name = Body.getIdentifierInfo()->getName();
      continue;
    }
    unsigned Number = 0;
    if (!Body.is(clang::tok::numeric_constant) ||
        llvm::StringRef(Body.getLiteralData(), Body.getLength())
            .getAsInteger(10, Number))
      return std::nullopt;
    return Number;
  }
  return std::nullopt;
}

llvm::StringRef majorOf(llvm::StringRef Version) {
  return Version.split('.').first;
}

} // namespace

std::string hiredisVersionOf(const clang::Preprocessor &PP) {
  std::string Version;
  for (llvm::StringRef Part :
       {"HIREDIS_MAJOR", "HIREDIS_MINOR", "HIREDIS_PATCH"}) {
    std::optional<unsigned> Number = macroNumber(PP, Part);
    if (!Number)
      return {};
    Version += (Version.empty() ? "" : ".") + std::to_string(*Number);
  }
  return Version;
}

llvm::StringRef runtimeHiredisVersion() {
  return REHOST_RUNTIME_HIREDIS_VERSION;
}

std::vector<std::string>
hiredisGenerationWarnings(llvm::ArrayRef<TranslationUnitFacts> Units,
                          llvm::StringRef Runtime) {
  llvm::StringMap<const TranslationUnitFacts *> FirstUnit;
  std::vector<std::string> Order;
  for (const TranslationUnitFacts &Unit : Units)
    if (!Unit.HiredisVersion.empty() &&
        majorOf(Unit.HiredisVersion) != majorOf(Runtime) &&
        FirstUnit.try_emplace(Unit.HiredisVersion, &Unit).second)
      Order.push_back(Unit.HiredisVersion);
  std::vector<std::string> Warnings;
  for (const std::string &Version : Order)
    Warnings.push_back(
        FirstUnit[Version]->MainFile + " is compiled against hiredis " +
        Version + ", but the rehost runtime is built against hiredis " +
        Runtime.str() +
        ": the migrated program would fail its first connect; build the "
        "runtime against hiredis " +
        majorOf(Version).str() +
        ".x (PKG_CONFIG_PATH naming its hiredis.pc; docs/runtime.md, "
        "\"hiredis generations\")");
  return Warnings;
}

} // namespace rehost
