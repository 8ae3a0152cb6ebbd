//===- IncludeGraph.cpp - The pre-filter from each file's facts, read once ===//

#include "IncludeGraph.h"

#include "IncludeSearch.h"

#include "rehost/Catalog.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace rehost {

/// One command shape's search, and the resolutions made through it.
struct IncludeGraph::Search {
  IncludeSearch Directories;
  std::mutex Lock;
  /// (start, name) -> the index of the directory that holds it, or -1.
  llvm::StringMap<int> Found;
  /// Files (as walk keys) whose whole closure an earlier walk read without
  /// finding a client header or a reason to ask the scanner: a walk that
  /// meets one again need not read on. With what that walk had seen of the
  /// rule on skipped headers (walk), which a later walk inherits.
  struct Clean {
    std::string SkippedMissing, MayNameApi;
    /// Proven for the file reached through unconditional includes only.
    bool Definite = false;
  };
  llvm::StringMap<Clean> CleanFiles;
  /// Files (as walk keys) whose whole closure spells none of the
  /// identifiers of the query UnnamedFor (firstNaming).
  llvm::StringSet<> Unnamed;
  unsigned UnnamedFor = 0;
};

/// A file the walk reached, and how.
struct IncludeGraph::Node {
  /// As the compiler names it (the client-header test reads this).
  std::string Path;
  std::string Absolute;
  /// The search directory it was found in; -1 when found beside its
  /// includer or by an absolute name (then #include_next starts over).
  int Directory = -1;
  bool System = false;
  /// Reached from the main file through unconditional includes only.
  bool Definite = true;

  /// A walk's key: a file found in another directory of the search
  /// includes_next others.
  std::string key() const { return Absolute + "#" + std::to_string(Directory); }
};

namespace {

std::string joined(llvm::StringRef Directory, llvm::StringRef Name) {
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, Name);
  return std::string(Path);
}

std::string absoluteIn(llvm::StringRef Directory, llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Directory, Abs);
  return std::string(Abs);
}

/// The directory part of \p Path as the compiler names an includer's
/// directory ("." for a bare file name).
std::string directoryOf(llvm::StringRef Path) {
  llvm::StringRef Parent = llvm::sys::path::parent_path(Path);
  return Parent.empty() ? std::string(".") : Parent.str();
}

/// The search's key: everything in the command but the main file, which
/// stands as its extension (the language may depend on it).
std::string searchKey(const std::vector<std::string> &CommandLine,
                      llvm::StringRef Directory, llvm::StringRef MainFile) {
  std::string Key = Directory.str();
  for (const std::string &Arg : CommandLine) {
    Key += '\0';
    if (Arg == MainFile)
      (Key += "\1main") += llvm::sys::path::extension(MainFile);
    else
      Key += Arg;
  }
  return Key;
}

} // namespace

IdentifierQuery::IdentifierQuery(const llvm::StringSet<> &Identifiers,
                                 std::function<bool(llvm::StringRef)> Counts)
    : Counts(std::move(Counts)) {
  static std::atomic<unsigned> Queries{0};
  Id = ++Queries;
  for (const auto &Name : Identifiers)
    Names.emplace_back(Name.getKey().str(), identifierHash(Name.getKey()));
  llvm::sort(Names);
}

std::optional<NamedIdentifier> IdentifierQuery::in(const IncludeFacts &Facts,
                                                   llvm::StringRef Absolute,
                                                   bool MainFile) const {
  for (const auto &[Name, Hash] : Names)
    if (spellsIdentifier(Facts, Hash))
      return MainFile || Counts(Absolute)
                 ? std::optional<NamedIdentifier>({Name, Absolute.str()})
                 : std::nullopt;
  return std::nullopt;
}

IncludeGraph::IncludeGraph(std::unique_ptr<FactsCache> Cache)
    : Cache(std::move(Cache)) {}
IncludeGraph::~IncludeGraph() = default;

