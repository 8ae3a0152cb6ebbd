//===- IncludeGraph.h - The pre-filter from each file's facts, read once --===//
//
// The fast pre-filter. Every file's IncludeFacts are read once per run (or
// taken from FactsCache.h), each command shape's search directories are
// computed once (IncludeSearch.h), and each include's resolution is
// remembered per search, so a unit costs a read of its own file and lookups.
// The walk takes every include as taken, whatever its condition: its closure
// holds the compiler's, so when it holds no client header, neither does the
// compiler's and the unit cannot hold a site.
//
// It only ever proves that: whenever it cannot (a client header anywhere in
// the closure, a computed include, a header it cannot find, an #error that
// may stop the compiler, a lookup it does not reproduce), the unit is left
// to Clang's dependency scanner (IncludeClosure.h), which decides exactly as
// before. So the units parsed are those of the scanner alone.
//
// The pre-filter's pass by names (PreFilter.h) walks a proven unit's closure
// again, through the same resolutions, for a file that spells an identifier.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_PROJECT_INCLUDEGRAPH_H
#define REHOST_LIB_PROJECT_INCLUDEGRAPH_H

#include "rehost/FactsCache.h"
#include "rehost/IncludeFacts.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rehost {

struct IncludeSearch;

/// Where a unit's closure spells an identifier asked for.
struct NamedIdentifier {
  std::string Identifier;
  /// The file that spells it, absolute.
  std::string File;
};

/// The identifiers a pass by names asks for, and the headers whose spelling
/// counts.
class IdentifierQuery {
public:
  /// \p Counts: whether what a header (absolute) spells counts; a unit's
  /// main file always does.
  IdentifierQuery(const llvm::StringSet<> &Identifiers,
                  std::function<bool(llvm::StringRef)> Counts);
  /// The first identifier, by name, that the file \p Absolute, whose facts
  /// are \p Facts, spells, when it counts.
  std::optional<NamedIdentifier>
  in(const IncludeFacts &Facts, llvm::StringRef Absolute, bool MainFile) const;

private:
  friend class IncludeGraph;
  /// Each identifier and its identifierHash, sorted by name.
  std::vector<std::pair<std::string, uint64_t>> Names;
  std::function<bool(llvm::StringRef)> Counts;
  /// Tells queries apart: what a walk learnt of one holds for it only.
  unsigned Id;
};

class IncludeGraph {
public:
  /// \p Cache (may be null) keeps the facts across runs.
  explicit IncludeGraph(std::unique_ptr<FactsCache> Cache = nullptr);
  ~IncludeGraph();

  struct Answer {
    /// Proven: no file this command can read is a client header.
    bool CannotHoldSite = false;
    /// Otherwise, why the dependency scanner has to decide.
    std::string Reason;
  };
  /// The answer for one command of a unit: \p CommandLine (adjusted as the
  /// parse adjusts it) run in \p Directory on \p MainFile.
  Answer answer(const std::vector<std::string> &CommandLine,
                llvm::StringRef Directory, llvm::StringRef MainFile);

  /// The first file of the closure of a command answer() proved, from its
  /// main file, that spells one of \p Query's identifiers. A walk that finds
  /// none remembers the files it read for the rest of the query, so a unit
  /// costs a read of its own file and lookups. One query at a time.
  std::optional<NamedIdentifier>
  firstNaming(const std::vector<std::string> &CommandLine,
              llvm::StringRef Directory, llvm::StringRef MainFile,
              const IdentifierQuery &Query);

  /// The facts of the file \p Absolute, read once per run (or taken from the
  /// cache); null when it cannot be read.
  std::shared_ptr<const IncludeFacts> factsOf(const std::string &Absolute);

  /// Writes the cache back, if there is one.
  llvm::Error saveCache();

  /// Commands answered from the facts, and left to the scanner.
  size_t provenCount() const { return Proven; }
  size_t deferredCount() const { return Deferred; }
  /// Files whose facts were read from their text, and taken from the cache.
  size_t filesRead() const { return Read; }
  size_t filesCached() const { return Cached; }

private:
  struct Search;
  struct Node;
  std::shared_ptr<Search> searchFor(const std::vector<std::string> &CommandLine,
                                    llvm::StringRef Directory,
                                    llvm::StringRef MainFile);
  std::optional<std::string> startNodes(Search &S, llvm::StringRef Directory,
                                        llvm::StringRef MainFile,
                                        std::vector<Node> &Nodes);
  bool isFile(const std::string &Absolute);
  bool resolve(Search &S, const Node &From, const SpelledInclude &Include,
               Node &To);
  Answer walk(Search &S, llvm::StringRef Directory, llvm::StringRef MainFile);

  std::unique_ptr<FactsCache> Cache;
  std::mutex Lock;
  llvm::StringMap<std::shared_ptr<Search>> Searches;
  llvm::StringMap<std::shared_ptr<const IncludeFacts>> Facts;
  llvm::StringMap<bool> Files;
  std::atomic<size_t> Proven{0}, Deferred{0}, Read{0}, Cached{0};
};

} // namespace rehost

#endif // REHOST_LIB_PROJECT_INCLUDEGRAPH_H
