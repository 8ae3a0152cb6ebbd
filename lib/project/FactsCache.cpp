//===- FactsCache.cpp - The pre-filter's file facts, kept across runs -----===//
//
// The format, all integers little-endian:
//   "RHPF" u32:format  u32:length s:key  u64:entries
//   per entry: u64:hash u64:size u8:flags u32:includes
//              per include: u8:flags u32:length s:name
//              u32:identifiers, per identifier: u64:identifierHash
//   u64:xxHash64 of every byte before it
//
//===----------------------------------------------------------------------===//

#include "rehost/FactsCache.h"

#include "rehost/FileIO.h"
#include "rehost/Version.h"

#include "SourceHash.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace rehost {
namespace {

constexpr llvm::StringLiteral Magic = "RHPF";
/// Raised whenever IncludeFacts or its reading changes meaning.
constexpr uint32_t Format = 2;

/// What the facts depend on besides the text: the tool that made them. Its
/// version string alone would let a rebuilt rehost (a new catalog, a new
/// analysis) take an older build's facts for its own: the hash of its
/// sources (cmake/SourceHash.cmake) tells builds apart.
std::string cacheKey() {
  return "rehost " + std::string(Version) + " sources " + REHOST_SOURCE_HASH;
}

void putInt(std::string &Out, uint64_t V, unsigned Bytes) {
  for (unsigned I = 0; I != Bytes; ++I)
    Out += static_cast<char>((V >> (8 * I)) & 0xff);
}

void putString(std::string &Out, llvm::StringRef S) {
  putInt(Out, S.size(), 4);
  Out += S;
}

/// Reads the format's integers and strings, failing past the end.
class Reader {
public:
  explicit Reader(llvm::StringRef Bytes) : Bytes(Bytes) {}
  bool integer(uint64_t &V, unsigned N) {
    if (Bytes.size() - At < N)
      return false;
    V = 0;
    for (unsigned I = 0; I != N; ++I)
      V |= static_cast<uint64_t>(static_cast<unsigned char>(Bytes[At + I]))
           << (8 * I);
    At += N;
    return true;
  }
  bool string(std::string &S) {
    uint64_t N;
    if (!integer(N, 4) || Bytes.size() - At < N)
      return false;
    S = Bytes.substr(At, N).str();
    At += N;
    return true;
  }
  bool atEnd() const { return At == Bytes.size(); }

private:
  llvm::StringRef Bytes;
  size_t At = 0;
};

enum FactFlags : uint8_t {
  Computed = 1,
  RawString = 2,
  MayName = 4,
  ErrorAlways = 8,
  ErrorMaybe = 16
};
enum IncludeFlags : uint8_t { Angled = 1, Next = 2, Conditional = 4 };

llvm::Error damaged(llvm::StringRef Path, llvm::StringRef Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "the pre-filter's cache " + Path +
                                     " is damaged (" + Why +
                                     "): remove it and run again");
}

} // namespace

std::string FactsCache::pathIn(llvm::StringRef Root) {
  llvm::SmallString<256> Path(Root);
  llvm::sys::path::append(Path, ".rehost-cache", "prefilter-facts");
  return std::string(Path);
}

std::string FactsCache::toolKey() { return cacheKey(); }

uint64_t FactsCache::hashOf(llvm::StringRef Text) {
  return llvm::xxHash64(Text);
}

llvm::Expected<std::unique_ptr<FactsCache>>
FactsCache::load(llvm::StringRef Path) {
  std::unique_ptr<FactsCache> Cache(new FactsCache(Path.str()));
  auto Bytes = readCacheFile(Path, "the pre-filter's cache");
  if (!Bytes)
    return Bytes.takeError();
  if (*Bytes)
    if (llvm::Error Err = Cache->parse(**Bytes))
      return std::move(Err);
  return std::move(Cache);
}

