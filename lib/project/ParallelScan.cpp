//===- ParallelScan.cpp - The units of a scan, run on -j threads ----------===//

#include "ParallelScan.h"

#include "rehost/Catalog.h"
#include "rehost/IncludeClosure.h"
#include "rehost/LLVMCompat.h"
#include "rehost/Paths.h"
#include "rehost/Report.h"
#include "rehost/Scanner.h"

#include "rehost/DerivedSites.h"
#include "rehost/FactsCache.h"
#include "rehost/SummaryCache.h"

#include "CommandAdjuster.h"
#include "CompileDatabase.h"
#include "HeaderFilter.h"
#include "IncludeGraph.h"
#include "PreFilter.h"
#include "UnitAnalysis.h"
#include "UnitLog.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Threading.h"

#include <algorithm>
#include <atomic>
#include <numeric>
#include <optional>
#include <thread>

using namespace clang::tooling;

namespace rehost {
namespace {

/// What every unit of a run shares.
struct UnitRun {
  const FallbackDatabase &Database;
  const std::vector<std::string> &Files;
  const ScanRequest &Request;
  const ArgumentsAdjuster &Adjust;
  const HeaderFilter &Headers;
  llvm::StringRef Root;
  llvm::raw_ostream &Log;
  unsigned Jobs;
  /// How the log names each unit.
  std::vector<std::string> Names;
  /// --cache: parsed units' facts kept across runs; null without.
  SummaryCache *Summaries = nullptr;
  /// What the parse depends on besides commands and files (parseKey).
  std::string ParseKey = {};
  /// How many units were parsed, and how many taken from the summaries'
  /// cache instead (--prefilter=explain counts them); the units' threads
  /// count.
  mutable std::atomic<size_t> Parsed{0}, FromCache{0};
};

/// Gives unit I's facts; its text goes to the stream. With the thread's
/// pre-filter worker, if there is a pre-filter.
using UnitTask = llvm::function_ref<TranslationUnitFacts(
    size_t, IncludeScanner::Worker *, llvm::raw_ostream &)>;

/// The units \p Indices of \p Units, analysed by \p Analyse on the run's
/// threads, each unit's log whole and in \p Indices' order.
void runUnits(const UnitRun &Run, llvm::ArrayRef<size_t> Indices,
              IncludeScanner *Scanner, std::vector<TranslationUnitFacts> &Units,
              UnitTask Analyse) {
  std::vector<std::string> PassNames;
  for (size_t I : Indices)
    PassNames.push_back(Run.Names[I]);
  UnitLog Logs(Run.Log, std::move(PassNames), Run.Request.Progress,
               Run.Request.PlainProgressInterval);
  std::atomic<size_t> Next{0};
  auto Work = [&] {
    std::optional<IncludeScanner::Worker> PreFilter;
    if (Scanner)
      PreFilter.emplace(*Scanner);
    for (size_t K; (K = Next++) < Indices.size();) {
      std::string Text;
      llvm::raw_string_ostream Out(Text);
      size_t I = Indices[K];
      Units[I] = Analyse(I, PreFilter ? &*PreFilter : nullptr, Out);
      Out.flush();
      Logs.finish(K, std::move(Text), Units[I].Sites.size());
    }
  };
  unsigned Jobs =
      static_cast<unsigned>(std::min<size_t>(Run.Jobs, Indices.size()));
  if (Jobs <= 1) {
    Work();
    return;
  }
  // One task per thread, not per unit: a thread's pre-filter worker (its
  // dependency scanner's caches) serves every unit the thread takes.
  ThreadPool Pool(llvm::hardware_concurrency(Jobs));
  for (unsigned I = 0; I != Jobs; ++I)
    Pool.async(Work);
  Pool.wait();
}

/// What each command of the unit \p File runs, as the summaries' cache
/// keys it: its directory and its arguments as the parse adjusts them.
std::vector<std::string> commandsOf(const FallbackDatabase &Database,
                                    const std::string &File,
                                    const ArgumentsAdjuster &Adjust) {
  std::vector<std::string> Out;
  for (const CompileCommand &Command : Database.getCompileCommands(File)) {
    std::string Text = Command.Directory;
    for (const std::string &Arg : Adjust(Command.CommandLine, Command.Filename))
      (Text += '\0') += Arg;
    Out.push_back(std::move(Text));
  }
  return Out;
}

/// Unit I's facts as its parse would give them, from the summaries' cache,
/// when its entry still holds them. A unit not in the database is parsed, so
/// the log says with which flags.
std::optional<TranslationUnitFacts> cachedFacts(const UnitRun &Run, size_t I) {
  const std::string &File = Run.Files[I];
  if (!Run.Summaries || Run.Database.fallsBack(File))
    return std::nullopt;
  return Run.Summaries->findFacts(
      realPath(File), commandsOf(Run.Database, File, Run.Adjust), Run.ParseKey);
}

/// Unit I's facts: \p Cached (cachedFacts) in place of its parse, else
/// parsed.
TranslationUnitFacts parsedOrCached(const UnitRun &Run, size_t I,
                                    std::optional<TranslationUnitFacts> Cached,
                                    llvm::raw_ostream &Out) {
  if (!Cached) {
    ++Run.Parsed;
    return parseUnit(Run.Database, Run.Files[I], Run.Adjust, Run.Headers,
                     Run.Root, Out);
  }
  ++Run.FromCache;
  if (Run.Request.ExplainPreFilter)
    Out << "note: " << Run.Names[I]
        << ": summaries' cache: its facts taken from it, not parsed\n";
  // As this run names the unit (a file-list run may spell it otherwise).
  Cached->MainFile = Run.Files[I];
  return std::move(*Cached);
}

/// The pass by names (PreFilter.h): the skipped units of \p Units that spell
/// a name Request.DerivedNames gives are parsed, their facts in their
/// entries' places, and the names asked again, until no unit is added. Each
/// skipped unit's commands are in \p Skipped, its files' identifiers in
/// \p FileFacts. How many units it parsed.
size_t parseUnitsNamed(const UnitRun &Run,
                       std::vector<TranslationUnitFacts> &Units,
                       llvm::ArrayRef<UnitFlows> Cached,
                       llvm::ArrayRef<PreFilterVerdict> Skipped,
                       IncludeGraph &FileFacts) {
  auto Counts = [&](llvm::StringRef File) {
    return Run.Headers.admits(realPath(File));
  };
  llvm::StringSet<> Asked;
  std::vector<std::optional<NamedIdentifier>> Why(Units.size());
  size_t Parsed = 0;
  for (;;) {
    std::vector<size_t> Left;
    std::vector<const PreFilterVerdict *> Verdicts;
    for (size_t I = 0; I != Units.size(); ++I)
      if (Units[I].PreFiltered) {
        Left.push_back(I);
        Verdicts.push_back(&Skipped[I]);
      }
    if (Left.empty())
      return Parsed;
    // The units left spell none of the names asked before.
    llvm::StringSet<> New;
    for (const auto &Name : Run.Request.DerivedNames(Units, Cached))
      if (Asked.insert(Name.getKey()).second)
        New.insert(Name.getKey());
    if (New.empty())
      return Parsed;
    std::vector<std::optional<NamedIdentifier>> Named =
        unitsNaming(Verdicts, New, Counts, FileFacts);
    std::vector<size_t> Picked;
    for (size_t K = 0; K != Left.size(); ++K)
      if (Named[K]) {
        Picked.push_back(Left[K]);
        Why[Left[K]] = std::move(Named[K]);
      }
    if (Picked.empty())
      return Parsed;
    Parsed += Picked.size();
    runUnits(Run, Picked, nullptr, Units,
             [&](size_t I, IncludeScanner::Worker *, llvm::raw_ostream &Out) {
               if (Run.Request.ExplainPreFilter)
                 Out << "note: " << Run.Names[I]
                     << ": pre-filter: parsed after all: "
                     << displayPath(Why[I]->File, Run.Root) << " names "
                     << Why[I]->Identifier << "\n";
               return parsedOrCached(Run, I, cachedFacts(Run, I), Out);
             });
  }
}

/// The flows \p Cache keeps of the database's units that are not \p Files
/// (nor excluded), when their key still holds.
std::vector<UnitFlows> flowsNotParsed(const UnitRun &Run, SummaryCache &Cache) {
  llvm::StringSet<> Seen;
  for (const std::string &File : Run.Files)
    Seen.insert(realPath(File));
  std::vector<std::string> Others = Run.Database.getAllFiles();
  llvm::sort(Others);
  std::vector<UnitFlows> Out;
  size_t Missed = 0;
  for (const std::string &Other : Others) {
    if ((Run.Request.IsExcluded && Run.Request.IsExcluded(Other)) ||
        !Seen.insert(realPath(Other)).second)
      continue;
    if (std::optional<UnitFlows> Flows = Cache.findFlows(
            realPath(Other), commandsOf(Run.Database, Other, Run.Adjust)))
      Out.push_back(std::move(*Flows));
    else
      ++Missed;
  }
  if (Run.Request.ExplainPreFilter)
    Run.Log << "note: summaries' cache: the flows of " << Out.size() << " unit"
            << (Out.size() == 1 ? "" : "s") << " not parsed taken from it, "
            << Missed << " not cached or stale\n";
  return Out;
}

/// Keeps the facts of the units of \p Units that were parsed whole;
/// \p Masked: whether each one's were masked since the parse (those stand
/// in for no later parse).
void keepSummaries(const UnitRun &Run,
                   llvm::ArrayRef<TranslationUnitFacts> Units,
                   const std::vector<bool> &Masked, SummaryCache &Cache) {
  for (size_t I = 0; I != Units.size(); ++I) {
    const TranslationUnitFacts &Unit = Units[I];
    // A unit the compiler refused is parsed again: its log is the news.
    if (Unit.PreFiltered || !Unit.Error.empty())
      continue;
    std::optional<llvm::StringRef> ParseKey;
    if (!Masked[I])
      ParseKey = Run.ParseKey;
    Cache.insert(realPath(Run.Files[I]),
                 commandsOf(Run.Database, Run.Files[I], Run.Adjust), Unit,
                 ParseKey);
  }
}

} // namespace

llvm::Expected<std::vector<TranslationUnitFacts>>
analyseAll(const FallbackDatabase &Database,
           const std::vector<std::string> &Files, const ScanRequest &Request,
           const HeaderFilter &Headers, llvm::StringRef Root,
           llvm::raw_ostream &Log, ScanCoverage *Coverage) {
  std::vector<TranslationUnitFacts> Units(Files.size());
  const ArgumentsAdjuster Adjust = commandAdjuster(Request);
  UnitRun Run{Database,
              Files,
              Request,
              Adjust,
              Headers,
              Root,
              Log,
              Request.Jobs ? Request.Jobs
                           : std::max(1u, std::thread::hardware_concurrency()),
              {}};
  for (const std::string &File : Files)
    Run.Names.push_back(displayPath(File, Root));
  std::optional<IncludeScanner> Scanner;
  if (Request.PreFilter)
    Scanner.emplace();
  if (Scanner && Request.PreFilterFromFileFacts) {
    std::unique_ptr<FactsCache> Cache;
    if (Request.Cache) {
      auto Loaded = FactsCache::load(FactsCache::pathIn(Root));
      if (!Loaded)
        return Loaded.takeError();
      Cache = std::move(*Loaded);
    }
    Scanner->answerFromFileFacts(
        std::make_unique<IncludeGraph>(std::move(Cache)));
  }
  // A file-list run follows the other units' flows from the summaries'
  // cache.
  std::unique_ptr<SummaryCache> Summaries;
  std::vector<UnitFlows> Cached;
  if (Request.Cache) {
    auto Loaded = SummaryCache::load(SummaryCache::pathIn(Root));
    if (!Loaded)
      return Loaded.takeError();
    Summaries = std::move(*Loaded);
    Run.Summaries = Summaries.get();
    Run.ParseKey = parseKey(Headers);
    if (!Request.Files.empty())
      Cached = flowsNotParsed(Run, *Summaries);
  }
  // What the pass by names reads of each skipped unit.
  bool ByNames = Scanner && Request.DerivedNames;
  std::vector<PreFilterVerdict> Skipped(ByNames ? Files.size() : 0);
  std::vector<size_t> All(Files.size());
  std::iota(All.begin(), All.end(), 0);
  runUnits(
      Run, All, Scanner ? &*Scanner : nullptr, Units,
      [&](size_t I, IncludeScanner::Worker *PreFilter, llvm::raw_ostream &Out) {
        std::optional<TranslationUnitFacts> Cached = cachedFacts(Run, I);
        // Its parse read a client header, so the pre-filter would have it
        // parsed: it is not asked.
        if (Cached && llvm::any_of(Cached->Files, isClientHeader))
          return parsedOrCached(Run, I, std::move(Cached), Out);
        return analyseUnit(
            Database, Files[I], Request, Adjust, Root, PreFilter, Out,
            [&] { return parsedOrCached(Run, I, std::move(Cached), Out); },
            ByNames ? &Skipped[I].Commands : nullptr);
      });
  size_t ParsedByNames = 0;
  if (ByNames) {
    // A scanner-only run (--prefilter=exact) has no facts' graph: the
    // identifiers of the files the scanner listed are read without one.
    IncludeGraph OwnFacts;
    IncludeGraph *FileFacts = Scanner->fileFacts();
    ParsedByNames = parseUnitsNamed(Run, Units, Cached, Skipped,
                                    FileFacts ? *FileFacts : OwnFacts);
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
  if (ByNames && Request.ExplainPreFilter)
    Log << "note: pre-filter: " << ParsedByNames
        << " skipped units parsed after all for the names they spell\n";
  // No password goes into the facts (--facts-out) or the cache: those a
  // wrapper of another unit, or a sink .rehost.toml declares, sends are
  // known only now.
  const ToolConfig NoConfig;
  std::map<std::string, Sink> Sinks =
      resolveSinks(Units, Request.Config ? *Request.Config : NoConfig, Cached);
  std::vector<bool> Masked = maskHandedCredentials(Units, Sinks);
  if (Summaries) {
    if (Request.ExplainPreFilter)
      Log << "note: summaries' cache: the facts of " << Run.FromCache << " unit"
          << (Run.FromCache == 1 ? "" : "s") << " taken from it, " << Run.Parsed
          << " parsed\n";
    keepSummaries(Run, Units, Masked, *Summaries);
    // As the pre-filter's: the cache only saves work.
    if (llvm::Error Err = Summaries->save())
      Log << "warning: the summaries' cache was not written: "
          << llvm::toString(std::move(Err)) << "\n";
  }
  if (Coverage) {
    Coverage->CachedFlows = std::move(Cached);
    Coverage->Sinks = std::move(Sinks);
  }
  return Units;
}

} // namespace rehost
