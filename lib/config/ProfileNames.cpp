//===- ProfileNames.cpp - Profile names and the variables they map to -----===//

#include "rehost/ProfileNames.h"

#include "rehost/Uri.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace rehost {
namespace {

/// Words that name no endpoint in particular: the client, the parts of an
/// address, the act of connecting, and the usual names of a connection or of
/// settings. A name made only of them falls back to the next hint.
constexpr llvm::StringLiteral NoiseWords[] = {
    "redis",   "hiredis", "valkey",     "host",  "hostname", "hosts",   "addr",
    "address", "port",    "url",        "uri",   "endpoint", "server",  "ip",
    "tcp",     "unix",    "socket",     "sock",  "path",     "node",    "nodes",
    "db",      "connect", "connection", "conn",  "get",      "open",    "init",
    "make",    "create",  "new",        "setup", "main",     "client",  "ctx",
    "context", "default", "config",     "cfg",   "conf",     "options", "opts",
    "str",     "string",  "start",      "run",   "cc",       "acc"};

bool isNoise(llvm::StringRef Word) {
  return llvm::is_contained(NoiseWords, Word) ||
         llvm::count_if(Word, [](char C) { return llvm::isAlpha(C); }) < 2;
}

// LLVM 14's StringExtras has no isUpper/isLower.
bool isUpperLetter(char C) { return C >= 'A' && C <= 'Z'; }
bool isLowerLetter(char C) { return C >= 'a' && C <= 'z'; }

/// \p Identifier's words, lower case: split at every character that is not
/// a letter or digit, where a lower-case letter or digit meets an upper-case
/// one (cacheHost), and before the last capital of an acronym (HTTPServer).
std::vector<std::string> wordsOf(llvm::StringRef Identifier) {
  std::vector<std::string> Words(1);
  for (size_t I = 0; I != Identifier.size(); ++I) {
    char C = Identifier[I];
    char Previous = I ? Identifier[I - 1] : 0;
    char Next = I + 1 != Identifier.size() ? Identifier[I + 1] : 0;
    bool StartsWord = isUpperLetter(C) &&
                      (isLowerLetter(Previous) || llvm::isDigit(Previous) ||
                       (isUpperLetter(Previous) && isLowerLetter(Next)));
    if ((!llvm::isAlnum(C) || StartsWord) && !Words.back().empty())
      Words.emplace_back();
    if (llvm::isAlnum(C))
      Words.back() += llvm::toLower(C);
  }
  return Words;
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

/// The name the deployment gives \p Address's server: the first DNS label
/// of the (first node's) host name or the socket file's stem, when it says
/// something (sessions.internal, queue.sock; not redis-1.internal); empty
/// for an address literal or loopback.
std::string serverName(llvm::StringRef Address) {
  std::string Label;
  if (Address.consume_front("unix://")) {
    Label = llvm::sys::path::stem(Address.split('?').first).str();
  } else {
    llvm::StringRef Host = Address.split("://").second;
    Host = Host.split(',').first.split('/').first.rsplit(':').first.trim("[]");
    if (isLoopbackHost(Host) || isAddressLiteral(Host))
      return {};
    Label = Host.split('.').first.str();
  }
  std::vector<std::string> Names = profileNamesFromCode({Label});
  return Names.empty() ? std::string() : Names.front();
}

/// The last resort, always a name: the first DNS label or the socket
/// file's stem as they are, or the address and port spelled out
/// (ip-10-0-0-5-6380, local-6390).
std::string addressName(llvm::StringRef Address) {
  if (Address.consume_front("unix://"))
    return sanitize(llvm::sys::path::stem(Address.split('?').first));
  Address = Address.split("://").second;
  Address = Address.split(',').first.split('/').first;
  auto [Host, Port] = Address.rsplit(':');
  Host = Host.trim("[]");
  std::string PortSuffix = Port == "6379" ? "" : ("-" + Port).str();
  if (isLoopbackHost(Host))
    return sanitize("local" + PortSuffix);
  if (isAddressLiteral(Host))
    return sanitize("ip-" + Host.str() + PortSuffix);
  return sanitize(Host.split('.').first);
}

/// Names from code with how many sites give each first, in order of first
/// use.
using Tally = std::vector<std::pair<std::string, unsigned>>;

/// Counts one site's \p Hints: it votes for its first name; its others are
/// candidates too.
void count(Tally &Names, llvm::ArrayRef<std::string> Hints) {
  std::vector<std::string> Given = profileNamesFromCode(Hints);
  for (size_t I = 0; I != Given.size(); ++I) {
    auto Known = llvm::find_if(
        Names, [&](const auto &N) { return N.first == Given[I]; });
    if (Known == Names.end())
      Known = Names.insert(Names.end(), {Given[I], 0});
    Known->second += I == 0;
  }
}

/// Most votes first; ties keep the order of first use.
void rank(Tally &Names) {
  std::stable_sort(
      Names.begin(), Names.end(),
      [](const auto &A, const auto &B) { return A.second > B.second; });
}

/// What naming knows of one endpoint: how many sites use it, and the names
/// their code gives it.
struct NamedEndpoint {
  std::string Address;
  unsigned Uses = 0;
  Tally ValueNames;
  Tally FunctionNames;
};

/// \p Uses grouped per endpoint, most used first; ties keep the order of
/// first use.
std::vector<NamedEndpoint> groupUses(llvm::ArrayRef<EndpointUse> Uses) {
  std::vector<NamedEndpoint> Endpoints;
  for (const EndpointUse &Use : Uses) {
    auto It = llvm::find_if(Endpoints, [&](const NamedEndpoint &E) {
      return E.Address == Use.Address;
    });
    if (It == Endpoints.end())
      It = Endpoints.insert(Endpoints.end(), {Use.Address, 0, {}, {}});
    ++It->Uses;
    count(It->ValueNames, Use.Hints.Value);
    count(It->FunctionNames, Use.Hints.Function);
  }
  for (NamedEndpoint &E : Endpoints) {
    rank(E.ValueNames);
    rank(E.FunctionNames);
  }
  std::stable_sort(Endpoints.begin(), Endpoints.end(),
                   [](const NamedEndpoint &A, const NamedEndpoint &B) {
                     return A.Uses > B.Uses;
                   });
  return Endpoints;
}

/// Names that read the same variables are one name to the runtime
/// (session-store and session_store both read REDIS_SESSION_STORE_URL).
class TakenNames {
public:
  /// Takes \p Name; false when it, or a name reading its variables, is
  /// taken already.
  bool take(llvm::StringRef Name) {
    return Variables.insert(profileVariable(Name, "URL")).second;
  }

private:
  llvm::StringSet<> Variables;
};

/// The first free name of \p Endpoint's: the names of its value, its
/// server's name, the names of its functions; else its address name, with
/// the first free -N suffix when that is taken.
std::string freeName(const NamedEndpoint &Endpoint, TakenNames &Taken) {
  std::vector<std::string> Candidates;
  for (const auto &[Name, Votes] : Endpoint.ValueNames)
    Candidates.push_back(Name);
  Candidates.push_back(serverName(Endpoint.Address));
  for (const auto &[Name, Votes] : Endpoint.FunctionNames)
    Candidates.push_back(Name);
  for (const std::string &Name : Candidates)
    if (!Name.empty() && Taken.take(Name))
      return Name;
  std::string Derived = addressName(Endpoint.Address);
  std::string Unique = Derived;
  for (unsigned N = 2; !Taken.take(Unique); ++N)
    Unique = Derived + "-" + std::to_string(N);
  return Unique;
}

} // namespace

std::vector<std::string>
profileNamesFromCode(llvm::ArrayRef<std::string> Hints) {
  std::vector<std::string> Names;
  for (const std::string &Hint : Hints) {
    std::vector<std::string> Words = wordsOf(Hint);
    llvm::erase_if(Words, isNoise);
    std::string Name = llvm::join(Words, "-");
    if (!Name.empty() && !llvm::is_contained(Names, Name))
      Names.push_back(std::move(Name));
  }
  return Names;
}

std::map<std::string, std::string>
nameProfiles(llvm::ArrayRef<EndpointUse> Uses,
             const std::map<std::string, std::string> &Preset,
             const std::set<std::string> &Reserved) {
  TakenNames Taken;
  for (const auto &[Address, Name] : Preset)
    Taken.take(Name);
  for (const std::string &Name : Reserved)
    Taken.take(Name);
  std::map<std::string, std::string> Names;
  for (const NamedEndpoint &Endpoint : groupUses(Uses)) {
    if (auto Given = Preset.find(Endpoint.Address); Given != Preset.end())
      Names.emplace(Endpoint.Address, Given->second);
    else if (Taken.take(DefaultProfile))
      Names.emplace(Endpoint.Address, DefaultProfile.str());
    else
      Names.emplace(Endpoint.Address, freeName(Endpoint, Taken));
  }
  return Names;
}

std::string profileVariable(llvm::StringRef Profile, llvm::StringRef Part) {
  // The runtime upper-cases the profile and turns '-' into '_'; "default"
  // uses the bare names.
  std::string Name = "REDIS_";
  if (Profile != DefaultProfile) {
    for (char C : Profile)
      Name += C == '-' ? '_' : llvm::toUpper(C);
    Name += '_';
  }
  return Name + Part.str();
}

bool isProfileName(llvm::StringRef Name) {
  return !Name.empty() && llvm::all_of(Name, [](char C) {
    return llvm::isAlnum(C) || C == '_' || C == '-';
  });
}

std::vector<std::string> profileVariables(llvm::StringRef Profile) {
  std::vector<std::string> Out;
  for (llvm::StringRef Part : {"URL", "HOST", "PORT", "SOCKET", "PASSWORD"})
    Out.push_back(profileVariable(Profile, Part));
  return Out;
}

} // namespace rehost