llvm::Error FactsCache::parse(llvm::StringRef Bytes) {
  if (!startsWithMagic(Bytes))
    return damaged(Path, "not a cache file");
  Reader Header(Bytes.drop_front(Magic.size()));
  uint64_t Version;
  if (!Header.integer(Version, 4))
    return damaged(Path, "cut short");
  if (Version != Format) {
    // Another format: its facts may mean something else.
    Stale = true;
    return llvm::Error::success();
  }
  if (Bytes.size() < Magic.size() + 4 + 8)
    return damaged(Path, "cut short");
  llvm::StringRef Body = Bytes.drop_back(8);
  Reader Sum(Bytes.take_back(8));
  uint64_t Checksum;
  Sum.integer(Checksum, 8);
  if (llvm::xxHash64(Body) != Checksum)
    return damaged(Path, "its checksum does not match");
  Reader R(Body.drop_front(Magic.size() + 4));
  std::string Key;
  uint64_t Count;
  if (!R.string(Key))
    return damaged(Path, "cut short");
  if (Key != cacheKey()) {
    // Another tool or catalog.
    Stale = true;
    return llvm::Error::success();
  }
  if (!R.integer(Count, 8))
    return damaged(Path, "cut short");
  for (uint64_t I = 0; I != Count; ++I) {
    uint64_t Hash, Size, Flags, Includes;
    if (!R.integer(Hash, 8) || !R.integer(Size, 8) || !R.integer(Flags, 1) ||
        !R.integer(Includes, 4))
      return damaged(Path, "cut short");
    IncludeFacts Facts;
    Facts.ComputedInclude = Flags & Computed;
    Facts.MultiLineRawString = Flags & RawString;
    Facts.MayNameClientApi = Flags & MayName;
    Facts.UnconditionalError = Flags & ErrorAlways;
    Facts.ConditionalError = Flags & ErrorMaybe;
    for (uint64_t K = 0; K != Includes; ++K) {
      SpelledInclude Include;
      uint64_t IncludeFlags;
      if (!R.integer(IncludeFlags, 1) || !R.string(Include.Name))
        return damaged(Path, "cut short");
      Include.Angled = IncludeFlags & Angled;
      Include.Next = IncludeFlags & Next;
      Include.Conditional = IncludeFlags & Conditional;
      Facts.Includes.push_back(std::move(Include));
    }
    uint64_t Identifiers;
    if (!R.integer(Identifiers, 4))
      return damaged(Path, "cut short");
    for (uint64_t K = 0; K != Identifiers; ++K) {
      uint64_t Identifier;
      if (!R.integer(Identifier, 8))
        return damaged(Path, "cut short");
      Facts.Identifiers.push_back(Identifier);
    }
    Entries[{Hash, Size}].Facts = std::move(Facts);
  }
  if (!R.atEnd())
    return damaged(Path, "bytes after the last entry");
  return llvm::Error::success();
}

bool FactsCache::startsWithMagic(llvm::StringRef Bytes) {
  return Bytes.take_front(Magic.size()) == Magic;
}

std::optional<IncludeFacts> FactsCache::find(uint64_t Hash, uint64_t Size) {
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Entries.find({Hash, Size});
  if (It == Entries.end())
    return std::nullopt;
  It->second.Used = true;
  return It->second.Facts;
}

void FactsCache::insert(uint64_t Hash, uint64_t Size,
                        const IncludeFacts &Facts) {
  std::lock_guard<std::mutex> Guard(Lock);
  Entry &E = Entries[{Hash, Size}];
  E.Facts = Facts;
  E.Used = true;
  Changed = true;
}

std::string FactsCache::serialise() const {
  std::string Out(Magic);
  putInt(Out, Format, 4);
  putString(Out, cacheKey());
  putInt(Out, Entries.size(), 8);
  for (const auto &[Key, E] : Entries) {
    putInt(Out, Key.first, 8);
    putInt(Out, Key.second, 8);
    const IncludeFacts &F = E.Facts;
    putInt(Out,
           (F.ComputedInclude ? Computed : 0) |
               (F.MultiLineRawString ? RawString : 0) |
               (F.MayNameClientApi ? MayName : 0) |
               (F.UnconditionalError ? ErrorAlways : 0) |
               (F.ConditionalError ? ErrorMaybe : 0),
           1);
    putInt(Out, F.Includes.size(), 4);
    for (const SpelledInclude &I : F.Includes) {
      putInt(Out,
             (I.Angled ? Angled : 0) | (I.Next ? Next : 0) |
                 (I.Conditional ? Conditional : 0),
             1);
      putString(Out, I.Name);
    }
    putInt(Out, F.Identifiers.size(), 4);
    for (uint64_t Hash : F.Identifiers)
      putInt(Out, Hash, 8);
  }
  putInt(Out, llvm::xxHash64(Out), 8);
  return Out;
}

llvm::Error FactsCache::save() {
  std::lock_guard<std::mutex> Guard(Lock);
  size_t Unused =
      llvm::count_if(Entries, [](const auto &KV) { return !KV.second.Used; });
  if (!Changed && !Stale)
    return llvm::Error::success();
  if (Unused > Entries.size() - Unused)
    for (auto It = Entries.begin(); It != Entries.end();)
      It = It->second.Used ? std::next(It) : Entries.erase(It);
  return writeCacheFile(Path, serialise());
}

} // namespace rehost
