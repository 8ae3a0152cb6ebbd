//===- UnitAnalysis.h - One translation unit's facts ----------------------===//

#ifndef REHOST_LIB_PROJECT_UNITANALYSIS_H
#define REHOST_LIB_PROJECT_UNITANALYSIS_H

#include "PreFilter.h"

#include "rehost/IncludeClosure.h"
#include "rehost/Project.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace rehost {

class FallbackDatabase;
class HeaderFilter;
struct ScanRequest;

/// The facts of unit \p File: parsed with each of its commands in
/// \p Database, adjusted by \p Adjust, keeping the sites of the main file and
/// of the headers \p Headers admits. Not parsed when \p PreFilter (null:
/// none) shows it cannot hold a site. What the unit has to say (warnings,
/// the compiler's messages) goes to \p Log, paths relative to \p Root.
/// When the pre-filter skips it, its commands go to \p Skipped (if given),
/// for the pass by names.
TranslationUnitFacts
analyseUnit(const FallbackDatabase &Database, const std::string &File,
            const ScanRequest &Request,
            const clang::tooling::ArgumentsAdjuster &Adjust,
            const HeaderFilter &Headers, llvm::StringRef Root,
            IncludeScanner::Worker *PreFilter, llvm::raw_ostream &Log,
            std::vector<SkippedCommand> *Skipped = nullptr);

/// The facts of unit \p File parsed, whatever the pre-filter would say: the
/// parse of analyseUnit, for a unit it has already seen exists.
TranslationUnitFacts parseUnit(const FallbackDatabase &Database,
                               const std::string &File,
                               const clang::tooling::ArgumentsAdjuster &Adjust,
                               const HeaderFilter &Headers,
                               llvm::StringRef Root, llvm::raw_ostream &Log);

} // namespace rehost

#endif // REHOST_LIB_PROJECT_UNITANALYSIS_H
