//===- ParallelScan.h - The units of a scan, run on -j threads ------------===//

#ifndef REHOST_LIB_PROJECT_PARALLELSCAN_H
#define REHOST_LIB_PROJECT_PARALLELSCAN_H

#include "rehost/Project.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace rehost {

class FallbackDatabase;
class HeaderFilter;
struct ScanCoverage;
struct ScanRequest;

/// Every unit of \p Files, on Request.Jobs threads; the result and the log
/// are those of a serial run, in \p Files' order. With Request.DerivedNames,
/// then the pass by names: the skipped units that spell a name it gives are
/// parsed (logged after the first pass, in \p Files' order), their facts in
/// their skipped entries' places, until no unit is added. With --cache, the
/// parsed units' flows are kept in the summaries' cache (SummaryCache.h),
/// and a file-list run (Request.Files) gives the database's other units'
/// that it holds to the pass by names and in \p Coverage's CachedFlows.
/// Then the project's sinks are resolved once (in \p Coverage's Sinks) and
/// every password handed to one is masked in the facts, before the cache
/// is written. An error when a cache (--cache) is damaged.
llvm::Expected<std::vector<TranslationUnitFacts>>
analyseAll(const FallbackDatabase &Database,
           const std::vector<std::string> &Files, const ScanRequest &Request,
           const HeaderFilter &Headers, llvm::StringRef Root,
           llvm::raw_ostream &Log, ScanCoverage *Coverage);

} // namespace rehost

#endif // REHOST_LIB_PROJECT_PARALLELSCAN_H