llvm::Error IncludeGraph::saveCache() {
  return Cache ? Cache->save() : llvm::Error::success();
}

std::shared_ptr<IncludeGraph::Search>
IncludeGraph::searchFor(const std::vector<std::string> &CommandLine,
                        llvm::StringRef Directory, llvm::StringRef MainFile) {
  std::string Key = searchKey(CommandLine, Directory, MainFile);
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Searches.find(Key);
    if (It != Searches.end())
      return It->second;
  }
  auto S = std::make_shared<Search>();
  S->Directories = includeSearchOf(CommandLine, Directory);
  std::lock_guard<std::mutex> Guard(Lock);
  return Searches.try_emplace(Key, std::move(S)).first->second;
}

std::shared_ptr<const IncludeFacts>
IncludeGraph::factsOf(const std::string &Absolute) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Facts.find(Absolute);
    if (It != Facts.end())
      return It->second;
  }
  auto Buffer = llvm::MemoryBuffer::getFile(Absolute, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return nullptr;
  llvm::StringRef Text = (*Buffer)->getBuffer();
  uint64_t Hash = FactsCache::hashOf(Text);
  std::optional<IncludeFacts> Known;
  if (Cache)
    Known = Cache->find(Hash, Text.size());
  ++(Known ? Cached : Read);
  if (!Known) {
    Known = scanIncludeFacts(Text);
    if (Cache)
      Cache->insert(Hash, Text.size(), *Known);
  }
  auto Shared = std::make_shared<const IncludeFacts>(std::move(*Known));
  std::lock_guard<std::mutex> Guard(Lock);
  return Facts.try_emplace(Absolute, std::move(Shared)).first->second;
}

bool IncludeGraph::isFile(const std::string &Absolute) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Files.find(Absolute);
    if (It != Files.end())
      return It->second;
  }
  // As the compiler's file manager: a directory of that name is no header.
  bool Is = llvm::sys::fs::is_regular_file(Absolute);
  std::lock_guard<std::mutex> Guard(Lock);
  Files[Absolute] = Is;
  return Is;
}

/// The file \p Include names from \p From, found as the compiler finds it:
/// an absolute name as is; `"name"` beside its includer first; then the
/// search directories from the first (quoted), the first angled one
/// (`<name>`), or the one after the includer's (#include_next).
bool IncludeGraph::resolve(Search &S, const Node &From,
                           const SpelledInclude &Include, Node &To) {
  llvm::StringRef Name = Include.Name;
  if (llvm::sys::path::is_absolute(Name)) {
    if (!isFile(Name.str()))
      return false;
    To = {Name.str(), Name.str(), -1, From.System};
    return true;
  }
  const IncludeSearch &Dirs = S.Directories;
  size_t Start = Include.Angled ? Dirs.AngledStart : 0;
  if (Include.Next && From.Directory >= 0) {
    Start = From.Directory + 1;
  } else if (!Include.Angled) {
    std::string Beside =
        joined(llvm::sys::path::parent_path(From.Absolute), Name);
    if (isFile(Beside)) {
      To = {joined(directoryOf(From.Path), Name), std::move(Beside), -1,
            From.System};
      return true;
    }
  }
  std::string Key = std::to_string(Start) + ":" + Name.str();
  int Index = -1;
  {
    std::lock_guard<std::mutex> Guard(S.Lock);
    auto It = S.Found.find(Key);
    if (It != S.Found.end()) {
      Index = It->second;
      if (Index < 0)
        return false;
    }
  }
  if (Index < 0) {
    for (size_t I = Start; I < Dirs.Directories.size() && Index < 0; ++I)
      if (isFile(joined(Dirs.Directories[I].Absolute, Name)))
        Index = static_cast<int>(I);
    std::lock_guard<std::mutex> Guard(S.Lock);
    S.Found[Key] = Index;
    if (Index < 0)
      return false;
  }
  const IncludeSearch::Directory &D = Dirs.Directories[Index];
  To = {joined(D.Name, Name), joined(D.Absolute, Name), Index, D.System};
  return true;
}

