//===- Project.cpp - Phase two: one project-wide view of every site -------===//

#include "rehost/Project.h"

#include "rehost/DerivedSites.h"

#include "rehost/Catalog.h"
#include "rehost/Paths.h"
#include "rehost/RewriteRenderer.h"
#include "rehost/Uri.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MD5.h"
#include "llvm/Support/Path.h"

#include <map>
#include <set>
#include <tuple>

namespace rehost {
namespace {

/// What a credential finding names: the parts written in the source.
CredentialKind writtenCredentials(const Endpoint &Target) {
  bool User = Target.User.isKnown() && !Target.User.Text.empty();
  bool Password = Target.Password.isKnown() && !Target.Password.Text.empty();
  if (Target.Uri.isKnown()) {
    UriParts Parts = splitUri(Target.Uri.Text);
    User |= !Parts.User.empty();
    Password |= Parts.HasPassword;
  }
  if (User && Password)
    return CredentialKind::UserAndPassword;
  return User ? CredentialKind::User : CredentialKind::Password;
}

Finding makeFinding(const Site &S, const Rewrite &Plan, llvm::StringRef Profile,
                    llvm::StringRef Root) {
  Finding F;
  F.R = S.R;
  F.Api = S.Api;
  F.Kind = S.Kind;
  F.Line = S.Line;
  F.Column = S.Column;
  F.LineText = S.LineText;
  F.Function = S.Function;
  F.Chain = S.Chain;
  for (FlowStep &Step : F.Chain)
    Step.File = displayPath(Step.File, Root);
  // A credential sent on a connection is reported with that connection's
  // endpoint, whose profile it takes.
  F.Endpoint = S.Target.address().empty() && !S.ConnectionAddress.empty()
                   ? S.ConnectionAddress
                   : S.Target.uri();
  if (S.R == Rule::HardcodedCredential)
    F.Credential = writtenCredentials(S.Target);
  if (S.R != Rule::PartiallyHardcoded)
    F.Profile = Profile.str();
  F.Act = Plan.Edits.empty() ? Action::Manual : Action::Fixable;
  F.Reason = Plan.ManualReason;
  return F;
}

/// Whether the site's comment silences it: it gives a reason, or none is
/// required.
bool isSilenced(const Site &S, const ToolConfig &Config) {
  return S.Suppressed.suppresses() &&
         (!S.Suppressed.Reason.empty() || !Config.RequireReason);
}

/// Silences \p F when its site's comment does; a comment without the
/// reason that is required keeps the finding, saying so, and fix leaves it
/// alone.
void applySuppression(Finding &F, const Site &S, const ToolConfig &Config) {
  const Suppression &Comment = S.Suppressed;
  if (!Comment.suppresses())
    return;
  if (!isSilenced(S, Config)) {
    F.Act = Action::Manual;
    F.Reason = Comment.Form +
               " gives no reason, and --require-reason asks "
               "for one: write it after the comment (" +
               Comment.Form +
               (Comment.Form == AllowForm ? "(why)"
                                          : "(" + checkName(F.R) + "): why") +
               ")";
    return;
  }
  F.Act = Action::Suppressed;
  F.Profile.clear();
  F.SuppressedBy = Comment.Form;
  F.Reason = Comment.Reason;
}

/// Each site's fingerprint, \p Sites sorted by place: the digest of what
/// identifies it where the project is checked out (path relative to \p
/// Root, rule, API, text, enclosing function) and of how many sites alike
/// come before it in its file, so two identical calls in one function differ
/// and moving code changes neither.
std::vector<std::string> fingerprintsOf(llvm::ArrayRef<const Site *> Sites,
                                        llvm::StringRef Root) {
  std::map<std::vector<std::string>, unsigned> Seen;
  std::vector<std::string> Out;
  for (const Site *S : Sites) {
    std::vector<std::string> Key = {displayPath(S->File, Root),
                                    ruleId(S->R).str(), S->Api, S->Text,
                                    S->Function};
    Key.push_back(std::to_string(Seen[Key]++));
    llvm::MD5 Hash;
    for (const std::string &Part : Key) {
      Hash.update(Part);
      Hash.update(llvm::ArrayRef<uint8_t>{0});
    }
    llvm::MD5::MD5Result Digest;
    Hash.final(Digest);
    Out.push_back(std::string(Digest.digest()));
  }
  return Out;
}

/// Whether the endpoint's host is one .rehost.toml's allow_hosts names.
bool isAllowed(const Endpoint &Target, const ToolConfig &Config) {
  if (Target.Host.isKnown())
    return Config.isAllowedHost(Target.Host.Text);
  if (Target.Uri.isKnown())
    return Config.isAllowedHost(splitUri(Target.Uri.Text).Host);
  return false;
}

bool overlaps(const FileEdit &A, const FileEdit &B) {
  if (A.Offset == B.Offset)
    return true; // Two texts at one place: their order would be a guess.
  return A.Offset < B.Offset + B.Length && B.Offset < A.Offset + A.Length;
}

bool sameEdit(const FileEdit &A, const FileEdit &B) {
  return A.Offset == B.Offset && A.Length == B.Length && A.Text == B.Text;
}

/// Collects the edits of every fixable site, file by file. A site's edits go
/// in together or not at all; an edit identical to one already planned (the
/// same header seen again, a macro body) is planned once.
class EditCollector {
public:
  /// Adds \p Edits, or returns why they conflict with what is planned.
  std::string add(llvm::ArrayRef<PlannedEdit> Edits) {
    for (const PlannedEdit &E : Edits) {
      auto It = Files.find(E.File);
      if (It == Files.end())
        continue;
      if (It->second.Digest != E.Digest)
        return E.File + " changed while it was being analysed";
      FileEdit Candidate{E.Offset, E.Length, E.Text};
      for (const FileEdit &Planned : It->second.Edits)
        if (!sameEdit(Planned, Candidate) && overlaps(Planned, Candidate))
          return "its edit overlaps another site's edit in " + E.File;
    }
    for (const PlannedEdit &E : Edits) {
      FilePlan &Plan = Files[E.File];
      Plan.Path = E.File;
      Plan.Digest = E.Digest;
      Plan.Includes.insert(E.Include);
      FileEdit Edit{E.Offset, E.Length, E.Text};
      if (llvm::none_of(Plan.Edits,
                        [&](const FileEdit &P) { return sameEdit(P, Edit); }))
        Plan.Edits.push_back(std::move(Edit));
    }
    return {};
  }

