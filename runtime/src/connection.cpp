#include "connection.hpp"

#include "handshake.hpp"
#include "layer.hpp"
#include "sentinel.hpp"
#include "tls.hpp"

namespace rehost::detail {
namespace {

using hiredis::Mode;

bool binds(const Profile &profile, const SourceAddress &source) {
  return profile.transport.value == Transport::tcp && source.address &&
         *source.address;
}

void prefix_error(redisContext *c, const Profile &profile,
                  const SourceAddress &source) {
  hiredis::set_error(c, c->err,
                     describe_endpoint(profile, source) + ": " + c->errstr);
}

// TLS on the connected context `c` with the session `ssl` made for it
// (waiting first for a non-blocking connect to finish). On failure c->err
// names the endpoint and why: a certificate that failed verification is a
// configuration error (REDIS_ERR_OTHER), anything else keeps hiredis's code.
bool start_tls(redisContext *c, tls::Ssl ssl, const Profile &profile, Mode mode,
               const SourceAddress &source) {
  const std::chrono::milliseconds limit = profile.connect_timeout.value;
  if (mode == Mode::nonblocking && !hiredis::wait_connected(c, limit)) {
    prefix_error(c, profile, source);
    return false;
  }
  if (hiredis::initiate_tls(c, ssl.get(), limit)) {
    tls::record_session(ssl.release(), profile, profile.host.value);
    return true;
  }
  const std::string why =
      tls::verify_failure(ssl.get(), profile, profile.host.value);
  hiredis::set_error(c, why.empty() ? c->err : REDIS_ERR_OTHER,
                     describe_endpoint(profile, source) +
                         ": TLS handshake failed: " +
                         (why.empty() ? std::string(c->errstr) : why));
  return false;
}

// Connected context to finish: keepalive, TLS, handshake, command timeout.
void finish_connect(redisContext *c, tls::Ssl ssl, const Profile &profile,
                    Mode mode, const SourceAddress &source) {
  if (profile.transport.value == Transport::tcp && profile.keepalive.value &&
      !hiredis::enable_keepalive(c)) {
    prefix_error(c, profile, source);
    return;
  }
  if (ssl && !start_tls(c, std::move(ssl), profile, mode, source))
    return;
  const std::vector<HandshakeStep> steps = handshake_steps(profile);
  const std::chrono::milliseconds limit = profile.connect_timeout.value;
  if (mode == Mode::nonblocking) {
    if (steps.empty())
      return;
    if (!hiredis::wait_connected(c, limit)) {
      prefix_error(c, profile, source);
      return;
    }
    hiredis::handshake_nonblocking(c, steps, limit);
    return;
  }
  // The connect timeout also bounds the handshake replies, so a server that
  // accepts but never answers cannot hang the caller.
  if (!steps.empty() &&
      !(hiredis::set_socket_timeout(c, limit) && run_handshake(c, steps)))
    return;
  hiredis::set_socket_timeout(c, profile.command_timeout.value);
}

redisContext *connect_endpoint(const Profile &profile, Mode mode,
                               const SourceAddress &source) {
  tls::Ssl ssl = tls_session_for(profile);
  redisContext *c = hiredis::connect(endpoint_of(profile, source), mode,
                                     profile.connect_timeout.value);
  if (c && c->err)
    prefix_error(c, profile, source);
  else if (c)
    finish_connect(c, std::move(ssl), profile, mode, source);
  return c;
}

} // namespace

tls::Ssl tls_session_for(const Profile &profile) {
  return profile.tls.value ? tls::new_session(profile, profile.host.value)
                           : tls::Ssl();
}

hiredis::Endpoint endpoint_of(const Profile &profile,
                              const SourceAddress &source) {
  hiredis::Endpoint endpoint;
  endpoint.transport = profile.transport.value;
  endpoint.host = profile.host.value;
  endpoint.port = profile.port.value;
  endpoint.socket = profile.socket.value;
  if (binds(profile, source)) {
    endpoint.bind_address = source.address;
    endpoint.reuse_address = source.reuse;
  }
  return endpoint;
}

std::string describe_endpoint(const Profile &profile,
                              const SourceAddress &source) {
  if (profile.transport.value == Transport::unix_socket)
    return profile.socket.value + " (" + error_label(profile.socket.origin) +
           ")";
  std::string host_from = error_label(profile.host.origin);
  std::string port_from = error_label(profile.port.origin);
  std::string text =
      profile.host.value + ":" + std::to_string(profile.port.value) + " (" +
      (host_from == port_from ? host_from
                              : "host " + host_from + ", port " + port_from) +
      ")";
  if (binds(profile, source))
    text += std::string(" from source ") + source.address + " (call site)";
  return text;
}

std::optional<ConnectFailure> probe_handshake(const Profile &located,
                                              const SourceAddress &source) {
  if (handshake_steps(located).empty() && !located.tls.value)
    return std::nullopt;
  // Non-blocking, so a Bind variant's source address applies; with TLS or a
  // handshake, finish_connect waits for the connect and every reply.
  redisContext *probe = connect_endpoint(located, Mode::nonblocking, source);
  if (!probe)
    return ConnectFailure{REDIS_ERR_OOM, "rehost: out of memory"};
  std::optional<ConnectFailure> failure;
  if (probe->err)
    failure = ConnectFailure{probe->err, probe->errstr};
  hiredis::free_context(probe);
  return failure;
}

bool start_tls_on(redisContext *c, const Profile &profile) {
  return !profile.tls.value ||
         start_tls(c, tls_session_for(profile), profile, Mode::blocking, {});
}

redisContext *connect_profile(const Profile &profile, Mode mode,
                              const SourceAddress &source) {
  if (uses_sentinel(profile)) {
    std::string error;
    std::optional<Profile> master = locate_master(profile, error);
    if (!master)
      return hiredis::error_context(REDIS_ERR_IO, error);
    return connect_endpoint(*master, mode, source);
  }
  return connect_endpoint(profile, mode, source);
}

} // namespace rehost::detail
