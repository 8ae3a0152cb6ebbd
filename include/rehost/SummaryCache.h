//===- SummaryCache.h - Each parsed unit's facts, kept across runs --------===//
//
// Every run with --cache keeps the facts (Project.h's TranslationUnitFacts:
// sites, macro-body uses, files read, hiredis version, flows) of the units
// it parsed whole in `.rehost-cache/flow-summaries` at the project root.
// Two uses:
//
// - A unit whose entry still holds is not parsed again: its facts take the
//   parse's place (a warm run of an unchanged repository parses nothing).
// - A file-list run (pre-commit, `check --changed-since`, `scan a.cpp`)
//   parses only the units it lists, so a constant handed to a wrapper that
//   a unit it does not parse defines would not be found: it takes the flows
//   (Flow.h) of the database's other units from here, and phase two follows
//   them as it follows the parsed units' (DerivedSites.h), reporting only
//   the constants of the units it parsed.
//
// An entry is keyed by a hash of the unit's compile commands (as the parse
// runs them) and of the content of every file its parse read (its include
// closure, TranslationUnitFacts::Files): an entry whose unit, or any header
// it read, changed is stale, and ignored, never trusted. Its facts stand in
// for a parse only when, besides, they are the parse's own (no password a
// wrapper of another unit sends was masked in them since) and what else the
// parse depended on (parseKey in UnitAnalysis.h: the header filter) is the
// same. The file's first line names the format and closes with a checksum of
// the rest, JSON whose tool key is FactsCache::toolKey() and the facts'
// version: a file of another format or tool is stale, ignored and replaced;
// a damaged one (cut short, bytes changed, not the JSON written) is an input
// error naming the file.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_SUMMARYCACHE_H
#define REHOST_SUMMARYCACHE_H

#include "rehost/Flow.h"
#include "rehost/Project.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace rehost {

class SummaryCache {
public:
  /// The cache's file in the project root \p Root.
  static std::string pathIn(llvm::StringRef Root);

  /// The cache kept in \p Path: empty when there is none or it is stale; an
  /// error naming \p Path when it is damaged or cannot be read.
  static llvm::Expected<std::unique_ptr<SummaryCache>>
  load(llvm::StringRef Path);

  /// Keeps \p Facts, those of the unit \p MainFile (absolute) parsed whole
  /// with \p Commands (each one command: its directory and arguments),
  /// reading Facts.Files and \p MainFile. \p ParseKey: what else the parse
  /// depended on (parseKey), none when \p Facts are no longer the parse's
  /// own (masked since): then only their flows are taken. Not kept when one
  /// of the files cannot be read.
  void insert(const std::string &MainFile, llvm::ArrayRef<std::string> Commands,
              const TranslationUnitFacts &Facts,
              std::optional<llvm::StringRef> ParseKey);

  /// The facts a parse of \p MainFile with \p Commands would give, when its
  /// entry holds them for \p ParseKey and every file it read is unchanged.
  /// None when there is no entry or it is stale. Safe on several threads.
  std::optional<TranslationUnitFacts>
  findFacts(const std::string &MainFile, llvm::ArrayRef<std::string> Commands,
            llvm::StringRef ParseKey);

  /// The flows kept for \p MainFile, when its key still holds: the same
  /// \p Commands, and every file it read unchanged. None when there is no
  /// entry or it is stale.
  std::optional<UnitFlows> findFlows(const std::string &MainFile,
                                     llvm::ArrayRef<std::string> Commands);

  /// Writes the cache back when this run changed it (atomically, creating
  /// the directory), keeping the entries of the units not parsed this run,
  /// also those another run (a shard) wrote since this one read the file.
  llvm::Error save();

  /// Whether the file read was of another format or tool (and ignored).
  bool wasStale() const { return Stale; }
  size_t size() const { return Entries.size(); }

  /// The serialised cache (for tests of damaged files).
  std::string serialise() const;

private:
  explicit SummaryCache(std::string Path) : Path(std::move(Path)) {}
  llvm::Error parse(llvm::StringRef Bytes);
  /// The key of a unit run with \p Commands that read \p Files, from their
  /// content now; none when one cannot be read.
  std::optional<std::string> keyOf(llvm::ArrayRef<std::string> Commands,
                                   llvm::ArrayRef<std::string> Files);
  /// The content hash of \p File, read once per run.
  std::optional<uint64_t> contentHash(const std::string &File);

  struct Entry {
    std::string Key;
    /// The parse's key (parseKey) the facts were made with; none when they
    /// are not the parse's own (masked since): they never stand in for one.
    std::optional<std::string> ParseKey;
    /// What the key hashes: Facts.Files and the main file, sorted, once.
    std::vector<std::string> Files;
    TranslationUnitFacts Facts;
    /// Written or checked by this run: the entry on disk loses to it.
    bool Current = false;
  };
  /// The entry of \p MainFile, when its key still holds for \p Commands.
  const Entry *holding(const std::string &MainFile,
                       llvm::ArrayRef<std::string> Commands);
  std::string Path;
  std::map<std::string, Entry> Entries;
  /// Guards Hashes: units are analysed on several threads.
  std::mutex HashesLock;
  llvm::StringMap<std::optional<uint64_t>> Hashes;
  bool Stale = false;
  bool Changed = false;
};

} // namespace rehost

#endif // REHOST_SUMMARYCACHE_H
