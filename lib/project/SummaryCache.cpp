//===- SummaryCache.cpp - Each parsed unit's facts, kept across runs ------===//
//
// The format: one line, then JSON.
//   rehost-flow-summaries <format> <xxHash64 of every byte after the line>
//   {"tool": "...", "units": [{"main_file": "...", "key": "...",
//                              "parse_key": "..." (or null),
//                              "facts": {...}}]}
// "facts" as factsToJson writes a unit. Paths are absolute: the key hashes
// them, so a moved checkout misses.
//
//===----------------------------------------------------------------------===//

#include "rehost/SummaryCache.h"

#include "rehost/Facts.h"
#include "rehost/FactsCache.h"
#include "rehost/FileIO.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

namespace rehost {
namespace {

constexpr llvm::StringLiteral Magic = "rehost-flow-summaries";
/// Raised whenever the layout around the facts changes meaning (the facts'
/// own is the facts' version, in the tool key). 2: whole facts, not flows.
constexpr unsigned FormatVersion = 2;

std::string toolKey() {
  return FactsCache::toolKey() + " facts " + std::to_string(factsVersion());
}

std::string hex(uint64_t V) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << llvm::format_hex_no_prefix(V, 16);
  return OS.str();
}

llvm::Error damaged(llvm::StringRef Path, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "the summaries' cache " + Path +
                                     " is damaged (" + Why +
                                     "): remove it and run again");
}

/// What an entry's key hashes: every file the unit read, and its own.
std::vector<std::string> closureOf(const std::string &MainFile,
                                   const TranslationUnitFacts &Facts) {
  std::vector<std::string> Closure = Facts.Files;
  Closure.push_back(MainFile);
  llvm::sort(Closure);
  Closure.erase(std::unique(Closure.begin(), Closure.end()), Closure.end());
  return Closure;
}

} // namespace

std::string SummaryCache::pathIn(llvm::StringRef Root) {
  llvm::SmallString<256> Path(Root);
  llvm::sys::path::append(Path, ".rehost-cache", "flow-summaries");
  return std::string(Path);
}

llvm::Expected<std::unique_ptr<SummaryCache>>
SummaryCache::load(llvm::StringRef Path) {
  std::unique_ptr<SummaryCache> Cache(new SummaryCache(Path.str()));
  auto Bytes = readCacheFile(Path, "the summaries' cache");
  if (!Bytes)
    return Bytes.takeError();
  if (*Bytes)
    if (llvm::Error Err = Cache->parse(**Bytes))
      return std::move(Err);
  return std::move(Cache);
}

llvm::Error SummaryCache::parse(llvm::StringRef Bytes) {
  auto [Line, Body] = Bytes.split('\n');
  llvm::SmallVector<llvm::StringRef, 3> Words;
  Line.split(Words, ' ');
  if (Words.empty() || Words[0] != Magic)
    return damaged(Path, "not a cache file");
  unsigned Version = 0;
  if (Words.size() != 3 || Words[1].getAsInteger(10, Version))
    return damaged(Path, "its first line is cut short");
  if (Version != FormatVersion) {
    // Another format: its entries may mean something else.
    Stale = true;
    return llvm::Error::success();
  }
  if (Words[2] != hex(llvm::xxHash64(Body)))
    return damaged(Path, "its checksum does not match");
  auto Json = llvm::json::parse(Body);
  if (!Json)
    return damaged(Path, "not JSON: " + llvm::toString(Json.takeError()));
  const llvm::json::Object *Top = Json->getAsObject();
  auto Tool = Top ? Top->getString("tool") : decltype(Top->getString("")){};
  if (!Tool)
    return damaged(Path, "no 'tool'");
  if (*Tool != toolKey()) {
    // Another tool or catalog: its flows may mean something else.
    Stale = true;
    return llvm::Error::success();
  }
  const llvm::json::Array *Units = Top->getArray("units");
  if (!Units)
    return damaged(Path, "'units' must be a list");
  for (size_t I = 0; I != Units->size(); ++I) {
    std::string Where = "units[" + std::to_string(I) + "]";
    const llvm::json::Object *Unit = (*Units)[I].getAsObject();
    using MaybeString = decltype(Unit->getString(""));
    MaybeString Main = Unit ? Unit->getString("main_file") : MaybeString();
    MaybeString Key = Unit ? Unit->getString("key") : MaybeString();
    const llvm::json::Value *ParseKey = Unit ? Unit->get("parse_key") : nullptr;
    const llvm::json::Value *Facts = Unit ? Unit->get("facts") : nullptr;
    if (!Main || !Key || !ParseKey ||
        !(ParseKey->getAsNull() || ParseKey->getAsString()) || !Facts)
      return damaged(Path, "'" + Where +
                               "' must hold 'main_file', 'key', 'parse_key' "
                               "and 'facts'");
    auto Read = unitFromJson(*Facts, "", Where);
    if (!Read)
      return damaged(Path, llvm::toString(Read.takeError()));
    Entry &E = Entries[Main->str()];
    E.Key = Key->str();
    if (auto Parse = ParseKey->getAsString())
      E.ParseKey = Parse->str();
    E.Files = closureOf(Main->str(), *Read);
    E.Facts = std::move(*Read);
  }
  return llvm::Error::success();
}