  /// Notes where passwords are written (any site's, fixed or not): the diff
  /// of a file with edits hides them all.
  void noteSecrets(llvm::ArrayRef<Anchor> Secrets) {
    for (const Anchor &Secret : Secrets)
      SecretSpans[Secret.File].insert({Secret.Offset, Secret.Length});
  }

  EditPlan take() {
    EditPlan Plan;
    for (auto &Entry : Files) {
      Entry.second.SecretSpans = std::move(SecretSpans[Entry.first]);
      llvm::sort(Entry.second.Edits, [](const FileEdit &A, const FileEdit &B) {
        return A.Offset < B.Offset;
      });
      Plan.Files.push_back(std::move(Entry.second));
    }
    return Plan;
  }

private:
  std::map<std::string, FilePlan> Files;
  std::map<std::string, std::set<std::pair<unsigned, unsigned>>> SecretSpans;
};

/// Every macro body whose expansions do not all mean one endpoint.
std::set<std::string>
disagreeingMacroBodies(llvm::ArrayRef<TranslationUnitFacts> Units) {
  std::map<std::string, std::set<std::string>> Addresses;
  for (const TranslationUnitFacts &Unit : Units)
    for (const MacroBodyUse &Use : Unit.MacroBodyUses)
      Addresses[Use.Key].insert(Use.Address);
  std::set<std::string> Out;
  for (const auto &[Key, Seen] : Addresses)
    if (Seen.size() > 1 || Seen.count(""))
      Out.insert(Key);
  return Out;
}

std::vector<ProfileInfo>
describeProfiles(const std::map<std::string, std::string> &Names,
                 llvm::ArrayRef<const Site *> Sites) {
  std::vector<ProfileInfo> Out;
  for (const auto &[Address, Name] : Names) {
    ProfileInfo Info;
    Info.Name = Name;
    Info.Address = Address;
    Info.Variables = profileVariables(Name);
    for (const Site *S : Sites) {
      if (S->profileAddress() != Address)
        continue;
      ++Info.Sites;
      if (Info.Endpoint.empty() && S->Target.address() == Address)
        Info.Endpoint = S->Target.uri();
    }
    Out.push_back(std::move(Info));
  }
  sortProfiles(Out);
  return Out;
}

} // namespace

void sortProfiles(std::vector<ProfileInfo> &Profiles) {
  llvm::sort(Profiles, [](const ProfileInfo &A, const ProfileInfo &B) {
    return std::make_tuple(A.Name != DefaultProfile, A.Name) <
           std::make_tuple(B.Name != DefaultProfile, B.Name);
  });
}

// A credential that `fix` takes out of the code must now come from the
// deployment: each profile lists the variables that set what left.
void noteCredentialsToSet(llvm::ArrayRef<FileReport> Files,
                          std::vector<ProfileInfo> &Profiles) {
  for (ProfileInfo &Info : Profiles) {
    bool User = false, Password = false;
    for (const FileReport &File : Files)
      for (const Finding &F : File.Findings)
        if (F.R == Rule::HardcodedCredential && F.Act == Action::Fixable &&
            F.Profile == Info.Name) {
          User |= holdsUser(F.Credential);
          Password |= holdsPassword(F.Credential);
        }
    if (User)
      Info.MustSet.push_back(profileVariable(Info.Name, "USERNAME"));
    if (Password)
      Info.MustSet.push_back(profileVariable(Info.Name, "PASSWORD"));
  }
}

namespace {

/// The rewrite fix applies to \p S, and for --pool why a connect is not
/// pooled.
Rewrite chosenRewrite(const Site &S, bool Strict, bool Pool,
                      llvm::StringRef Profile, std::string &NotPooled,
                      llvm::ArrayRef<ReachedUse> Reached) {
  if (Pool && isPooledConnect(S.Api) && S.Chain.empty()) {
    Rewrite Pooled = renderRewrite(S, RewriteMode::Pool, Profile);
    if (!Pooled.Edits.empty())
      return Pooled;
    NotPooled = "not pooled: " + Pooled.ManualReason;
  }
  return renderRewrite(S, Strict ? RewriteMode::Strict : RewriteMode::Fallback,
                       Profile, Reached);
}

/// The client calls in the project's own code that derived sites reach,
/// each with the profile set of every constant that reaches it; a call
/// that one of them cannot move with is blocked: moving it would hide the
/// constant left behind from the next scan.
class ReachedUses {
public:
  ReachedUses(llvm::ArrayRef<TranslationUnitFacts> Units,
              llvm::ArrayRef<UnitFlows> Cached,
              llvm::ArrayRef<const Site *> Sites,
              const std::map<std::string, std::string> &Profiles,
              const ToolConfig &Config) {
    for (const TranslationUnitFacts &Unit : Units)
      for (const FlowUse &Use : Unit.Flows.Uses)
        Uses.try_emplace(Use.key(), &Use);
    for (const UnitFlows &Flows : Cached)
      for (const FlowUse &Use : Flows.Uses)
        if (Uses.try_emplace(Use.key(), &Use).second)
          NotParsed.insert(Use.key());
    std::map<std::string, std::set<std::string>> Names;
    for (const Site *S : Sites)
      if (auto Named = Profiles.find(S->profileAddress());
          Named != Profiles.end() && !isSilenced(*S, Config))
        for (const std::string &Key : S->ReachedUses)
          Names[Key].insert(Named->second);
    for (const auto &[Key, Set] : Names)
      ProfileSets[Key] = "match:" + llvm::join(Set, ",");
  }

