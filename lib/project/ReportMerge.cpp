//===- ReportMerge.cpp - One report from the shards' JSON or SARIF reports ===//

#include "rehost/ReportMerge.h"

#include "rehost/Paths.h"
#include "rehost/Project.h"
#include "rehost/Uri.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"

#include <limits>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace rehost {
namespace {

/// \p O's value, or \p Default: the optional type JSON's getters return
/// differs between LLVM versions, and LLVM 14's has no value_or.
template <class Opt, class T> T valueOr(const Opt &O, T Default) {
  return O ? T(*O) : Default;
}

llvm::Error failure(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
}

/// The advice every refusal ends with.
constexpr llvm::StringLiteral UseFacts =
    "merge the shards' --facts-out files instead, which are resolved "
    "together as one run";

constexpr Rule Rules[] = {Rule::HardcodedEndpoint, Rule::HardcodedCredential,
                          Rule::PartiallyHardcoded};
constexpr Action Actions[] = {Action::Fixable, Action::Fixed, Action::Manual,
                              Action::Suppressed};
constexpr ApiKind Kinds[] = {ApiKind::Function, ApiKind::Method,
                             ApiKind::Constructor, ApiKind::Field};
constexpr CredentialKind Credentials[] = {
    CredentialKind::None, CredentialKind::User, CredentialKind::Password,
    CredentialKind::UserAndPassword};
constexpr FileReport::Status States[] = {
    FileReport::Status::Clean, FileReport::Status::Findings,
    FileReport::Status::Error, FileReport::Status::Skipped};

/// \p E as one of \p Choices, each named by \p Name.
template <class T, size_t N>
bool readChoice(const llvm::json::Value &E, T &Out, llvm::json::Path P,
                const T (&Choices)[N], llvm::StringRef (*Name)(T)) {
  if (auto Text = E.getAsString())
    for (T C : Choices)
      if (Name(C) == *Text) {
        Out = C;
        return true;
      }
  P.report("expected one of rehost's names");
  return false;
}

/// A count or a position. LLVM 14's JSON has no reader for unsigned, and
/// ObjectMapper::map needs an lvalue, so a field is read through one of
/// these (see mapCount).
struct Count {
  unsigned &Out;
};
bool fromJSON(const llvm::json::Value &E, Count &C, llvm::json::Path P) {
  auto N = E.getAsInteger();
  if (!N || *N < 0 || *N > std::numeric_limits<unsigned>::max()) {
    P.report("expected a non-negative integer");
    return false;
  }
  C.Out = static_cast<unsigned>(*N);
  return true;
}

/// A path as a report shows it (relative to its root, or absolute), as a
/// path under \p Root.
std::string underRoot(llvm::StringRef Shown, llvm::StringRef Root) {
  if (Shown.empty() || llvm::sys::path::is_absolute(Shown))
    return Shown.str();
  llvm::SmallString<256> Out(Root);
  llvm::sys::path::append(Out, Shown);
  return std::string(Out);
}

} // namespace

// The readers of a JSON report's objects. ObjectMapper::map finds them by
// argument-dependent lookup, so they live in the types' namespace. Paths are
// read as written; reportFromJson puts them under the merge's root.
static bool fromJSON(const llvm::json::Value &E, Rule &Out,
                     llvm::json::Path P) {
  return readChoice(E, Out, P, Rules, ruleId);
}
static bool fromJSON(const llvm::json::Value &E, Action &Out,
                     llvm::json::Path P) {
  return readChoice(E, Out, P, Actions, actionName);
}
static bool fromJSON(const llvm::json::Value &E, ApiKind &Out,
                     llvm::json::Path P) {
  return readChoice(E, Out, P, Kinds, apiKindName);
}
static bool fromJSON(const llvm::json::Value &E, CredentialKind &Out,
                     llvm::json::Path P) {
  return readChoice(E, Out, P, Credentials, credentialName);
}
static bool fromJSON(const llvm::json::Value &E, FileReport::Status &Out,
                     llvm::json::Path P) {
  return readChoice(E, Out, P, States, statusName);
}

