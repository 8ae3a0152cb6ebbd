// Resolves a profile: environment, then rehost.toml, then the call site's
// fallback, then built-in defaults; first hit wins for each setting.
#ifndef REHOST_SRC_RESOLVER_HPP
#define REHOST_SRC_RESOLVER_HPP

#include "layer.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rehost::detail {

enum class RecordedCallSite { ignore, use };

// Throws ConfigError for a bad name or bad value. `recorded` use: the
// call_site key of rehost.toml fills what `call_site` leaves (rehost-doctor).
// `name` may be a profile set ("match:a,b", docs/runtime.md "Profile
// sets"): the one place that picks a set's profile for the endpoint
// `call_site` gives. A set that picks none resolves `call_site` over the
// built-in defaults, named as the set; one given no endpoint throws.
Profile resolve_profile(std::string_view name, const Layer &call_site,
                        RecordedCallSite recorded = RecordedCallSite::ignore);

// `name` is a profile set ("match:..."), well-formed or not.
bool is_profile_set(std::string_view name);

// The cluster nodes `profile` connects to: its node list, or its host and
// port when a source stronger than the list's sets the host (so REDIS_URL
// can redirect a call site that hardcoded a node list) or there is no list.
std::vector<std::string> cluster_nodes_for(const Profile &profile);

// What a service in deployment environment `environment` resolves for
// `name` from the config file at `path` alone, with no variable set and the
// recorded call_site as the fallback; secret files are not read
// (rehost::resolve_from_config_file).
Profile resolve_file_alone(std::string_view name, const std::string &path,
                           const std::string &environment);

// resolve_profile for a value handed to a client that connects by itself
// (the accessors, the C++ adapters, hiredis-cluster): also throws for a
// profile that resolves tls = true, since such a client would connect in
// plaintext. The one place that decides this. Cached (profile_cache.hpp):
// the inspection API above always resolves afresh.
std::shared_ptr<const Profile> resolve_for_client(std::string_view name,
                                                  const Layer &call_site);

// resolve_profile for a connection the runtime opens itself (the connectors,
// the pool, the options helpers, AUTH on such a connection): a TLS profile
// passes when this runtime was built with hiredis_ssl and the profile is
// TCP, else it throws; never a plaintext fallback. Cached likewise.
std::shared_ptr<const Profile> resolve_for_connection(std::string_view name,
                                                      const Layer &call_site);

} // namespace rehost::detail

#endif
