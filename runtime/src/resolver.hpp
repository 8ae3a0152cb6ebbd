// Resolves a profile: environment, then rehost.toml, then the call site's
// fallback, then built-in defaults; first hit wins for each setting.
#ifndef REHOST_SRC_RESOLVER_HPP
#define REHOST_SRC_RESOLVER_HPP

#include "layer.hpp"

#include <memory>
#include <string_view>

namespace rehost::detail {

enum class RecordedCallSite { ignore, use };

// Throws ConfigError for a bad name or bad value. `recorded` use: the
// call_site key of rehost.toml fills what `call_site` leaves (rehost-doctor).
Profile resolve_profile(std::string_view name, const Layer &call_site,
                        RecordedCallSite recorded = RecordedCallSite::ignore);

// What a service in deployment environment `environment` resolves for
// `name` from the config file at `path` alone, with no variable set and the
// recorded call_site as the fallback; secret files are not read
// (rehost::resolve_from_config_file).
Profile resolve_file_alone(std::string_view name, const std::string &path,
                           const std::string &environment);

// resolve_profile for a value or connection handed to a client (every
// accessor, connector and adapter): also throws when the profile asks for
// what the runtime cannot hand out yet, TLS, so a TLS profile never becomes
// a plaintext connection. The one place that decides this. Cached
// (profile_cache.hpp): the inspection API above always resolves afresh.
std::shared_ptr<const Profile> resolve_for_client(std::string_view name,
                                                  const Layer &call_site);

} // namespace rehost::detail

#endif
