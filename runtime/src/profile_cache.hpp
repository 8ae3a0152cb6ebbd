// Resolved profiles by (profile name, call site), reused while nothing they
// were resolved from has changed, so a connect does not re-read the
// environment and re-parse rehost.toml each time.
#ifndef REHOST_SRC_PROFILE_CACHE_HPP
#define REHOST_SRC_PROFILE_CACHE_HPP

#include "layer.hpp"

#include <memory>
#include <string_view>

namespace rehost::detail {

// resolve_profile(name, call_site), from the cache when its inputs
// (inputs.hpp) are unchanged. Throws ConfigError as resolve_profile does;
// failures are not cached.
std::shared_ptr<const Profile> resolve_cached(std::string_view name,
                                              const Layer &call_site);

// For pthread_atfork, so a forked child never inherits the cache locked.
void lock_profile_cache();
void unlock_profile_cache();

} // namespace rehost::detail

#endif
