//===- FactsCache.h - The pre-filter's file facts, kept across runs -------===//
//
// IncludeFacts depend on a file's text only, so they are keyed by a hash of
// the content (and its size): a file that changed simply has no entry, and an
// unchanged repository is answered without reading the headers' directives
// again. One binary file, `.rehost-cache/prefilter-facts` at the project
// root, written atomically; its header names the format and what the facts
// depend on besides the text (the tool's version and the catalog's names),
// and a checksum closes it. A file of another format or tool is stale: it is
// ignored and replaced. A damaged one (cut short, bytes changed) is an input
// error naming the file: it is never read as facts.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_FACTSCACHE_H
#define REHOST_FACTSCACHE_H

#include "rehost/IncludeFacts.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace rehost {

class FactsCache {
public:
  /// The cache's file in the project root \p Root.
  static std::string pathIn(llvm::StringRef Root);

  /// The cache kept in \p Path: empty when there is none or it is stale; an
  /// error naming \p Path when it is damaged or cannot be read.
  static llvm::Expected<std::unique_ptr<FactsCache>> load(llvm::StringRef Path);

  /// The facts of a text of \p Size bytes whose hash is \p Hash, if kept.
  std::optional<IncludeFacts> find(uint64_t Hash, uint64_t Size);
  /// Keeps \p Facts for that text.
  void insert(uint64_t Hash, uint64_t Size, const IncludeFacts &Facts);

  /// Writes the cache back when this run added to it (atomically, creating
  /// the directory), keeping the entries this run used and, unless they
  /// outnumber those, the others.
  llvm::Error save();

  /// Whether the file read was of another format or tool (and ignored).
  bool wasStale() const { return Stale; }
  size_t size() const { return Entries.size(); }

  /// What cached facts depend on besides the text: the tool's version and
  /// the catalog's names. The summaries' cache (SummaryCache.h) shares it.
  static std::string toolKey();

  /// The content hash the entries are keyed by.
  static uint64_t hashOf(llvm::StringRef Text);

  /// The serialised cache (for tests of damaged files).
  std::string serialise() const;

private:
  explicit FactsCache(std::string Path) : Path(std::move(Path)) {}
  llvm::Error parse(llvm::StringRef Bytes);
  static bool startsWithMagic(llvm::StringRef Bytes);

  struct Entry {
    IncludeFacts Facts;
    bool Used = false;
  };
  std::string Path;
  std::mutex Lock;
  std::map<std::pair<uint64_t, uint64_t>, Entry> Entries;
  bool Stale = false;
  bool Changed = false;
};

} // namespace rehost

#endif // REHOST_FACTSCACHE_H
