// TLS contexts and sessions (tls.hpp). hiredis's own redisCreateSSLContext
// sets SNI but checks no name, so the SSL is built here with the checks the
// profile asks for, and hiredis only runs the handshake on it.
#include "tls.hpp"

#include "layer.hpp"

#if defined(REHOST_HAVE_HIREDIS_SSL)
#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <tuple>
#endif

namespace rehost {
namespace detail::tls {
namespace {
thread_local TlsSession last_session;
} // namespace
} // namespace detail::tls

TlsSession last_tls_session() { return detail::tls::last_session; }

} // namespace rehost

#if defined(REHOST_HAVE_HIREDIS_SSL)
namespace rehost::detail::tls {
namespace {

// The first OpenSSL error's reason ("no start line", "key values
// mismatch"), clearing the queue so the next failure reports its own.
std::string openssl_reason() {
  unsigned long code = ERR_peek_error();
  const char *reason = code ? ERR_reason_error_string(code) : nullptr;
  ERR_clear_error();
  return reason ? reason : "unknown OpenSSL error";
}

// Why `path` cannot be read ("No such file or directory"), or "" when it
// can: OpenSSL only says "system lib".
std::string unreadable(const std::string &path) {
  std::FILE *file = std::fopen(path.c_str(), "r");
  if (!file)
    return std::strerror(errno);
  std::fclose(file);
  return "";
}

// What went wrong loading `path`: the file's own problem first.
std::string load_failure(const std::string &path) {
  std::string why = unreadable(path);
  if (!why.empty()) {
    ERR_clear_error();
    return why;
  }
  return openssl_reason();
}

std::string with_profile(const Profile &p, const std::string &message) {
  return message + " (profile '" + p.name + "')";
}

// A file's identity and contents' age: a rotated certificate or key gives a
// new signature, so the next connection loads it.
std::string signature_of(const std::string &path) {
  struct stat st {};
  if (path.empty() || ::stat(path.c_str(), &st) != 0)
    return path + "|-";
  return path + "|" + std::to_string(st.st_dev) + ":" +
         std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" +
         std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

// The TLS configuration an SSL_CTX is made for: the files by path and the
// verification. The name checked is per connection.
std::string context_key(const Profile &p) {
  return p.tls_ca_cert_file.value + "\n" + p.tls_ca_cert_dir.value + "\n" +
         p.tls_cert_file.value + "\n" + p.tls_key_file.value + "\n" +
         (p.tls_verify.value == TlsVerify::none ? "none" : "peer");
}

std::string files_signature(const Profile &p) {
  return signature_of(p.tls_ca_cert_file.value) + "\n" +
         signature_of(p.tls_ca_cert_dir.value) + "\n" +
         signature_of(p.tls_cert_file.value) + "\n" +
         signature_of(p.tls_key_file.value);
}

// OpenSSL must never ask a terminal for a key's passphrase.
int refuse_passphrase(char *, int, int, void *) { return 0; }

void load_trust(SSL_CTX *ctx, const Profile &p) {
  const std::string &file = p.tls_ca_cert_file.value;
  const std::string &dir = p.tls_ca_cert_dir.value;
  if (file.empty() && dir.empty()) {
    if (SSL_CTX_set_default_verify_paths(ctx) != 1)
      throw ConfigError(
          with_profile(p, error_label(p.tls.origin) +
                              ": cannot load the system's CA certificates: " +
                              openssl_reason()));
    return;
  }
  const Setting<std::string> &named =
      file.empty() ? p.tls_ca_cert_dir : p.tls_ca_cert_file;
  if (SSL_CTX_load_verify_locations(ctx, file.empty() ? nullptr : file.c_str(),
                                    dir.empty() ? nullptr : dir.c_str()) != 1)
    throw ConfigError(with_profile(
        p, error_label(named.origin) + ": cannot load CA certificates from '" +
               named.value + "': " + load_failure(named.value)));
}

void load_client_certificate(SSL_CTX *ctx, const Profile &p) {
  const std::string &cert = p.tls_cert_file.value;
  const std::string &key = p.tls_key_file.value;
  if (cert.empty() && key.empty())
    return;
  if (cert.empty() || key.empty()) {
    const Setting<std::string> &set =
        cert.empty() ? p.tls_key_file : p.tls_cert_file;
    throw ConfigError(with_profile(p, error_label(set.origin) +
                                          ": a client certificate needs both "
                                          "tls_cert_file and tls_key_file"));
  }
  SSL_CTX_set_default_passwd_cb(ctx, refuse_passphrase);
  if (SSL_CTX_use_certificate_chain_file(ctx, cert.c_str()) != 1)
    throw ConfigError(
        with_profile(p, error_label(p.tls_cert_file.origin) +
                            ": cannot load the client certificate '" + cert +
                            "': " + load_failure(cert)));
  if (SSL_CTX_use_PrivateKey_file(ctx, key.c_str(), SSL_FILETYPE_PEM) != 1) {
    std::string why = load_failure(key);
    if (why == "unsupported") // OpenSSL 3's decoders found no key in it
      why = "not a PEM private key";
    if (why.find("decrypt") != std::string::npos ||
        why.find("pass") != std::string::npos)
      why += " (a key protected by a passphrase is not supported)";
    throw ConfigError(with_profile(p, error_label(p.tls_key_file.origin) +
                                          ": cannot load the key '" + key +
                                          "': " + why));
  }
  if (SSL_CTX_check_private_key(ctx) != 1)
    throw ConfigError(with_profile(p, error_label(p.tls_key_file.origin) +
                                          ": the key '" + key +
                                          "' does not match the certificate '" +
                                          cert + "': " + openssl_reason()));
}

struct CtxFree {
  void operator()(SSL_CTX *ctx) const { SSL_CTX_free(ctx); }
};
using Ctx = std::unique_ptr<SSL_CTX, CtxFree>;

Ctx new_context(const Profile &p) {
  Ctx ctx(SSL_CTX_new(TLS_client_method()));
  if (!ctx)
    throw ConfigError(with_profile(
        p, error_label(p.tls.origin) +
               ": cannot create a TLS context: " + openssl_reason()));
  SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION);
  SSL_CTX_set_verify(ctx.get(),
                     p.tls_verify.value == TlsVerify::none ? SSL_VERIFY_NONE
                                                           : SSL_VERIFY_PEER,
                     nullptr);
  if (p.tls_verify.value != TlsVerify::none)
    load_trust(ctx.get(), p);
  load_client_certificate(ctx.get(), p);
  return ctx;
}

struct CachedContext {
  std::string signature; // files_signature() when it was made
  Ctx ctx;
};

// A new SSL from the one SSL_CTX of `p`'s TLS configuration, made on first
// use and made again when one of its files changed (a rotated certificate):
// the old one is freed then, SSLs in use keeping their own reference. The
// map frees what is left at exit.
Ssl new_ssl(const Profile &p) {
  static std::mutex mutex;
  static std::map<std::string, CachedContext> contexts;
  const std::string key = context_key(p);
  const std::string signature = files_signature(p);
  std::lock_guard<std::mutex> lock(mutex);
  CachedContext &cached = contexts[key];
  if (!cached.ctx || cached.signature != signature) {
    cached.ctx = new_context(p);
    cached.signature = signature;
  }
  return Ssl(SSL_new(cached.ctx.get()));
}

bool is_ip_literal(const std::string &name) {
  unsigned char address[sizeof(in6_addr)];
  return inet_pton(AF_INET, name.c_str(), address) == 1 ||
         inet_pton(AF_INET6, name.c_str(), address) == 1;
}

std::string checked_name(const Profile &p, const std::string &host) {
  return p.tls_server_name.value.empty() ? host : p.tls_server_name.value;
}

const char *verify_word(TlsVerify verify) {
  switch (verify) {
  case TlsVerify::full:
    return "full";
  case TlsVerify::ca:
    return "ca";
  case TlsVerify::none:
    return "none";
  }
  return "?";
}

// Said once per profile and process: the runtime has no other channel to
// the operator at connect time, and an unchecked server is worth one line.
void warn_once_unverified(const Profile &p) {
  static std::mutex mutex;
  static std::set<std::string> warned;
  std::lock_guard<std::mutex> lock(mutex);
  if (!warned.insert(p.name).second)
    return;
  for (const std::string &warning : p.warnings)
    if (warning.find("tls_verify none") != std::string::npos)
      std::fprintf(stderr, "rehost: warning: %s\n", warning.c_str());
}

// "CN = localhost, O = ..." (OpenSSL's one-line form).
std::string x509_name(X509_NAME *name) {
  BIO *bio = name ? BIO_new(BIO_s_mem()) : nullptr;
  if (!bio)
    return "";
  X509_NAME_print_ex(bio, name, 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB);
  char *data = nullptr;
  long length = BIO_get_mem_data(bio, &data);
  std::string out(data ? data : "", data ? static_cast<size_t>(length) : 0);
  BIO_free(bio);
  return out;
}

std::string asn1_time(const ASN1_TIME *time) {
  if (!time)
    return "";
  BIO *bio = BIO_new(BIO_s_mem());
  if (!bio)
    return "";
  ASN1_TIME_print(bio, time);
  char *data = nullptr;
  long length = BIO_get_mem_data(bio, &data);
  std::string out(data ? data : "", data ? static_cast<size_t>(length) : 0);
  BIO_free(bio);
  return out;
}

} // namespace

void SslFree::operator()(ssl_st *ssl) const { SSL_free(ssl); }

Ssl new_session(const Profile &p, const std::string &host) {
  Ssl ssl = new_ssl(p);
  if (!ssl)
    throw ConfigError(with_profile(
        p, error_label(p.tls.origin) +
               ": cannot create a TLS session: " + openssl_reason()));
  const std::string name = checked_name(p, host);
  const bool ip = is_ip_literal(name);
  if (!ip && !name.empty() &&
      SSL_set_tlsext_host_name(ssl.get(), name.c_str()) != 1)
    throw ConfigError(with_profile(
        p, error_label(p.tls_server_name.origin.configured()
                           ? p.tls_server_name.origin
                           : p.host.origin) +
               ": cannot use '" + name + "' as the TLS server name"));
  if (p.tls_verify.value == TlsVerify::full) {
    X509_VERIFY_PARAM *param = SSL_get0_param(ssl.get());
    X509_VERIFY_PARAM_set_hostflags(param,
                                    X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    const int set =
        ip ? X509_VERIFY_PARAM_set1_ip_asc(param, name.c_str())
           : X509_VERIFY_PARAM_set1_host(param, name.c_str(), name.size());
    if (set != 1)
      throw ConfigError(with_profile(
          p, error_label(p.tls_verify.origin) + ": cannot check the name '" +
                 name + "' against the server's certificate"));
  } else if (p.tls_verify.value == TlsVerify::none) {
    warn_once_unverified(p);
  }
  return ssl;
}

std::string verify_failure(ssl_st *ssl, const Profile &p,
                           const std::string &host) {
  const long result = SSL_get_verify_result(ssl);
  if (result == X509_V_OK)
    return "";
  // hiredis's errstr keeps 127 characters: the reason first, then the
  // setting to look at.
  std::string text = std::string("certificate verify failed: ") +
                     X509_verify_cert_error_string(result);
  if (result == X509_V_ERR_HOSTNAME_MISMATCH ||
      result == X509_V_ERR_IP_ADDRESS_MISMATCH) {
    const Setting<std::string> &named =
        p.tls_server_name.value.empty() ? p.host : p.tls_server_name;
    return text + " (checked '" + checked_name(p, host) + "' from " +
           error_label(named.origin) + ")";
  }
  const Setting<std::string> &ca =
      p.tls_ca_cert_file.value.empty() ? p.tls_ca_cert_dir : p.tls_ca_cert_file;
  return text + (ca.value.empty()
                     ? " (CAs: the system's)"
                     : " (CAs from " + error_label(ca.origin) + ")");
}

void record_session(ssl_st *ssl, const Profile &p, const std::string &host) {
  TlsSession session;
  session.established = true;
  session.protocol = SSL_get_version(ssl);
  session.cipher = SSL_get_cipher_name(ssl);
  session.verification = verify_word(p.tls_verify.value);
  session.server_name = checked_name(p, host);
  if (X509 *peer = SSL_get1_peer_certificate(ssl)) {
    session.peer_subject = x509_name(X509_get_subject_name(peer));
    session.peer_issuer = x509_name(X509_get_issuer_name(peer));
    session.peer_not_after = asn1_time(X509_get0_notAfter(peer));
    X509_free(peer);
  }
  last_session = std::move(session);
}

} // namespace rehost::detail::tls
#endif

#if !defined(REHOST_HAVE_HIREDIS_SSL)
// Without hiredis_ssl no TLS profile gets this far (resolve_for_connection
// refuses it); these keep the one code path linking.
namespace rehost::detail::tls {

void SslFree::operator()(ssl_st *) const {}

Ssl new_session(const Profile &p, const std::string &) {
  throw ConfigError(error_label(p.tls.origin) +
                    ": TLS needs hiredis >= 1.0 built with SSL (profile '" +
                    p.name + "')");
}

std::string verify_failure(ssl_st *, const Profile &, const std::string &) {
  return "";
}

void record_session(ssl_st *, const Profile &, const std::string &) {}

} // namespace rehost::detail::tls
#endif