std::optional<uint64_t> SummaryCache::contentHash(const std::string &File) {
  {
    std::lock_guard<std::mutex> Guard(HashesLock);
    if (auto It = Hashes.find(File); It != Hashes.end())
      return It->second;
  }
  // Read outside the lock: another thread hashing the same file gets the
  // same value.
  std::optional<uint64_t> Hash;
  auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (Buffer)
    Hash = llvm::xxHash64((*Buffer)->getBuffer());
  std::lock_guard<std::mutex> Guard(HashesLock);
  Hashes.try_emplace(File, Hash);
  return Hash;
}

std::optional<std::string>
SummaryCache::keyOf(llvm::ArrayRef<std::string> Commands,
                    llvm::ArrayRef<std::string> Files) {
  std::string Text = toolKey();
  for (const std::string &Command : Commands)
    (Text += "\ncommand ") += Command;
  for (const std::string &File : Files) {
    std::optional<uint64_t> Hash = contentHash(File);
    if (!Hash)
      return std::nullopt;
    ((Text += "\nfile ") += File) += " " + hex(*Hash);
  }
  return hex(llvm::xxHash64(Text));
}

void SummaryCache::insert(const std::string &MainFile,
                          llvm::ArrayRef<std::string> Commands,
                          const TranslationUnitFacts &Facts,
                          std::optional<llvm::StringRef> ParseKey) {
  std::vector<std::string> Closure = closureOf(MainFile, Facts);
  std::optional<std::string> Key = keyOf(Commands, Closure);
  if (!Key) {
    // Not trusted later either: a file read by the parse is gone.
    if (Entries.erase(MainFile))
      Changed = true;
    return;
  }
  std::optional<std::string> Parse;
  if (ParseKey)
    Parse = ParseKey->str();
  Entry &E = Entries[MainFile];
  E.Current = true;
  // The same key is the same text parsed the same way: the same facts.
  if (E.Key == *Key && E.ParseKey == Parse)
    return;
  E.Key = std::move(*Key);
  E.ParseKey = std::move(Parse);
  E.Files = std::move(Closure);
  E.Facts = Facts;
  Changed = true;
}

const SummaryCache::Entry *
SummaryCache::holding(const std::string &MainFile,
                      llvm::ArrayRef<std::string> Commands) {
  auto It = Entries.find(MainFile);
  if (It == Entries.end())
    return nullptr;
  std::optional<std::string> Key = keyOf(Commands, It->second.Files);
  if (!Key || *Key != It->second.Key)
    return nullptr;
  return &It->second;
}

std::optional<TranslationUnitFacts>
SummaryCache::findFacts(const std::string &MainFile,
                        llvm::ArrayRef<std::string> Commands,
                        llvm::StringRef ParseKey) {
  const Entry *E = holding(MainFile, Commands);
  if (!E || E->ParseKey != ParseKey.str())
    return std::nullopt;
  return E->Facts;
}

std::optional<UnitFlows>
SummaryCache::findFlows(const std::string &MainFile,
                        llvm::ArrayRef<std::string> Commands) {
  const Entry *E = holding(MainFile, Commands);
  if (!E)
    return std::nullopt;
  return E->Facts.Flows;
}

std::string SummaryCache::serialise() const {
  llvm::json::Array Units;
  for (const auto &[Main, E] : Entries)
    Units.push_back(llvm::json::Object{
        {"main_file", Main},
        {"key", E.Key},
        {"parse_key", E.ParseKey ? llvm::json::Value(*E.ParseKey)
                                 : llvm::json::Value(nullptr)},
        {"facts", unitToJson(E.Facts, "")}});
  std::string Body;
  llvm::raw_string_ostream OS(Body);
  OS << llvm::json::Value(
      llvm::json::Object{{"tool", toolKey()}, {"units", std::move(Units)}});
  OS.flush();
  return (Magic + " " + std::to_string(FormatVersion) + " " +
          hex(llvm::xxHash64(Body)) + "\n" + Body)
      .str();
}

llvm::Error SummaryCache::save() {
  if (!Changed && !Stale)
    return llvm::Error::success();
  // Another run (a shard) may have written entries since this one read the
  // file: they are newer than this run's copies of the units it did not
  // parse. What cannot be read now is replaced.
  if (auto OnDisk = load(Path)) {
    for (auto &[Main, E] : (*OnDisk)->Entries)
      if (auto Mine = Entries.find(Main);
          Mine == Entries.end() || !Mine->second.Current)
        Entries[Main] = std::move(E);
  } else {
    llvm::consumeError(OnDisk.takeError());
  }
  return writeCacheFile(Path, serialise());
}

} // namespace rehost