namespace {

bool mapCount(llvm::json::ObjectMapper &O, llvm::StringLiteral Key,
              unsigned &Out, bool Required = true) {
  Count C{Out};
  return Required ? O.map(Key, C) : O.mapOptional(Key, C);
}

} // namespace

static bool fromJSON(const llvm::json::Value &E, FlowStep &Step,
                     llvm::json::Path P) {
  llvm::json::ObjectMapper O(E, P);
  return O && O.map("function", Step.Name) && O.map("file", Step.File) &&
         mapCount(O, "line", Step.Line) && mapCount(O, "column", Step.Column);
}

static bool fromJSON(const llvm::json::Value &E, Finding &F,
                     llvm::json::Path P) {
  llvm::json::ObjectMapper O(E, P);
  return O && O.map("rule", F.R) && O.map("api", F.Api) &&
         O.map("kind", F.Kind) && mapCount(O, "line", F.Line) &&
         mapCount(O, "column", F.Column) && O.map("line_text", F.LineText) &&
         O.map("function", F.Function) && O.map("endpoint", F.Endpoint) &&
         O.map("credential", F.Credential) && O.map("profile", F.Profile) &&
         O.map("action", F.Act) && O.map("reason", F.Reason) &&
         O.mapOptional("suppressed_by", F.SuppressedBy) &&
         O.mapOptional("before", F.Before) && O.mapOptional("after", F.After) &&
         O.mapOptional("chain", F.Chain) && O.map("fingerprint", F.Fingerprint);
}

static bool fromJSON(const llvm::json::Value &E, CompilerError &C,
                     llvm::json::Path P) {
  llvm::json::ObjectMapper O(E, P);
  return O && O.map("message", C.Message) && O.mapOptional("path", C.File) &&
         mapCount(O, "line", C.Line, /*Required=*/false) &&
         mapCount(O, "column", C.Column, /*Required=*/false);
}

static bool fromJSON(const llvm::json::Value &E,
                     std::optional<CompilerError> &Out, llvm::json::Path P) {
  Out.emplace();
  return fromJSON(E, *Out, P);
}

static bool fromJSON(const llvm::json::Value &E, FileReport &File,
                     llvm::json::Path P) {
  llvm::json::ObjectMapper O(E, P);
  // first_error is there only when the compiler gave one.
  return O && O.map("path", File.Path) && O.map("status", File.State) &&
         O.mapOptional("error", File.Error) &&
         O.mapOptional("first_error", File.FirstError) &&
         O.map("findings", File.Findings);
}

static bool fromJSON(const llvm::json::Value &E, ProfileInfo &Profile,
                     llvm::json::Path P) {
  llvm::json::ObjectMapper O(E, P);
  return O && O.map("name", Profile.Name) &&
         O.map("address", Profile.Address) &&
         O.map("endpoint", Profile.Endpoint) &&
         mapCount(O, "sites", Profile.Sites) &&
         O.map("variables", Profile.Variables) &&
         O.map("must_set", Profile.MustSet);
}

/// The files, the profiles and the summary's counts.
static bool fromJSON(const llvm::json::Value &E, Report &R,
                     llvm::json::Path P) {
  llvm::json::ObjectMapper O(E, P);
  if (!O || !O.map("files", R.Files) || !O.map("profiles", R.Profiles))
    return false;
  llvm::json::ObjectMapper Summary(*E.getAsObject()->get("summary"),
                                   P.field("summary"));
  return Summary && mapCount(Summary, "files_scanned", R.TranslationUnits) &&
         mapCount(Summary, "baselined", R.Baselined);
}

