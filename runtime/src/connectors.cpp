// The rehost_redisConnect* drop-ins: resolve, connect, handshake, and report
// every failure hiredis-style, in the context.
#include "call_site.hpp"
#include "connection.hpp"
#include "last_error.hpp"
#include "resolver.hpp"
#include "sentinel.hpp"

namespace rehost::detail {
namespace {

using hiredis::Mode;

std::shared_ptr<const Profile> resolve_for_connect(const char *name,
                                                   const Layer &call_site) {
  if (!name)
    throw ConfigError("profile name is NULL");
  return resolve_for_connection(name, call_site);
}

redisContext *connect_sync(const char *name, const Layer &call_site, Mode mode,
                           SourceAddress source = {}) noexcept {
  return noting_error_of(catch_at_boundary(
      [&] {
        return connect_profile(*resolve_for_connect(name, call_site), mode,
                               source);
      },
      [](const char *message) {
        return hiredis::error_context(REDIS_ERR_OTHER, message);
      }));
}

redisAsyncContext *connect_async_profile(const Profile &resolved,
                                         SourceAddress source) {
  std::string sentinel_error;
  std::optional<Profile> master;
  if (uses_sentinel(resolved) &&
      !(master = locate_master(resolved, sentinel_error)))
    return hiredis::async_error_context(sentinel_error);
  const Profile &profile = master ? *master : resolved;
  if (std::optional<ConnectFailure> refused =
          probe_handshake(profile, source)) {
    redisAsyncContext *failed = hiredis::async_error_context(refused->message);
    if (failed)
      hiredis::set_async_error(failed, refused->err, refused->message);
    return failed;
  }
  // The handshake is queued all the same: it is what this connection
  // sends, and a refusal after the check above still fails the context.
  tls::Ssl ssl = tls_session_for(profile);
  redisAsyncContext *ac = hiredis::connect_async(endpoint_of(profile, source));
  if (!ac)
    return nullptr;
  if (ac->err) {
    hiredis::set_async_error(
        ac, ac->err, describe_endpoint(profile, source) + ": " + ac->errstr);
    return ac;
  }
  // The TLS handshake runs as the event loop drives the socket, with the
  // same verification the check above passed.
  if (ssl && !hiredis::initiate_tls_async(ac, ssl.get())) {
    hiredis::set_async_error(ac, ac->err,
                             describe_endpoint(profile, source) +
                                 ": TLS handshake failed: " + ac->errstr);
    return ac;
  }
  (void)ssl.release();
  if (profile.transport.value == Transport::tcp && profile.keepalive.value)
    hiredis::enable_keepalive(&ac->c);
  hiredis::queue_async_handshake(ac, handshake_steps(profile));
  return ac;
}

redisAsyncContext *connect_async(const char *name, const Layer &call_site,
                                 SourceAddress source = {}) noexcept {
  return noting_error_of(catch_at_boundary(
      [&] {
        return connect_async_profile(*resolve_for_connect(name, call_site),
                                     source);
      },
      [](const char *message) {
        return hiredis::async_error_context(message);
      }));
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

// The profile of a connection whose TLS handshake a client runs itself
// (rehost_tls_session_new): the caller's endpoint is the call site, so a
// host that came from it is named so in messages. Only a TLS profile: the
// SSL is never made for a connection that would not use it.
std::shared_ptr<const Profile> resolve_tls_client(const char *name,
                                                  const char *host, int port) {
  std::shared_ptr<const Profile> profile =
      resolve_for_connect(name, call_site_tcp(host, port));
  if (!profile->tls.value)
    throw ConfigError("rehost: profile '" + profile->name +
                      "' has no TLS, so it has no TLS session");
  return profile;
}

// Why the client's handshake on `ssl` failed, naming the endpoint: the
// certificate's refusal when that was it (`*refused` set), else the
// client's own message.
std::string tls_client_failure(ssl_st *ssl, const char *name, const char *host,
                               int port, const char *client_error,
                               int *refused) {
  std::shared_ptr<const Profile> profile = resolve_tls_client(name, host, port);
  std::string why = ssl ? tls::verify_failure(ssl, *profile, host) : "";
  if (refused)
    *refused = why.empty() ? 0 : 1;
  return describe_endpoint(*profile, {}) + ": TLS handshake failed: " +
         (why.empty() ? std::string(client_error ? client_error : "") : why);
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

int rehost_redisInitiateTls(redisContext *c, const char *profile) {
  if (!c)
    return REDIS_ERR;
  const bool ok = catch_at_boundary(
      [&] { return start_tls_on(c, *resolve_for_connect(profile, {})); },
      [&](const char *message) {
        hiredis::set_error(c, REDIS_ERR_OTHER, message);
        return false;
      });
  noting_error_of(c);
  return ok ? REDIS_OK : REDIS_ERR;
}

int rehost_redisAsyncInitiateTls(redisAsyncContext *ac, const char *profile) {
  if (!ac)
    return REDIS_ERR;
  const bool ok = catch_at_boundary(
      [&] {
        const std::shared_ptr<const rehost::Profile> p =
            resolve_for_connect(profile, {});
        tls::Ssl ssl = tls_session_for(*p);
        if (!ssl)
          return true;
        if (!hiredis::initiate_tls_async(ac, ssl.get())) {
          hiredis::set_async_error(
              ac, ac->err, std::string("TLS handshake failed: ") + ac->errstr);
          return false;
        }
        (void)ssl.release();
        return true;
      },
      [&](const char *message) {
        hiredis::set_async_error(ac, REDIS_ERR_OTHER, message);
        return false;
      });
  noting_error_of(ac);
  return ok ? REDIS_OK : REDIS_ERR;
}

void *rehost_tls_session_new(const char *profile, const char *host, int port) {
  return guarded<void *>(nullptr, [&]() -> void * {
    if (!host || !*host)
      throw rehost::ConfigError(
          "rehost: a TLS session needs the host it connects to");
    return tls::new_session(*resolve_tls_client(profile, host, port), host)
        .release();
  });
}

const char *rehost_tls_session_failed(void *ssl, const char *profile,
                                      const char *host, int port,
                                      const char *client_error,
                                      int *certificate_refused) {
  tls::Ssl owned(static_cast<ssl_st *>(ssl));
  if (certificate_refused)
    *certificate_refused = 0;
  set_last_error(catch_at_boundary(
      [&] {
        return tls_client_failure(owned.get(), profile, host ? host : "", port,
                                  client_error, certificate_refused);
      },
      [](const char *message) { return std::string(message); }));
  return rehost_last_error();
}

} // extern "C"
