// The OpenSSL side of TLS: one SSL_CTX per TLS configuration (CA, client
// certificate and key, verification), an SSL per connection with the
// profile's verification, and what a failed or finished handshake showed.
// hiredis itself is called only from hiredis_seam.cpp, which hands the SSL
// to redisInitiateSSL. Built only where hiredis_ssl was found.
#ifndef REHOST_SRC_TLS_HPP
#define REHOST_SRC_TLS_HPP

#include <rehost/rehost.hpp>

#include <memory>
#include <string>

struct ssl_st;

namespace rehost::detail::tls {

struct SslFree {
  void operator()(ssl_st *ssl) const;
};
using Ssl = std::unique_ptr<ssl_st, SslFree>;

// A new SSL for one connection of `profile` to `host`: verification per
// tls_verify (full: the chain and the name, tls_server_name or else `host`,
// an IP literal checked as an address; ca: the chain; none: nothing, and a
// warning on stderr once per profile), SNI set to that name unless it is an
// IP literal. Throws ConfigError naming the setting and file when a CA,
// certificate or key cannot be loaded.
Ssl new_session(const Profile &profile, const std::string &host);

// Why the handshake on `ssl` failed, for an error message: "certificate
// verify failed: hostname mismatch (checked 'h' from REDIS_URL)", "...:
// certificate has expired (CAs from REDIS_TLS_CA_CERT_FILE)", or "" when the
// certificate was not the reason.
std::string verify_failure(ssl_st *ssl, const Profile &profile,
                           const std::string &host);

// Records, for this thread, what the finished handshake on `ssl` showed
// (rehost::last_tls_session()).
void record_session(ssl_st *ssl, const Profile &profile,
                    const std::string &host);

} // namespace rehost::detail::tls

#endif