  /// The uses \p S reaches.
  std::vector<ReachedUse> of(const Site &S) const {
    std::vector<ReachedUse> Out;
    for (const std::string &Key : S.ReachedUses) {
      auto Use = Uses.find(Key);
      auto Set = ProfileSets.find(Key);
      Out.push_back({Use == Uses.end() ? nullptr : Use->second,
                     Set == ProfileSets.end() ? "" : Set->second,
                     NotParsed.count(Key) != 0});
    }
    return Out;
  }

  /// Notes that \p S, at \p Place, is left to a human for \p Reason.
  void block(const Site &S, llvm::StringRef Place, llvm::StringRef Reason) {
    for (const std::string &Key : S.ReachedUses)
      Blocked.try_emplace(Key, (Place + " (" + Reason + ")").str());
  }
  /// Why \p S may not move its uses: another constant reaching one stays.
  std::string blockedReason(const Site &S) const {
    for (const std::string &Key : S.ReachedUses)
      if (auto It = Blocked.find(Key); It != Blocked.end())
        return "another constant that reaches the same client call is left "
               "to a human first: " +
               It->second;
    return {};
  }

private:
  std::map<std::string, const FlowUse *> Uses;
  /// The keys of Uses that are in cached units, not parsed this run.
  std::set<std::string> NotParsed;
  std::map<std::string, std::string> ProfileSets;
  std::map<std::string, std::string> Blocked;
};

} // namespace

std::string missingHeadersReason(llvm::ArrayRef<std::string> Missing) {
  std::vector<std::string> Quoted;
  for (const std::string &Header : Missing)
    Quoted.push_back("'" + Header + "'");
  return "skipped: " + llvm::join(Quoted, ", ") +
         (Missing.size() == 1 ? " is" : " are") +
         " not found, but it cannot hold a site (no Redis client header "
         "among its other includes, no client API named in what it reads)";
}

Resolution resolveProject(llvm::ArrayRef<TranslationUnitFacts> Units,
                          llvm::StringRef Root, const ToolConfig &Config,
                          bool Strict, bool Pool,
                          llvm::ArrayRef<UnitFlows> Cached,
                          const std::map<std::string, Sink> *Sinks) {
  std::map<std::string, FileReport> Files;
  auto FileFor = [&](const std::string &Path) -> FileReport & {
    FileReport &File = Files[Path];
    if (File.Path.empty()) {
      File.Path = Path;
      File.DisplayPath = displayPath(Path, Root);
    }
    return File;
  };

  // A site in a header is seen by every unit that includes it: keep one per
  // endpoint. A header compiled with different endpoints in different units
  // (`-DCACHE_HOST=…`) keeps each, and none can be rewritten for all.
  using SiteKey = std::tuple<std::string, unsigned, std::string>;
  std::map<SiteKey, std::set<std::string>> EndpointsAt;
  std::vector<const Site *> Sites;
  auto Keep = [&](const Site &S) {
    if (!Config.isExcluded(S.File) && !isAllowed(S.Target, Config) &&
        EndpointsAt[{S.File, S.Offset, S.Api}].insert(S.Target.uri()).second)
      Sites.push_back(&S);
  };
  // Constants handed to the project's own wrappers and fields, once every
  // unit's flows are known.
  const std::vector<Site> Derived = derivedSites(
      Units, Sinks ? *Sinks : resolveSinks(Units, Config, Cached), Cached);
  for (const Site &S : Derived)
    Keep(S);
  for (const TranslationUnitFacts &Unit : Units) {
    FileReport &Main = FileFor(Unit.MainFile);
    if (!Unit.Error.empty()) {
      Main.State = FileReport::Status::Error;
      Main.Error = Unit.Error;
      Main.FirstError = Unit.FirstError;
    } else if (!Unit.MissingHeaders.empty()) {
      Main.State = FileReport::Status::Skipped;
      Main.Error = missingHeadersReason(Unit.MissingHeaders);
    }
    for (const Site &S : Unit.Sites)
      Keep(S);
  }
  llvm::sort(Sites, [](const Site *A, const Site *B) {
    return std::tie(A->File, A->Offset, A->Api) <
           std::tie(B->File, B->Offset, B->Api);
  });

  // A credential finding shares the profile of the endpoint it is written
  // with (a URI's user info) or of the connection it is sent on.
  std::vector<EndpointUse> Uses;
  for (const Site *S : Sites)
    if (S->R != Rule::PartiallyHardcoded && !S->profileAddress().empty() &&
        !isSilenced(*S, Config))
      Uses.push_back({S->profileAddress(), S->Hints});
  std::map<std::string, std::string> Profiles =
      nameProfiles(Uses, Config.ProfileNames, Config.ReservedProfileNames);

  std::vector<std::string> Fingerprints = fingerprintsOf(Sites, Root);
  std::set<std::string> Disagreeing = disagreeingMacroBodies(Units);
  auto ProfileOf = [&](const Site &S) {
    auto Named = Profiles.find(S.profileAddress());
    return Named == Profiles.end() ? llvm::StringRef() : Named->second;
  };
  // Each site's rewrite, rendered once. A wrapper's client call moves only
  // when every constant reaching it can, so every plan is known before any
  // is applied.
  ReachedUses Reached(Units, Cached, Sites, Profiles, Config);
  std::vector<Rewrite> Plans;
  std::vector<std::string> NotPooled(Sites.size());
  for (size_t I = 0; I != Sites.size(); ++I) {
    const Site *S = Sites[I];
    Plans.push_back(chosenRewrite(*S, Strict, Pool, ProfileOf(*S), NotPooled[I],
                                  Reached.of(*S)));
    if (!S->ReachedUses.empty() && !isSilenced(*S, Config) &&
        !Plans.back().ManualReason.empty())
      Reached.block(*S,
                    displayPath(S->File, Root) + ":" + std::to_string(S->Line),
                    Plans.back().ManualReason);
  }
  EditCollector Edits;
  for (size_t I = 0; I != Sites.size(); ++I) {
    const Site *S = Sites[I];
    Edits.noteSecrets(S->Spelling.Secrets);
    FileReport &File = FileFor(S->File);
    llvm::StringRef Profile = ProfileOf(*S);
    for (const ReachedUse &Use : Reached.of(*S))
      if (Use.Use)
        Edits.noteSecrets(Use.Use->Spelling.Secrets);
    Rewrite &Plan = Plans[I];
    if (std::string Blocked = Reached.blockedReason(*S);
        !Blocked.empty() && Plan.ManualReason.empty()) {
      Plan = Rewrite();
      Plan.ManualReason = std::move(Blocked);
    }
    Finding F = makeFinding(*S, Plan, Profile, Root);
    F.Fingerprint = std::move(Fingerprints[I]);
    applySuppression(F, *S, Config);
    const std::set<std::string> &Endpoints =
        EndpointsAt[{S->File, S->Offset, S->Api}];
    if (F.Act == Action::Fixable) {
      std::string Conflict;
      if (Endpoints.size() > 1)
        Conflict = "the translation units that include this file give it "
                   "different endpoints (" +
                   llvm::join(Endpoints, ", ") +
                   "); rewrite it by hand, one profile per endpoint";
      else if (F.Profile.empty())
        Conflict = "the endpoint has no profile";
      else if (Disagreeing.count(Plan.MacroBodyKey))
        Conflict = "it is spelled in a macro body whose expansions mean "
                   "different endpoints; rewrite the macro by hand";
      else
        Conflict = Edits.add(Plan.Edits);
      if (Conflict.empty()) {
        F.Reason = std::move(NotPooled[I]);
        F.Before = std::move(Plan.Before);
        F.After = std::move(Plan.After);
        F.EditFile = Plan.Edits.front().File;
      } else {
        F.Act = Action::Manual;
        F.Reason = std::move(Conflict);
      }
    }
    bool Active = F.isActive();
    File.Findings.push_back(std::move(F));
    if (Active && File.State == FileReport::Status::Clean)
      File.State = FileReport::Status::Findings;
  }

  Resolution Out;
  Report &R = Out.Findings;
  std::vector<const Site *> Counted;
  llvm::copy_if(Sites, std::back_inserter(Counted),
                [&](const Site *S) { return !isSilenced(*S, Config); });
  R.Profiles = describeProfiles(Profiles, Counted);
  R.Root = Root.str();
  for (auto &Entry : Files)
    R.Files.push_back(std::move(Entry.second));
  noteCredentialsToSet(R.Files, R.Profiles);
  R.TranslationUnits = Units.size();
  R.UntracedClientCalls = untracedClientCalls(Units, Cached);
  Out.Edits = Edits.take();
  return Out;
}

} // namespace rehost