IncludeGraph::Answer
IncludeGraph::answer(const std::vector<std::string> &CommandLine,
                     llvm::StringRef Directory, llvm::StringRef MainFile) {
  std::shared_ptr<Search> S = searchFor(CommandLine, Directory, MainFile);
  Answer A = S->Directories.Unsupported.empty()
                 ? walk(*S, Directory, MainFile)
                 : Answer{false, S->Directories.Unsupported};
  ++(A.CannotHoldSite ? Proven : Deferred);
  return A;
}

/// Where a walk starts: the -include files (looked for from the command's
/// directory), then the main file. The -include not found, if one is not.
std::optional<std::string> IncludeGraph::startNodes(Search &S,
                                                    llvm::StringRef Directory,
                                                    llvm::StringRef MainFile,
                                                    std::vector<Node> &Nodes) {
  Node CommandDirectory{".", absoluteIn(Directory, "."), -1, false};
  for (const std::string &Forced : S.Directories.ForcedIncludes) {
    Node To;
    if (!resolve(S, CommandDirectory, {Forced, false, false, false}, To))
      return Forced;
    Nodes.push_back(std::move(To));
  }
  Nodes.push_back({MainFile.str(), absoluteIn(Directory, MainFile), -1, false});
  return std::nullopt;
}

std::optional<NamedIdentifier>
IncludeGraph::firstNaming(const std::vector<std::string> &CommandLine,
                          llvm::StringRef Directory, llvm::StringRef MainFile,
                          const IdentifierQuery &Query) {
  std::shared_ptr<Search> S = searchFor(CommandLine, Directory, MainFile);
  {
    std::lock_guard<std::mutex> Guard(S->Lock);
    if (S->UnnamedFor != Query.Id) {
      S->Unnamed.clear();
      S->UnnamedFor = Query.Id;
    }
  }
  // The main file first: its names count wherever it is, and a walk that
  // met it as another unit's header may have found it spells none that do.
  std::string Main = absoluteIn(Directory, MainFile);
  if (std::shared_ptr<const IncludeFacts> F = factsOf(Main))
    if (std::optional<NamedIdentifier> Named = Query.in(*F, Main, true))
      return Named;
  std::vector<Node> Stack;
  llvm::StringSet<> Seen;
  auto Visit = [&](Node N) {
    std::string Key = N.key();
    if (!Seen.insert(Key).second)
      return;
    std::lock_guard<std::mutex> Guard(S->Lock);
    if (!S->Unnamed.contains(Key))
      Stack.push_back(std::move(N));
  };
  std::vector<Node> Start;
  startNodes(*S, Directory, MainFile, Start); // Proven: every one is found.
  for (Node &N : Start)
    Visit(std::move(N));
  while (!Stack.empty()) {
    Node N = std::move(Stack.back());
    Stack.pop_back();
    std::shared_ptr<const IncludeFacts> F = factsOf(N.Absolute);
    if (!F)
      continue; // Proven: every file was read.
    if (std::optional<NamedIdentifier> Named = Query.in(*F, N.Absolute, false))
      return Named;
    for (const SpelledInclude &Include : F->Includes) {
      Node To;
      if (resolve(*S, N, Include, To))
        Visit(std::move(To));
    }
  }
  // Every file this walk read spells none of them, nor does its closure.
  std::lock_guard<std::mutex> Guard(S->Lock);
  for (const auto &Walked : Seen)
    S->Unnamed.insert(Walked.getKey());
  return std::nullopt;
}

