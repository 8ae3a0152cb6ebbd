//===- ParallelScan.cpp - The units of a scan, run on -j threads ----------===//

#include "ParallelScan.h"

#include "rehost/IncludeClosure.h"
#include "rehost/LLVMCompat.h"
#include "rehost/Paths.h"
#include "rehost/Report.h"
#include "rehost/Scanner.h"

#include "rehost/FactsCache.h"

#include "CommandAdjuster.h"
#include "IncludeGraph.h"
#include "UnitAnalysis.h"
#include "UnitLog.h"

#include "llvm/Support/Threading.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

using namespace clang::tooling;

namespace rehost {

llvm::Expected<std::vector<TranslationUnitFacts>>
analyseAll(const FallbackDatabase &Database,
           const std::vector<std::string> &Files, const ScanRequest &Request,
           const HeaderFilter &Headers, llvm::StringRef Root,
           llvm::raw_ostream &Log) {
  std::vector<TranslationUnitFacts> Units(Files.size());
  unsigned Jobs = Request.Jobs
                      ? Request.Jobs
                      : std::max(1u, std::thread::hardware_concurrency());
  Jobs = static_cast<unsigned>(std::min<size_t>(Jobs, Files.size()));
  const ArgumentsAdjuster Adjust = commandAdjuster(Request);
  std::optional<IncludeScanner> Scanner;
  if (Request.PreFilter)
    Scanner.emplace();
  if (Scanner && Request.PreFilterFromFileFacts) {
    std::unique_ptr<FactsCache> Cache;
    if (Request.PreFilterCache) {
      auto Loaded = FactsCache::load(FactsCache::pathIn(Root));
      if (!Loaded)
        return Loaded.takeError();
      Cache = std::move(*Loaded);
    }
    Scanner->answerFromFileFacts(
        std::make_unique<IncludeGraph>(std::move(Cache)));
  }
  std::vector<std::string> Names;
  for (const std::string &File : Files)
    Names.push_back(displayPath(File, Root));
  UnitLog Logs(Log, std::move(Names), Request.Progress,
               Request.PlainProgressInterval);
  std::atomic<size_t> Next{0};
  auto Work = [&] {
    std::optional<IncludeScanner::Worker> PreFilter;
    if (Scanner)
      PreFilter.emplace(*Scanner);
    for (size_t I; (I = Next++) < Files.size();) {
      std::string Text;
      llvm::raw_string_ostream Out(Text);
      Units[I] = analyseUnit(Database, Files[I], Request, Adjust, Headers, Root,
                             PreFilter ? &*PreFilter : nullptr, Out);
      Out.flush();
      Logs.finish(I, std::move(Text), Units[I].Sites.size());
    }
  };
  if (Jobs <= 1) {
    Work();
  } else {
    // One task per thread, not per unit: a thread's pre-filter worker (its
    // dependency scanner's caches) serves every unit the thread takes.
    ThreadPool Pool(llvm::hardware_concurrency(Jobs));
    for (unsigned I = 0; I != Jobs; ++I)
      Pool.async(Work);
    Pool.wait();
  }
  if (IncludeGraph *Graph = Scanner ? Scanner->fileFacts() : nullptr) {
    if (Request.ExplainPreFilter)
      Log << "note: pre-filter: " << Graph->provenCount()
          << " commands answered from the files' facts, "
          << Graph->deferredCount() << " by the dependency scanner; "
          << Graph->filesRead() << " files read, " << Graph->filesCached()
          << " from the cache\n";
    // The cache only saves time: a run that cannot write it loses nothing.
    if (llvm::Error Err = Graph->saveCache())
      Log << "warning: the pre-filter's cache was not written: "
          << llvm::toString(std::move(Err)) << "\n";
  }
  return Units;
}

} // namespace rehost