namespace {

/// What a finding two shards both report must agree on.
auto outcomeOf(const Finding &F) {
  return std::tie(F.R, F.Api, F.Line, F.Column, F.Endpoint, F.Profile, F.Act,
                  F.Reason, F.SuppressedBy, F.Before, F.After);
}

/// A finding's outcome for a message: "fixable as profile 'cache' for
/// 'redis://cache.internal:6379'".
std::string describe(const Finding &F) {
  std::string Out = actionName(F.Act).str();
  if (!F.Profile.empty())
    Out += " as profile '" + F.Profile + "'";
  return Out + " for '" + F.Endpoint + "'";
}

/// Where a shard's profile endpoint text was first seen: the merged profile
/// shows the first in file order, as one run does.
using Place = std::tuple<std::string, unsigned, unsigned>;

/// The profiles of every shard, one per name and address, counted again
/// over the merged findings.
llvm::Expected<std::vector<ProfileInfo>>
mergeProfiles(llvm::ArrayRef<ShardInput> Shards, llvm::ArrayRef<Report> Reports,
              llvm::ArrayRef<FileReport> Files) {
  std::map<std::string, std::pair<ProfileInfo, std::string>> ByName;
  std::map<std::string, std::string> NameOf;
  std::map<std::string, Place> EndpointAt;
  for (size_t I = 0; I != Reports.size(); ++I)
    for (const ProfileInfo &P : Reports[I].Profiles) {
      auto [It, New] = ByName.try_emplace(P.Name, P, Shards[I].Path);
      if (!New && It->second.first.Address != P.Address)
        return failure("profile '" + P.Name + "' is " +
                       It->second.first.Address + " in " + It->second.second +
                       " but " + P.Address + " in " + Shards[I].Path + "; " +
                       UseFacts);
      auto [Named, First] = NameOf.try_emplace(P.Address, P.Name);
      if (!First && Named->second != P.Name)
        return failure(P.Address + " is profile '" + Named->second +
                       "' in one shard and '" + P.Name + "' in " +
                       Shards[I].Path + "; " + UseFacts);
      for (const FileReport &File : Reports[I].Files)
        for (const Finding &F : File.Findings)
          if (F.Profile == P.Name && F.Endpoint == P.Endpoint) {
            Place At{File.Path, F.Line, F.Column};
            auto [Seen, Unseen] = EndpointAt.try_emplace(P.Name, At);
            if (Unseen || At < Seen->second) {
              Seen->second = At;
              It->second.first.Endpoint = P.Endpoint;
            }
          }
    }
  std::vector<ProfileInfo> Out;
  for (auto &[Name, Entry] : ByName) {
    ProfileInfo P = std::move(Entry.first);
    P.Variables = profileVariables(P.Name);
    P.MustSet.clear();
    P.Sites = 0;
    for (const FileReport &File : Files)
      P.Sites += llvm::count_if(
          File.Findings, [&](const Finding &F) { return F.Profile == P.Name; });
    Out.push_back(std::move(P));
  }
  noteCredentialsToSet(Files, Out);
  sortProfiles(Out);
  return Out;
}

/// A SARIF result's place: its file (absolute) and position.
Place resultPlace(const llvm::json::Object &Result, llvm::StringRef Root) {
  Place Out;
  const llvm::json::Array *Locations = Result.getArray("locations");
  if (!Locations || Locations->empty())
    return Out;
  const llvm::json::Object *Physical =
      Locations->front().getAsObject()
          ? Locations->front().getAsObject()->getObject("physicalLocation")
          : nullptr;
  if (!Physical)
    return Out;
  if (const llvm::json::Object *Artifact =
          Physical->getObject("artifactLocation")) {
    std::string Uri =
        percentDecode(valueOr(Artifact->getString("uri"), llvm::StringRef()));
    llvm::StringRef Path(Uri);
    std::get<0>(Out) =
        Path.consume_front("file://") ? Path.str() : underRoot(Path, Root);
  }
  if (const llvm::json::Object *Region = Physical->getObject("region")) {
    std::get<1>(Out) = static_cast<unsigned>(
        valueOr(Region->getInteger("startLine"), int64_t(0)));
    std::get<2>(Out) = static_cast<unsigned>(
        valueOr(Region->getInteger("startColumn"), int64_t(0)));
  }
  return Out;
}

std::string fingerprintOf(const llvm::json::Object &Result) {
  if (const llvm::json::Object *Prints =
          Result.getObject("partialFingerprints"))
    for (const auto &Entry : *Prints)
      if (auto S = Entry.second.getAsString())
        return (llvm::StringRef(Entry.first) + ":" + *S).str();
  return {};
}

const llvm::json::Object *onlyRun(const llvm::json::Value &Document) {
  const llvm::json::Object *Top = Document.getAsObject();
  const llvm::json::Array *Runs = Top ? Top->getArray("runs") : nullptr;
  if (!Runs || Runs->size() != 1)
    return nullptr;
  return (*Runs)[0].getAsObject();
}

} // namespace

