// Opening a hiredis connection for a resolved profile: the one connect and
// handshake that the drop-in connectors and the pool share.
#ifndef REHOST_SRC_CONNECTION_HPP
#define REHOST_SRC_CONNECTION_HPP

#include "hiredis_seam.hpp"

#include <string>

namespace rehost::detail {

// The local address the Bind variants connect from. It is not a profile
// setting: no source overrides it, it is passed to hiredis as the call site
// gave it, and a profile that resolves to a unix socket ignores it.
struct SourceAddress {
  const char *address = nullptr; // NULL or "": the OS chooses
  bool reuse = false;            // SO_REUSEADDR (the ...WithReuse variants)
};

hiredis::Endpoint endpoint_of(const Profile &profile,
                              const SourceAddress &source);

// "10.0.0.5:6380 (REDIS_URL)": where we tried to go and who said so, plus
// " from source 10.0.0.9 (call site)" when binding a local address.
std::string describe_endpoint(const Profile &profile,
                              const SourceAddress &source);

// Connects where `profile` points (for a Sentinel profile: where its
// sentinels say the master is now; none answering is an I/O error naming
// them), enables keepalive, runs the handshake
// (AUTH, SELECT, CLIENT SETNAME) bounded by the connect timeout, and gives
// blocking contexts the command timeout. A context as hiredis returns it:
// err set (errstr naming the endpoint or the setting at fault) on failure,
// NULL only on OOM.
redisContext *connect_profile(const Profile &profile, hiredis::Mode mode,
                              const SourceAddress &source = {});

} // namespace rehost::detail

#endif