IncludeGraph::Answer IncludeGraph::walk(Search &S, llvm::StringRef Directory,
                                        llvm::StringRef MainFile) {
  auto Defer = [](const llvm::Twine &Why) { return Answer{false, Why.str()}; };
  std::vector<Node> Stack;
  // Each file walked, and whether it was walked as reached definitely (a
  // file first met under a condition is walked again when met without).
  llvm::StringMap<bool> Seen;
  std::string SkippedMissing, MayNameApi;
  auto Inherit = [&](const Search::Clean &C) {
    if (SkippedMissing.empty())
      SkippedMissing = C.SkippedMissing;
    if (MayNameApi.empty())
      MayNameApi = C.MayNameApi;
  };
  auto Visit = [&](Node N) {
    std::string Key = N.key();
    auto [Walked, New] = Seen.try_emplace(Key, N.Definite);
    if (!New) {
      if (Walked->second || !N.Definite)
        return;
      Walked->second = true;
    }
    std::lock_guard<std::mutex> Guard(S.Lock);
    auto It = S.CleanFiles.find(Key);
    if (It != S.CleanFiles.end() && (It->second.Definite || !N.Definite))
      Inherit(It->second);
    else
      Stack.push_back(std::move(N));
  };
  std::vector<Node> Start;
  if (std::optional<std::string> Missing =
          startNodes(S, Directory, MainFile, Start))
    return Defer("-include " + *Missing + " not found");
  for (Node &N : Start)
    Visit(std::move(N));
  while (!Stack.empty()) {
    Node N = std::move(Stack.back());
    Stack.pop_back();
    if (isClientHeader(N.Path) || isClientHeader(N.Absolute))
      return Defer("it may include the client header " + N.Path);
    std::shared_ptr<const IncludeFacts> F = factsOf(N.Absolute);
    if (!F)
      return Defer(N.Path + " cannot be read");
    if (F->ComputedInclude)
      return Defer("a computed include in " + N.Path);
    if (F->MultiLineRawString && !S.Directories.CPlusPlus)
      return Defer("a raw string spanning lines in " + N.Path + ", in C");
    if (F->UnconditionalError || (F->ConditionalError && !N.System))
      return Defer("an #error or unknown directive in " + N.Path);
    if (F->MayNameClientApi && !N.System && MayNameApi.empty())
      MayNameApi = N.Path;
    for (const SpelledInclude &Include : F->Includes) {
      Node To;
      if (resolve(S, N, Include, To)) {
        To.Definite = N.Definite && !Include.Conditional;
        Visit(std::move(To));
        continue;
      }
      // A system header's include that may not be taken (under a condition,
      // or in a header itself included under one), not found: another
      // platform's (gnu/stubs-32.h, libstdc++'s parallel mode's omp.h). Any
      // other header not found is the scanner's to judge (the unit's
      // missing headers are reported).
      bool MaybeTaken = Include.Conditional || !N.Definite;
      if (!MaybeTaken || !N.System || isClientHeader(Include.Name))
        return Defer(Include.Name + " not found (included from " + N.Path +
                     ")");
      if (SkippedMissing.empty())
        SkippedMissing = Include.Name + " (included from " + N.Path + ")";
    }
  }
  // Were a skipped include taken after all, the scanner would judge the
  // unit by the text of the files it read (PreFilter.cpp): judge it so here
  // too, by the project's files. A system header's text is not read: the
  // GNU ones all say "redistribute", so that every unit would go to the
  // scanner. (The unit would then not compile for want of a system
  // header, and today's scanner would parse it; docs/performance.md.)
  if (!SkippedMissing.empty() && !MayNameApi.empty())
    return Defer(SkippedMissing + " not found, and " + MayNameApi +
                 " may name a client API");
  // Everything this walk read has a clean closure.
  std::lock_guard<std::mutex> Guard(S.Lock);
  for (const auto &Walked : Seen) {
    auto [It, New] = S.CleanFiles.try_emplace(
        Walked.getKey(),
        Search::Clean{SkippedMissing, MayNameApi, Walked.getValue()});
    if (!New && Walked.getValue() && !It->second.Definite)
      It->second = {SkippedMissing, MayNameApi, true};
  }
  return {true, {}};
}

} // namespace rehost