ShardKind shardKindOf(const llvm::json::Value &Document) {
  const llvm::json::Object *Top = Document.getAsObject();
  if (!Top)
    return ShardKind::Unknown;
  if (Top->getInteger("version") && Top->getArray("units"))
    return ShardKind::Facts;
  if (valueOr(Top->getString("tool"), llvm::StringRef()) == "rehost" &&
      Top->getArray("files") && Top->getObject("summary"))
    return ShardKind::JsonReport;
  if (valueOr(Top->getString("version"), llvm::StringRef()) == "2.1.0" &&
      Top->getArray("runs"))
    return ShardKind::SarifReport;
  return ShardKind::Unknown;
}

llvm::Expected<Report> reportFromJson(const llvm::json::Value &Document,
                                      llvm::StringRef Root,
                                      llvm::StringRef Origin) {
  if (shardKindOf(Document) != ShardKind::JsonReport)
    return failure(Origin + ": not a rehost JSON report");
  llvm::json::Path::Root Path("report");
  Report R;
  if (!fromJSON(Document, R, Path))
    return failure(Origin + ": " + llvm::toString(Path.getError()));
  R.Root = Root.str();
  for (FileReport &File : R.Files) {
    File.Path = underRoot(File.Path, Root);
    File.DisplayPath = displayPath(File.Path, Root);
    if (File.FirstError)
      File.FirstError->File = underRoot(File.FirstError->File, Root);
    for (Finding &F : File.Findings)
      for (FlowStep &Step : F.Chain)
        Step.File = displayPath(underRoot(Step.File, Root), Root);
  }
  return R;
}

llvm::Expected<Report> mergeJsonReports(llvm::ArrayRef<ShardInput> Shards,
                                        llvm::StringRef Root) {
  std::vector<Report> Reports;
  for (const ShardInput &Shard : Shards) {
    auto Read = reportFromJson(Shard.Document, Root, Shard.Path);
    if (!Read)
      return Read.takeError();
    Reports.push_back(std::move(*Read));
  }
  Report Out;
  Out.Root = Root.str();
  std::map<std::string, FileReport> Files;
  // Fingerprint -> (the finding kept, the shard it came from).
  std::map<std::string, std::pair<const Finding *, llvm::StringRef>> Seen;
  for (size_t I = 0; I != Reports.size(); ++I) {
    Out.TranslationUnits += Reports[I].TranslationUnits;
    Out.Baselined += Reports[I].Baselined;
    for (const FileReport &File : Reports[I].Files) {
      auto [It, New] = Files.try_emplace(File.Path);
      FileReport &Merged = It->second;
      if (New) {
        Merged = File;
        Merged.Findings.clear();
      }
      if (File.State == FileReport::Status::Error &&
          Merged.State != FileReport::Status::Error) {
        Merged.State = File.State;
        Merged.Error = File.Error;
        Merged.FirstError = File.FirstError;
      }
      for (const Finding &F : File.Findings) {
        auto [Kept, First] =
            Seen.try_emplace(F.Fingerprint, &F, Shards[I].Path);
        if (First) {
          Merged.Findings.push_back(F);
          continue;
        }
        if (outcomeOf(*Kept->second.first) != outcomeOf(F))
          return failure(File.DisplayPath + ":" + llvm::Twine(F.Line) +
                         ": the shards report this finding apart (" +
                         Kept->second.second + ": " +
                         describe(*Kept->second.first) + "; " + Shards[I].Path +
                         ": " + describe(F) + "); " + UseFacts);
      }
    }
  }
  for (auto &[Path, File] : Files) {
    llvm::stable_sort(File.Findings, [](const Finding &A, const Finding &B) {
      return std::tie(A.Line, A.Column) < std::tie(B.Line, B.Column);
    });
    if (File.State != FileReport::Status::Error &&
        File.State != FileReport::Status::Skipped)
      File.State = llvm::any_of(File.Findings, std::mem_fn(&Finding::isActive))
                       ? FileReport::Status::Findings
                       : FileReport::Status::Clean;
    Out.Files.push_back(std::move(File));
  }
  auto Profiles = mergeProfiles(Shards, Reports, Out.Files);
  if (!Profiles)
    return Profiles.takeError();
  Out.Profiles = std::move(*Profiles);
  return Out;
}

