//===- ProfileNames.h - Profile names and the variables they map to -------===//
//
// Every distinct endpoint `fix` takes out of the code gets a profile, and the
// deployment sets it through REDIS_<NAME>_URL and friends, so the name is
// what a deployment team reads. It comes, strongest first, from the user
// (.rehost.toml [profiles]), from the runtime's rehost.toml (a name never
// changes once written), "default" for the most used endpoint, the code's own
// name for the endpoint (NameHints.h), its server's DNS name, the function it
// is used in, and last its address. The rule is in
// docs/configuration.md, "How profiles are named".
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_PROFILENAMES_H
#define REHOST_PROFILENAMES_H

#include "rehost/Site.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace rehost {

/// The profile whose variables have no name part (REDIS_URL).
constexpr llvm::StringLiteral DefaultProfile = "default";

/// One site's use of an endpoint, for naming.
struct EndpointUse {
  std::string Address; ///< Endpoint::address() (or the connection's).
  NameHints Hints;     ///< Site::Hints.
};

/// The profile names \p Hints give, in their order and without repeats: a
/// hint's words (split at '_', '-' and case changes: a k/g_/m_/s_ prefix
/// falls off), without those that name no endpoint in particular (redis,
/// host, addr, connect, get, client, ...) and those of fewer than two
/// letters, lower-cased and joined with '-'. `CACHE_HOST` gives "cache",
/// `kRedisSessionsAddr` "sessions", `SessionStore` "session-store"; a hint
/// made only of such words gives none. The first is the site's name, the
/// others are used when another endpoint has it.
std::vector<std::string>
profileNamesFromCode(llvm::ArrayRef<std::string> Hints);

/// Names one profile per distinct endpoint of \p Uses: names given in
/// \p Preset (address -> name, from .rehost.toml or an existing rehost.toml)
/// first, then "default" for the most used of the others, then, most used
/// first, the first free of: the names its sites' values have (the one
/// most sites give first; ties: the first use's), its server's name (a DNS
/// label, a socket's stem), the names of the functions it is used in (ranked
/// alike), and last its address spelled out (ip-10-0-0-5-6380, local-6390). No
/// name reads the same variables as a preset one, a name in \p Reserved or
/// another endpoint's. The same uses give the same names, however they were
/// collected.
std::map<std::string, std::string>
nameProfiles(llvm::ArrayRef<EndpointUse> Uses,
             const std::map<std::string, std::string> &Preset = {},
             const std::set<std::string> &Reserved = {});

/// Whether \p Name can name a profile: [A-Za-z0-9_-]+, so that its
/// variables (REDIS_<NAME>_URL) and its TOML table need no quoting.
bool isProfileName(llvm::StringRef Name);

/// The environment variables that override profile \p Profile in the
/// runtime (REDIS_URL, REDIS_HOST, ... for "default"; REDIS_QUEUE_URL, ...
/// for "queue").
std::vector<std::string> profileVariables(llvm::StringRef Profile);

/// The variable that sets \p Part ("PASSWORD", "USERNAME", "URL") of
/// profile \p Profile: REDIS_PASSWORD for "default", REDIS_QUEUE_PASSWORD for
/// "queue".
std::string profileVariable(llvm::StringRef Profile, llvm::StringRef Part);

} // namespace rehost

#endif // REHOST_PROFILENAMES_H
