// Opening a hiredis connection for a resolved profile: the one connect and
// handshake that the drop-in connectors and the pool share.
#ifndef REHOST_SRC_CONNECTION_HPP
#define REHOST_SRC_CONNECTION_HPP

#include "hiredis_seam.hpp"
#include "tls.hpp"

#include <optional>
#include <string>

namespace rehost::detail {

// The local address the Bind variants connect from. It is not a profile
// setting: no source overrides it, it is passed to hiredis as the call site
// gave it, and a profile that resolves to a unix socket ignores it.
struct SourceAddress {
  const char *address = nullptr; // NULL or "": the OS chooses
  bool reuse = false;            // SO_REUSEADDR (the ...WithReuse variants)
};

// The TLS session a new connection of `profile` starts (none without TLS),
// made before connecting, so a CA, certificate or key that cannot be loaded
// throws ConfigError before any socket exists.
tls::Ssl tls_session_for(const Profile &profile);

hiredis::Endpoint endpoint_of(const Profile &profile,
                              const SourceAddress &source);

// "10.0.0.5:6380 (REDIS_URL)": where we tried to go and who said so, plus
// " from source 10.0.0.9 (call site)" when binding a local address.
std::string describe_endpoint(const Profile &profile,
                              const SourceAddress &source);

// Connects where `profile` points (for a Sentinel profile: where its
// sentinels say the master is now; none answering is an I/O error naming
// them), enables keepalive, starts TLS when the profile has it (verified as
// tls_verify says; a failure names the endpoint and why), runs the handshake
// (AUTH, SELECT, CLIENT SETNAME) bounded by the connect timeout, and gives
// blocking contexts the command timeout. A context as hiredis returns it:
// err set (errstr naming the endpoint or the setting at fault) on failure,
// NULL only on OOM.
redisContext *connect_profile(const Profile &profile, hiredis::Mode mode,
                              const SourceAddress &source = {});

// Starts the TLS of `profile` (when it has TLS) on the connected blocking
// context `c` that the program's own code made (rehost_redisInitiateTls);
// false with c->err naming the endpoint and why.
bool start_tls_on(redisContext *c, const Profile &profile);

// What an async connect of `located` (a profile whose endpoint is final: its
// sentinels, if any, already asked) would meet at its handshake, found on a
// short connection of its own to the same endpoint (same source address,
// same connect timeout bounding the connect and each reply). hiredis's async
// API pipelines the program's commands right behind a queued handshake, so a
// refused AUTH or SELECT would only be seen after they ran, unauthenticated
// or in db 0; asked first, a refusal fails the connect instead. Returns
// nothing when the handshake passed or `located` has none, else the error
// (hiredis's err code and an errstr naming the endpoint or the setting).
struct ConnectFailure {
  int err;
  std::string message;
};
std::optional<ConnectFailure> probe_handshake(const Profile &located,
                                              const SourceAddress &source);

} // namespace rehost::detail

#endif