llvm::Expected<llvm::json::Value>
mergeSarifReports(llvm::ArrayRef<ShardInput> Shards, llvm::StringRef Root,
                  SarifSummary &Summary) {
  struct Kept {
    Place At;
    llvm::json::Value Result;
    llvm::StringRef Shard;
  };
  std::vector<Kept> Results;
  std::map<std::string, size_t> ByFingerprint;
  std::vector<std::string> NotificationTexts;
  std::map<std::string, llvm::json::Value> Notifications;
  for (const ShardInput &Shard : Shards) {
    const llvm::json::Object *Run = onlyRun(Shard.Document);
    if (!Run)
      return failure(Shard.Path + ": not a rehost SARIF log (one run)");
    if (const llvm::json::Array *Rs = Run->getArray("results"))
      for (const llvm::json::Value &R : *Rs) {
        const llvm::json::Object *Result = R.getAsObject();
        if (!Result)
          return failure(Shard.Path + ": a result is not an object");
        std::string Print = fingerprintOf(*Result);
        if (Print.empty())
          return failure(Shard.Path + ": a result has no partialFingerprints");
        auto [It, New] = ByFingerprint.try_emplace(Print, Results.size());
        if (New) {
          Results.push_back({resultPlace(*Result, Root), R, Shard.Path});
          continue;
        }
        if (Results[It->second].Result != R)
          return failure(Shard.Path + " and " + Results[It->second].Shard +
                         " report a finding differently (" + Print + "); " +
                         UseFacts);
      }
    if (const llvm::json::Array *Invocations = Run->getArray("invocations"))
      for (const llvm::json::Value &Invocation : *Invocations)
        if (const llvm::json::Object *I = Invocation.getAsObject())
          if (const llvm::json::Array *Notes =
                  I->getArray("toolExecutionNotifications"))
            for (const llvm::json::Value &Note : *Notes) {
              std::string Key;
              llvm::raw_string_ostream(Key) << Note;
              Notifications.try_emplace(Key, Note);
            }
  }
  llvm::stable_sort(Results,
                    [](const Kept &A, const Kept &B) { return A.At < B.At; });
  std::set<std::string> FilesWithFindings;
  llvm::json::Array MergedResults;
  for (Kept &K : Results) {
    bool Suppressed = K.Result.getAsObject()->get("suppressions") != nullptr;
    Suppressed ? ++Summary.Suppressed : ++Summary.Findings;
    if (!Suppressed)
      FilesWithFindings.insert(std::get<0>(K.At));
    MergedResults.push_back(std::move(K.Result));
  }
  Summary.Files = FilesWithFindings.size();
  // The notifications' text starts with the file's path, so their order is
  // the files' order, as one run writes them.
  std::vector<std::pair<std::string, llvm::json::Value>> Notes;
  for (auto &[Key, Note] : Notifications) {
    const llvm::json::Object *O = Note.getAsObject();
    const llvm::json::Object *Message = O ? O->getObject("message") : nullptr;
    Notes.push_back(
        {Message ? valueOr(Message->getString("text"), llvm::StringRef()).str()
                 : Key,
         Note});
  }
  llvm::stable_sort(
      Notes, [](const auto &A, const auto &B) { return A.first < B.first; });
  llvm::json::Array MergedNotes;
  for (auto &Note : Notes)
    MergedNotes.push_back(std::move(Note.second));
  Summary.Errors = MergedNotes.size();

  llvm::json::Value Out = Shards.front().Document;
  llvm::json::Object &Run =
      *(*Out.getAsObject()->getArray("runs"))[0].getAsObject();
  Run["results"] = std::move(MergedResults);
  Run["invocations"] = llvm::json::Array{llvm::json::Object{
      {"executionSuccessful", MergedNotes.empty()},
      {"toolExecutionNotifications", std::move(MergedNotes)}}};
  Run["originalUriBaseIds"] = llvm::json::Object{
      {"SRCROOT", llvm::json::Object{{"uri", sarifRootUri(Root)}}}};
  return Out;
}

} // namespace rehost
