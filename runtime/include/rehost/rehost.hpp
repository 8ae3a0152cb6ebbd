// rehost runtime: C++ API. Includes the C API (rehost/rehost.h) as well.
//
// Compiles from C++11 on (the code `rehost fix` rewrites may be C++11); the
// library behind it is C++17.
#ifndef REHOST_REHOST_HPP
#define REHOST_REHOST_HPP

#include <rehost/rehost.h>

#include <chrono>
#include <cstddef>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>
#if __cplusplus >= 201703L
#include <string_view>
#endif

namespace rehost {

// A string argument (profile name or fallback): a string literal, a
// `const char *` (NULL reads as ""), a std::string or, from C++17, a
// std::string_view. One parameter type instead of one overload per string
// type, so no mix of argument types can make a call ambiguous (hence the
// implicit constructors). It only points at the caller's characters: pass it
// on, never keep it.
class StringArg {
public:
  StringArg() = default;
  StringArg(const char *text)
      : data_(text ? text : ""), size_(text ? std::strlen(text) : 0) {}
  StringArg(const std::string &text) : data_(text.data()), size_(text.size()) {}
#if __cplusplus >= 201703L
  StringArg(std::string_view text) : data_(text.data()), size_(text.size()) {}
#endif

  const char *data() const { return data_; }
  std::size_t size() const { return size_; }
  std::string str() const { return std::string(data_, size_); }

private:
  const char *data_ = "";
  std::size_t size_ = 0;
};

// Bad configuration: the message names the variable or key and the reason,
// never a password.
class REHOST_API ConfigError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
  ~ConfigError() override;
};

// Where a resolved value came from, highest priority first.
enum class Source { environment, config_file, call_site, built_in };

struct Origin {
  Source source = Source::built_in;
  // The variable ("REDIS_URL"), the file and key
  // ("/srv/rehost.toml: profiles.queue.port"), or empty.
  std::string name;

  // Like `git config --show-origin`: "env:REDIS_URL",
  // "file:/srv/rehost.toml: profiles.queue.port", "call-site", "default".
  REHOST_API std::string to_string() const;
};

template <typename T> struct Setting {
  T value{};
  Origin origin;
};

enum class Transport { tcp, unix_socket };
enum class TlsVerify { full, ca, none };

// A resolved profile: every field is set, each with its origin.
struct Profile {
  std::string name;
  // The overlay environment used for rehost.toml ("local", "kubernetes",
  // "container" or REHOST_ENV), and the file read ("" when none).
  std::string environment;
  std::string config_path;

  Setting<Transport> transport;
  Setting<std::string> host;     // TCP host, IPv6 without brackets
  Setting<int> port;             // TCP port, 1..65535
  Setting<std::string> socket;   // unix socket path (transport unix_socket)
  Setting<int> db;               // logical database, SELECTed when not 0
  Setting<std::string> username; // ACL user; "" or "default": one-arg AUTH
  Setting<std::string> password; // "" means no AUTH; never print it

  Setting<bool> tls; // requires hiredis >= 1.0 built with SSL
  Setting<std::string> tls_ca_cert_file;
  Setting<std::string> tls_ca_cert_dir;
  Setting<std::string> tls_cert_file;
  Setting<std::string> tls_key_file;
  Setting<std::string> tls_server_name; // SNI; "" means the host
  Setting<TlsVerify> tls_verify;

  // Time to establish the connection and finish AUTH/SELECT. Default 5000ms.
  Setting<std::chrono::milliseconds> connect_timeout;
  // Per-command socket timeout. 0ms (the default) means none, so BLPOP and
  // SUBSCRIBE keep working.
  Setting<std::chrono::milliseconds> command_timeout;
  Setting<bool> keepalive;          // TCP keepalive, default on
  Setting<std::string> client_name; // CLIENT SETNAME when not empty
  Setting<std::vector<std::string>> cluster_nodes; // "host:port" entries

  // Pool settings, validated now and used by the pool.
  Setting<int> pool_size; // max connections, idle + in use. Default 8.
  // Max wait for a free connection. Default 2000ms; 0ms means do not wait.
  Setting<std::chrono::milliseconds> pool_wait_timeout;
  Setting<int> pool_min_idle; // idle connections kept open. Default 0.
  // Close connections older than this. Default 30 min; 0ms means never.
  Setting<std::chrono::milliseconds> pool_connection_lifetime;
  // Close connections idle longer than this. Default 5 min; 0ms means never.
  Setting<std::chrono::milliseconds> pool_connection_idle_time;

  // Non-fatal findings, e.g. an unknown URL query key.
  std::vector<std::string> warnings;
};

// Resolve profile `name` from the environment and rehost.toml, with no call
// site fallback, for inspection (a TLS profile resolves). Throws ConfigError.
REHOST_API Profile resolve(StringArg name);

// Accessors: the configured value, else `fallback`. Throw ConfigError, also
// for a profile that resolves tls = true: until TLS lands, no value of a TLS
// profile is handed to a client, which would connect in plaintext.
REHOST_API std::string host(StringArg profile,
                            StringArg fallback = "127.0.0.1");
REHOST_API int port(StringArg profile, int fallback = 6379);
// "" when no password is configured and no fallback given.
REHOST_API std::string password(StringArg profile, StringArg fallback = {});
// The ACL user; `fallback` ("default", redis's own user, which is what
// redis-plus-plus's ConnectionOptions::user holds) when none is configured.
REHOST_API std::string username(StringArg profile,
                                StringArg fallback = "default");
// Unix socket path; `fallback` when none is configured.
REHOST_API std::string socket(StringArg profile, StringArg fallback = {});
REHOST_API int db(StringArg profile, int fallback = 0);
// redis-plus-plus URI (tcp:// or unix://) with credentials and db: a
// configured password or user is written into it even when `fallback` has
// none.
REHOST_API std::string uri(StringArg profile, StringArg fallback = {});
// Comma-separated "host:port" list, as rehost_cluster_nodes returns it.
REHOST_API std::string cluster_nodes(StringArg profile,
                                     StringArg fallback = {});

} // namespace rehost

#endif // REHOST_REHOST_HPP
