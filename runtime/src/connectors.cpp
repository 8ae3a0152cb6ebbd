// The rehost_redisConnect* drop-ins: resolve, connect, handshake, and report
// every failure hiredis-style, in the context.
#include "call_site.hpp"
#include "handshake.hpp"
#include "hiredis_seam.hpp"
#include "resolver.hpp"

namespace rehost::detail {
namespace {

using hiredis::Mode;

// The local address the Bind variants connect from. It is not a profile
// setting: no source overrides it, it is passed to hiredis as the call site
// gave it, and a profile that resolves to a unix socket ignores it.
struct SourceAddress {
  const char *address = nullptr; // NULL or "": the OS chooses
  bool reuse = false;            // SO_REUSEADDR (the ...WithReuse variants)
};

bool binds(const Profile &profile, const SourceAddress &source) {
  return profile.transport.value == Transport::tcp && source.address &&
         *source.address;
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

// "10.0.0.5:6380 (REDIS_URL)": where we tried to go and who said so, plus
// " from source 10.0.0.9 (call site)" when binding a local address.
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

Profile resolve_for_connect(const char *name, const Layer &call_site) {
  if (!name)
    throw ConfigError("profile name is NULL");
  return resolve_for_client(name, call_site);
}

void prefix_error(redisContext *c, const Profile &profile,
                  const SourceAddress &source) {
  hiredis::set_error(c, c->err,
                     describe_endpoint(profile, source) + ": " + c->errstr);
}

// Connected context to finish: keepalive, handshake, command timeout.
void finish_connect(redisContext *c, const Profile &profile, Mode mode,
                    const SourceAddress &source) {
  if (profile.transport.value == Transport::tcp && profile.keepalive.value &&
      !hiredis::enable_keepalive(c)) {
    prefix_error(c, profile, source);
    return;
  }
  const std::vector<HandshakeStep> steps = handshake_steps(profile);
  const std::chrono::milliseconds limit = profile.connect_timeout.value;
  if (mode == Mode::nonblocking) {
    if (!steps.empty())
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

redisContext *connect_sync(const char *name, const Layer &call_site, Mode mode,
                           SourceAddress source = {}) noexcept {
  try {
    Profile profile = resolve_for_connect(name, call_site);
    redisContext *c = hiredis::connect(endpoint_of(profile, source), mode,
                                       profile.connect_timeout.value);
    if (c && c->err)
      prefix_error(c, profile, source);
    else if (c)
      finish_connect(c, profile, mode, source);
    return c;
  } catch (const std::exception &error) {
    return hiredis::error_context(REDIS_ERR_OTHER, error.what());
  } catch (...) {
    return hiredis::error_context(REDIS_ERR_OTHER, "rehost: unknown error");
  }
}

redisAsyncContext *connect_async(const char *name, const Layer &call_site,
                                 SourceAddress source = {}) noexcept {
  try {
    Profile profile = resolve_for_connect(name, call_site);
    redisAsyncContext *ac =
        hiredis::connect_async(endpoint_of(profile, source));
    if (!ac)
      return nullptr;
    if (ac->err) {
      hiredis::set_async_error(
          ac, ac->err, describe_endpoint(profile, source) + ": " + ac->errstr);
      return ac;
    }
    if (profile.transport.value == Transport::tcp && profile.keepalive.value)
      hiredis::enable_keepalive(&ac->c);
    hiredis::queue_async_handshake(ac, handshake_steps(profile));
    return ac;
  } catch (const std::exception &error) {
    return hiredis::async_error_context(error.what());
  } catch (...) {
    return hiredis::async_error_context("rehost: unknown error");
  }
}

Layer tcp_with_timeout(const char *ip, int port, const timeval &tv) {
  Layer layer = call_site_tcp(ip, port);
  add_connect_timeout(layer, tv);
  return layer;
}

Layer unix_with_timeout(const char *path, const timeval &tv) {
  Layer layer = call_site_unix(path);
  add_connect_timeout(layer, tv);
  return layer;
}

} // namespace
} // namespace rehost::detail

using namespace rehost::detail;

extern "C" {

redisContext *rehost_redisConnect(const char *profile, const char *ip,
                                  int port) {
  return connect_sync(profile, call_site_tcp(ip, port), Mode::blocking);
}

redisContext *rehost_redisConnectWithTimeout(const char *profile,
                                             const char *ip, int port,
                                             const struct timeval tv) {
  return connect_sync(profile, tcp_with_timeout(ip, port, tv), Mode::blocking);
}

redisContext *rehost_redisConnectNonBlock(const char *profile, const char *ip,
                                          int port) {
  return connect_sync(profile, call_site_tcp(ip, port), Mode::nonblocking);
}

redisContext *rehost_redisConnectBindNonBlock(const char *profile,
                                              const char *ip, int port,
                                              const char *source_addr) {
  return connect_sync(profile, call_site_tcp(ip, port), Mode::nonblocking,
                      {source_addr, false});
}

redisContext *
rehost_redisConnectBindNonBlockWithReuse(const char *profile, const char *ip,
                                         int port, const char *source_addr) {
  return connect_sync(profile, call_site_tcp(ip, port), Mode::nonblocking,
                      {source_addr, true});
}

redisContext *rehost_redisConnectUnix(const char *profile, const char *path) {
  return connect_sync(profile, call_site_unix(path), Mode::blocking);
}

redisContext *rehost_redisConnectUnixWithTimeout(const char *profile,
                                                 const char *path,
                                                 const struct timeval tv) {
  return connect_sync(profile, unix_with_timeout(path, tv), Mode::blocking);
}

redisContext *rehost_redisConnectUnixNonBlock(const char *profile,
                                              const char *path) {
  return connect_sync(profile, call_site_unix(path), Mode::nonblocking);
}

redisAsyncContext *rehost_redisAsyncConnect(const char *profile, const char *ip,
                                            int port) {
  return connect_async(profile, call_site_tcp(ip, port));
}

redisAsyncContext *rehost_redisAsyncConnectBind(const char *profile,
                                                const char *ip, int port,
                                                const char *source_addr) {
  return connect_async(profile, call_site_tcp(ip, port), {source_addr, false});
}

redisAsyncContext *
rehost_redisAsyncConnectBindWithReuse(const char *profile, const char *ip,
                                      int port, const char *source_addr) {
  return connect_async(profile, call_site_tcp(ip, port), {source_addr, true});
}

redisAsyncContext *rehost_redisAsyncConnectUnix(const char *profile,
                                                const char *path) {
  return connect_async(profile, call_site_unix(path));
}

} // extern "C"
