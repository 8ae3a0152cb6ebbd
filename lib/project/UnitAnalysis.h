//===- UnitAnalysis.h - One translation unit's facts ----------------------===//

#ifndef REHOST_LIB_PROJECT_UNITANALYSIS_H
#define REHOST_LIB_PROJECT_UNITANALYSIS_H

#include "PreFilter.h"

#include "rehost/IncludeClosure.h"
#include "rehost/Project.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace rehost {

class FallbackDatabase;
class HeaderFilter;
struct ScanRequest;

/// The facts of unit \p File, whose commands in \p Database are adjusted
/// by \p Adjust: from \p Parse (a parse, or the summaries' cache), unless
/// \p PreFilter (null: none) shows it cannot hold a site. What the unit has
/// to say (warnings, the compiler's messages) goes to \p Log, paths
/// relative to \p Root. When the pre-filter skips it, its commands go to
/// \p Skipped (if given), for the pass by names.
TranslationUnitFacts analyseUnit(
    const FallbackDatabase &Database, const std::string &File,
    const ScanRequest &Request, const clang::tooling::ArgumentsAdjuster &Adjust,
    llvm::StringRef Root, IncludeScanner::Worker *PreFilter,
    llvm::raw_ostream &Log, llvm::function_ref<TranslationUnitFacts()> Parse,
    std::vector<SkippedCommand> *Skipped = nullptr);

/// The facts of unit \p File parsed with each of its commands in
/// \p Database, adjusted by \p Adjust, keeping the sites of the main file
/// and of the headers \p Headers admits, whatever the pre-filter would say.
TranslationUnitFacts parseUnit(const FallbackDatabase &Database,
                               const std::string &File,
                               const clang::tooling::ArgumentsAdjuster &Adjust,
                               const HeaderFilter &Headers,
                               llvm::StringRef Root, llvm::raw_ostream &Log);

/// What parseUnit's facts depend on besides the unit's adjusted commands
/// and the text of the files it reads: the header filter, and the Clang
/// that parses. The summaries' cache keys the facts it keeps on it.
std::string parseKey(const HeaderFilter &Headers);

} // namespace rehost

#endif // REHOST_LIB_PROJECT_UNITANALYSIS_H
