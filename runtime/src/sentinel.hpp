// Sentinel: where a profile's master is right now, asked of its sentinels
// for every new connection, so connections opened after a failover go to
// the new master.
#ifndef REHOST_SRC_SENTINEL_HPP
#define REHOST_SRC_SENTINEL_HPP

#include "layer.hpp"

#include <optional>
#include <string>

namespace rehost::detail {

// The profile names a master (sentinel_master) from a source at least as
// strong as the one that set its endpoint: REDIS_HOST beats a master name in
// rehost.toml, and REDIS_SENTINEL_MASTER beats a host in rehost.toml or at
// the call site.
bool uses_sentinel(const Profile &profile);

// `profile` with the host and port the first sentinel that answers gives
// for its master (SENTINEL get-master-addr-by-name), their origin naming
// that sentinel. Nothing, with `error` saying which sentinels failed and
// how, when none answers.
std::optional<Profile> locate_master(const Profile &profile,
                                     std::string &error);

} // namespace rehost::detail

#endif
