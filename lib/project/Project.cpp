//===- Project.cpp - Phase two: one project-wide view of every site -------===//

#include "rehost/Project.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

#include <set>
#include <tuple>

namespace rehost {
namespace {

constexpr llvm::StringLiteral DefaultProfile = "default";

bool isLoopback(llvm::StringRef Host) {
  return Host == "localhost" || Host == "127.0.0.1" || Host == "::1" ||
         Host == "0.0.0.0";
}

bool isAddressLiteral(llvm::StringRef Host) {
  return Host.contains(':') || llvm::all_of(Host, [](char C) {
           return llvm::isDigit(C) || C == '.';
         });
}

/// Lower case, with every character a profile name cannot hold turned into
/// '-': profile names become parts of environment variable names.
std::string sanitize(llvm::StringRef Name) {
  std::string Out;
  for (char C : Name.lower())
    Out += llvm::isAlnum(C) || C == '_' ? C : '-';
  llvm::StringRef Trimmed = llvm::StringRef(Out).trim('-');
  return Trimmed.empty() ? "redis" : Trimmed.str();
}

/// A readable name for an endpoint address (Endpoint::address()): the first
/// DNS label of the (first node's) host name, the socket file's stem, or the
/// address and port spelled out.
std::string deriveName(llvm::StringRef Address) {
  if (Address.consume_front("unix://"))
    return sanitize(llvm::sys::path::stem(Address));
  Address = Address.split("://").second;
  Address = Address.split(',').first.split('/').first;
  auto [Host, Port] = Address.rsplit(':');
  Host = Host.trim("[]");
  std::string PortSuffix = Port == "6379" ? "" : ("-" + Port).str();
  if (isLoopback(Host))
    return sanitize("local" + PortSuffix);
  if (isAddressLiteral(Host))
    return sanitize("ip-" + Host.str() + PortSuffix);
  return sanitize(Host.split('.').first);
}

Finding makeFinding(const Site &S, llvm::StringRef Profile) {
  Finding F;
  F.R = S.R;
  F.Api = S.Api;
  F.Kind = S.Kind;
  F.Line = S.Line;
  F.Column = S.Column;
  F.LineText = S.LineText;
  F.Endpoint = S.Target.uri();
  if (S.R == Rule::PartiallyHardcoded) {
    F.Act = Action::Manual;
    F.Reason = "a constant fallback is mixed with values computed at run "
               "time; move the fallback into configuration by hand";
  } else {
    F.Profile = Profile.str();
  }
  return F;
}

std::string displayPath(llvm::StringRef Path, llvm::StringRef Root) {
  llvm::StringRef Rel = Path;
  if (!Root.empty() && Rel.consume_front(Root) &&
      (Root.endswith("/") || Rel.consume_front("/")))
    return Rel.str();
  return Path.str();
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
      if (S->Target.address() != Address)
        continue;
      if (Info.Sites++ == 0)
        Info.Endpoint = S->Target.uri();
    }
    Out.push_back(std::move(Info));
  }
  llvm::sort(Out, [](const ProfileInfo &A, const ProfileInfo &B) {
    return std::make_tuple(A.Name != DefaultProfile, A.Name) <
           std::make_tuple(B.Name != DefaultProfile, B.Name);
  });
  return Out;
}

} // namespace

std::vector<std::string> profileVariables(llvm::StringRef Profile) {
  // The runtime upper-cases the profile and turns '-' into '_'; "default"
  // uses the bare names.
  std::string Prefix = "REDIS_";
  if (Profile != DefaultProfile) {
    for (char C : Profile)
      Prefix += C == '-' ? '_' : llvm::toUpper(C);
    Prefix += '_';
  }
  std::vector<std::string> Out;
  for (llvm::StringRef Part : {"URL", "HOST", "PORT", "SOCKET", "PASSWORD"})
    Out.push_back(Prefix + Part.str());
  return Out;
}

std::map<std::string, std::string>
nameProfiles(llvm::ArrayRef<std::string> EndpointUses) {
  // Most used first; ties keep the order of first use, so names are stable.
  std::vector<std::pair<std::string, unsigned>> Counts;
  for (const std::string &Uri : EndpointUses) {
    auto It = llvm::find_if(Counts, [&](auto &C) { return C.first == Uri; });
    if (It == Counts.end())
      Counts.emplace_back(Uri, 1);
    else
      ++It->second;
  }
  std::stable_sort(Counts.begin(), Counts.end(),
                   [](auto &A, auto &B) { return A.second > B.second; });

  std::map<std::string, std::string> Names;
  llvm::StringSet<> Taken;
  for (const auto &[Uri, Count] : Counts) {
    std::string Name = Names.empty() ? DefaultProfile.str() : deriveName(Uri);
    std::string Unique = Name;
    for (unsigned N = 2; !Taken.insert(Unique).second; ++N)
      Unique = Name + "-" + std::to_string(N);
    Names.emplace(Uri, Unique);
  }
  return Names;
}

Report resolveProject(llvm::ArrayRef<TranslationUnitFacts> Units,
                      llvm::StringRef Root) {
  std::map<std::string, FileReport> Files;
  auto FileFor = [&](const std::string &Path) -> FileReport & {
    FileReport &File = Files[Path];
    if (File.Path.empty()) {
      File.Path = Path;
      File.DisplayPath = displayPath(Path, Root);
    }
    return File;
  };

  // A site in a header is seen by every unit that includes it: keep one.
  std::set<std::tuple<std::string, unsigned, std::string>> Seen;
  std::vector<const Site *> Sites;
  for (const TranslationUnitFacts &Unit : Units) {
    FileReport &Main = FileFor(Unit.MainFile);
    if (!Unit.Error.empty()) {
      Main.State = FileReport::Status::Error;
      Main.Error = Unit.Error;
    }
    for (const Site &S : Unit.Sites)
      if (Seen.emplace(S.File, S.Offset, S.Api).second)
        Sites.push_back(&S);
  }
  llvm::sort(Sites, [](const Site *A, const Site *B) {
    return std::tie(A->File, A->Offset, A->Api) <
           std::tie(B->File, B->Offset, B->Api);
  });

  // A credential finding shares the profile of the endpoint it is written
  // with (a URI's user info); alone (AUTH, a password field) it has none.
  std::vector<std::string> Uses;
  for (const Site *S : Sites)
    if (S->R != Rule::PartiallyHardcoded && !S->Target.address().empty())
      Uses.push_back(S->Target.address());
  std::map<std::string, std::string> Profiles = nameProfiles(Uses);

  for (const Site *S : Sites) {
    FileReport &File = FileFor(S->File);
    auto Profile = Profiles.find(S->Target.address());
    File.Findings.push_back(makeFinding(
        *S, Profile == Profiles.end() ? llvm::StringRef() : Profile->second));
    if (File.State == FileReport::Status::Clean)
      File.State = FileReport::Status::Findings;
  }

  Report R;
  R.Profiles = describeProfiles(Profiles, Sites);
  R.Root = Root.str();
  for (auto &Entry : Files)
    R.Files.push_back(std::move(Entry.second));
  R.TranslationUnits = Units.size();
  return R;
}

} // namespace rehost
