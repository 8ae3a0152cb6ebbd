// rehost runtime: C++ API. Includes the C API (rehost/rehost.h) as well.
//
// Compiles from C++11 on (the code `rehost fix` rewrites may be C++11); the
// library behind it is C++17.
#ifndef REHOST_REHOST_HPP
#define REHOST_REHOST_HPP

#include <rehost/rehost.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
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

// The server refused the handshake of a connection rehost set up for a
// client library (AUTH, SELECT or CLIENT SETNAME), or did not answer it
// within the profile's connect timeout. The message names the setting at
// fault ("REDIS_URL: SELECT 99 failed: ERR DB index is out of range"), never
// the password. A ConfigError, so a std::runtime_error.
class REHOST_API HandshakeError : public ConfigError {
public:
  explicit HandshakeError(const std::string &message) : ConfigError(message) {}
  ~HandshakeError() override;
};

// Where a resolved value came from, highest priority first.
enum class Source { environment, config_file, call_site, built_in };

struct Origin {
  Source source = Source::built_in;
  // The variable ("REDIS_URL"), the file and key
  // ("/srv/rehost.toml: profiles.queue.port"), the file that recorded a call
  // site, or empty.
  std::string name;

  // Like `git config --show-origin`: "env:REDIS_URL",
  // "file:/srv/rehost.toml: profiles.queue.port", "call-site", "default";
  // a call site recorded in rehost.toml has the file as its name and shows
  // "call-site (recorded by rehost fix in /srv/rehost.toml)".
  REHOST_API std::string to_string() const;
  // Set by the environment or rehost.toml, not left to the call site or a
  // built-in default.
  bool configured() const {
    return source == Source::environment || source == Source::config_file;
  }
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

  // TLS on the connections rehost opens itself; needs hiredis >= 1.0 built
  // with SSL (hiredis_ssl). Value accessors refuse a TLS profile.
  Setting<bool> tls;
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
  // Sentinel: when a master name is set (by a source at least as strong as
  // the one that set the endpoint), every new connection asks these
  // sentinels ("host:port", in order) where that master is, and connects
  // there. Empty: no Sentinel.
  Setting<std::vector<std::string>> sentinel_nodes;
  Setting<std::string> sentinel_master;
  // What each sentinel asked is sent as AUTH first; "" means none. Not taken
  // from username/password, which are the master's (as in redis-py and
  // redis-plus-plus). Never print the password.
  Setting<std::string> sentinel_username;
  Setting<std::string> sentinel_password;

  // Pool settings (rehost_pool_get).
  // Max connections, idle + in use + connecting. Default 8.
  Setting<int> pool_size;
  // Max wait for a free connection. Default 2000ms; 0ms means do not wait.
  Setting<std::chrono::milliseconds> pool_wait_timeout;
  Setting<int> pool_min_idle; // idle connections kept open. Default 0.
  // Close connections older than this. Default 30 min; 0ms means never.
  Setting<std::chrono::milliseconds> pool_connection_lifetime;
  // Close connections idle longer than this. Default 5 min; 0ms means never.
  Setting<std::chrono::milliseconds> pool_connection_idle_time;
  // PING a pooled connection on borrow when it was idle longer than this.
  // Default 30s; 0ms means never (the borrow readability check still runs).
  Setting<std::chrono::milliseconds> health_check_interval;

  // Non-fatal findings, e.g. an unknown URL query key.
  std::vector<std::string> warnings;
};

// What the last TLS handshake this thread made (a rehost connector, the
// pool or an options helper) showed; rehost-doctor prints it.
struct TlsSession {
  bool established = false; // false: no TLS handshake on this thread yet
  std::string protocol;     // "TLSv1.3"
  std::string cipher;
  std::string verification; // tls_verify: "full", "ca" or "none"
  std::string server_name;  // the name checked (and sent as SNI)
  std::string peer_subject; // the server certificate's subject; "" if none
  std::string peer_issuer;
  std::string peer_not_after; // its expiry, "Dec  7 12:00:00 2027 GMT"
};
REHOST_API TlsSession last_tls_session();

// Resolve profile `name` from the environment and rehost.toml, with no call
// site fallback, for inspection (a TLS profile resolves). Throws ConfigError.
REHOST_API Profile resolve(StringArg name);
// resolve() with the `call_site` URI `rehost fix` recorded for the profile in
// rehost.toml as the call site's fallback: what rehost-doctor shows and
// pings. Origins from it say so ("call-site (recorded by rehost fix in
// /srv/rehost.toml)"). The program itself never reads that key: its own call
// site is its fallback.
REHOST_API Profile resolve_with_recorded_call_site(StringArg name);

// What a service whose deployment environment is `environment` resolves for
// profile `name` from the rehost.toml at `path` when no REDIS_* variable is
// set: [profiles.NAME] overlaid by [environments.ENVIRONMENT.profiles.NAME]
// ("" reads the base profiles alone), with the `call_site` rehost fix
// recorded as the fallback, as rehost-doctor shows it there. Secret files
// (password_file, url_file) are not read: they exist where the service runs.
// What `rehost env` writes the variables from. Throws ConfigError.
REHOST_API Profile resolve_from_config_file(StringArg name,
                                            const std::string &path,
                                            const std::string &environment);

// The endpoint of `p` as one URL that, set as the profile's REDIS_*_URL,
// resolves to the same transport, host, port, socket, db, TLS and ACL user
// (?username=), or the same sentinels and master: the db always written for
// TCP, each value percent-encoded so the URL is printable ASCII. Never holds
// a password; a cluster's nodes are not in it (REDIS_*_CLUSTER_NODES).
REHOST_API std::string endpoint_url(const Profile &p);

// Reads the rehost.toml at `path` as a program would read it: every profile
// and every environment overlay's profile, each key known, each value typed,
// each URL parsed. Secret files (password_file, url_file) are not read: they
// exist where the service runs. Throws ConfigError naming the file and key
// (never a value) at the first problem; returns the warnings. What
// `rehost env` checks before it writes deployment files.
REHOST_API std::vector<std::string> check_config_file(const std::string &path);

// Accessors: the configured value, else `fallback`. Throw ConfigError, also
// for a profile that resolves tls = true: the client handed these values
// would connect in plaintext (TLS is made only on the connections the
// runtime opens itself, docs/runtime.md "TLS"), and for a profile set,
// except uri() and cluster_nodes(), whose fallback is a whole endpoint.
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
// none. redis-plus-plus decodes nothing in its URIs, so a value that would
// be read as something else (an '@' in a user or password, a ':' in a user,
// an IPv6 or other host with ':', '/', '?' or '@', an '@' in a socket path
// without credentials) throws ConfigError naming where it came from, never
// the value; rehost::options() carries any value.
REHOST_API std::string uri(StringArg profile, StringArg fallback = {});
// Comma-separated "host:port" list, as rehost_cluster_nodes returns it.
REHOST_API std::string cluster_nodes(StringArg profile,
                                     StringArg fallback = {});

// Whole-profile adapters for the C++ client libraries. They are templates
// over the client type, so the runtime needs neither library's headers; the
// resolution behind them is in the library (detail::resolve_*).
namespace detail {

// The settings a client object or call already holds: the call site's
// fallback, below the environment and rehost.toml. Empty strings and the
// "not set" values leave a setting to the built-in defaults.
struct CallSite {
  std::string host;     // TCP host; "": not set
  long long port = 0;   // TCP port, 1..65535; <= 0: not set
  std::string socket;   // unix socket path; "": not set. Wins over host/port
  std::string username; // ACL user; "": not set
  std::string password; // "": not set; never printed
  long long db = -1;    // logical database; < 0: not set
  std::chrono::milliseconds connect_timeout{0}; // connect + AUTH; 0ms: not set
  std::chrono::milliseconds command_timeout{0}; // per command; 0ms: not set
  int keepalive = -1; // TCP keepalive: 1 on, 0 off, -1 not set
};

// Resolves `profile` with `call_site` as the fallback. Throws ConfigError,
// also for a TLS profile, as the accessors do.
REHOST_API Profile resolve_with_call_site(StringArg profile,
                                          const CallSite &call_site);
// The same, and also refuses what cpp_redis cannot do: a unix socket and an
// ACL user other than "default" (its auth() sends one-argument AUTH).
REHOST_API Profile resolve_for_cpp_redis(StringArg profile,
                                         const CallSite &call_site);

// What rehost::auth sends when the profile has no password: a client with
// send() gets SELECT of the db its connection is already on (+OK, changes
// nothing, same reply type as AUTH); one without sends nothing.
template <class Client, class... Rest>
auto select_instead_of_auth(Client &c, int db, int, Rest &&...rest)
    -> decltype(c.send(std::vector<std::string>(),
                       std::forward<Rest>(rest)...)) {
  return c.send(std::vector<std::string>{"SELECT", std::to_string(db)},
                std::forward<Rest>(rest)...);
}
template <class Client, class... Rest>
Client &select_instead_of_auth(Client &c, int, long, Rest &&...) {
  return c;
}

// cpp_redis's connect(host, port, callback = nullptr, timeout_ms = 0, ...):
// a connect timeout the environment or rehost.toml sets takes the place of
// the call's (0, no timeout, when the call leaves it out); otherwise the
// call's arguments go through as written.
inline std::uint32_t connect_timeout_ms(const Profile &p,
                                        std::uint32_t written) {
  return p.connect_timeout.origin.configured()
             ? static_cast<std::uint32_t>(p.connect_timeout.value.count())
             : written;
}
template <class Client, class Callback, class Timeout, class... More>
void connect_endpoint(Client &c, const Profile &p, Callback &&callback,
                      Timeout written, More &&...more) {
  c.connect(p.host.value, static_cast<std::size_t>(p.port.value),
            std::forward<Callback>(callback),
            connect_timeout_ms(p, static_cast<std::uint32_t>(written)),
            std::forward<More>(more)...);
}
template <class Client, class Callback>
void connect_endpoint(Client &c, const Profile &p, Callback &&callback) {
  connect_endpoint(c, p, std::forward<Callback>(callback), 0u);
}
template <class Client> void connect_endpoint(Client &c, const Profile &p) {
  connect_endpoint(c, p, nullptr, 0u);
}

// One command of the handshake a new connection is sent before the program
// gets it (the drop-in connectors send the same).
enum class HandshakeKind { login, select_db, client_name };
struct HandshakeCommand {
  HandshakeKind kind;
  std::vector<std::string> argv; // may hold the password: never print it
  // What a refusal's message starts with ("REDIS_URL: SELECT 99"); never
  // holds the password.
  std::string what;
};
// AUTH when a password or ACL user is set, SELECT when db is not 0, CLIENT
// SETNAME when a client name is set, in that order.
REHOST_API std::vector<HandshakeCommand>
handshake_commands(const Profile &profile);

// The replies to a cpp_redis handshake, shared with the reply callbacks:
// cpp_redis runs them on its I/O thread, possibly after the wait gave up.
struct HandshakeReplies {
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t answered = 0;
  std::string refusal; // the first error reply, as the message to throw

  // Waits until `expected` replies came or one was an error, at most
  // `limit`. Returns "" when all came and none was an error, else what to
  // throw: the refusal, or which command got no reply.
  std::string wait(const std::vector<std::string> &expected,
                   std::chrono::milliseconds limit,
                   const std::string &limit_from) {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait_for(lock, limit, [&] {
      return answered >= expected.size() || !refusal.empty();
    });
    if (!refusal.empty())
      return refusal;
    if (answered >= expected.size())
      return std::string();
    return expected[answered] + ": no reply within " +
           std::to_string(limit.count()) + "ms (connect_timeout from " +
           limit_from + ")";
  }
};

// A cpp_redis reply callback (a functor, since C++11 has no generic
// lambdas) that records one handshake reply.
struct HandshakeReplyCallback {
  std::shared_ptr<HandshakeReplies> replies;
  std::string what;

  template <class Reply> void operator()(Reply &reply) const {
    std::lock_guard<std::mutex> lock(replies->mutex);
    // cpp_redis also answers queued commands with an error reply when the
    // connection is lost ("network failure").
    if (reply.is_error() && replies->refusal.empty())
      replies->refusal = what + " failed: " + reply.error();
    ++replies->answered;
    replies->changed.notify_all();
  }
};

// select() exists on cpp_redis::client only; the subscriber has none, and
// pub/sub channels do not depend on the db anyway.
template <class Client>
auto queue_select(Client &c, int db, const HandshakeReplyCallback &callback,
                  int) -> decltype(c.select(db, callback), bool()) {
  c.select(db, callback);
  return true;
}
template <class Client>
bool queue_select(Client &, int, const HandshakeReplyCallback &, long) {
  return false;
}

// CLIENT SETNAME through send(), which only the client has.
template <class Client>
auto queue_command(Client &c, const std::vector<std::string> &argv,
                   const HandshakeReplyCallback &callback, int)
    -> decltype(c.send(argv, callback), bool()) {
  c.send(argv, callback);
  return true;
}
template <class Client>
bool queue_command(Client &, const std::vector<std::string> &,
                   const HandshakeReplyCallback &, long) {
  return false;
}

// Sends what is queued: the client's sync_commit(timeout) waits for the
// replies too; the subscriber has only commit(), so the replies are waited
// for on their own (HandshakeReplies::wait) in both cases.
template <class Client>
auto flush(Client &c, std::chrono::milliseconds limit, int)
    -> decltype(c.sync_commit(limit), void()) {
  c.sync_commit(limit);
}
template <class Client> void flush(Client &c, std::chrono::milliseconds, long) {
  c.commit();
}

// Queues one handshake command through the client's own call (auth() and
// select() are what cpp_redis replays after a reconnect). False when the
// client type has no such call.
template <class Client>
bool queue_handshake_command(Client &c, const HandshakeCommand &command,
                             const Profile &p,
                             const HandshakeReplyCallback &callback) {
  switch (command.kind) {
  case HandshakeKind::login:
    // cpp_redis sends one-argument AUTH; resolve_for_cpp_redis refused any
    // ACL user but default, so argv is {"AUTH", password}.
    c.auth(command.argv.back(), callback);
    return true;
  case HandshakeKind::select_db:
    return queue_select(c, p.db.value, callback, 0);
  case HandshakeKind::client_name:
    return queue_command(c, command.argv, callback, 0);
  }
  return false;
}

// Sends `commands`, waits for every reply (bounded by the connect timeout)
// and, on a refusal or no reply, disconnects and throws HandshakeError, so a
// program's first command is never sent on a connection that did not log in
// or is on the wrong db. cpp_redis sends queued commands in order, so
// anything the program queued before goes first.
template <class Client>
void run_handshake(Client &c, const Profile &p,
                   const std::vector<HandshakeCommand> &commands) {
  std::shared_ptr<HandshakeReplies> replies =
      std::make_shared<HandshakeReplies>();
  std::vector<std::string> expected;
  for (std::size_t i = 0; i < commands.size(); ++i) {
    HandshakeReplyCallback callback = {replies, commands[i].what};
    if (queue_handshake_command(c, commands[i], p, callback))
      expected.push_back(commands[i].what);
  }
  if (expected.empty())
    return;
  const std::chrono::milliseconds limit = p.connect_timeout.value;
  flush(c, limit, 0);
  const std::string failure =
      replies->wait(expected, limit, p.connect_timeout.origin.to_string());
  if (failure.empty())
    return;
  c.disconnect();
  throw HandshakeError(failure);
}

template <class Client, class... Rest>
void connect_resolved(Client &c, const Profile &p, Rest &&...rest) {
  connect_endpoint(c, p, std::forward<Rest>(rest)...);
  run_handshake(c, p, handshake_commands(p));
}

} // namespace detail

// `profile` of the adapters below may be a profile set ("match:a,b",
// rehost.h): the listed profile configured for the endpoint the code wrote
// or passes, else that endpoint alone, as written. rehost::auth and the
// connect with no fallback give no endpoint, so they take no set.

// redis-plus-plus: `opts` (sw::redis::ConnectionOptions) gets every setting
// the environment or rehost.toml gives `profile`: host and port or the unix
// socket (and `type` to match), user, password, db, connect timeout, command
// timeout (socket_timeout), keepalive. What is not configured keeps the value
// the code wrote, which is also the fallback. Call it after the code's own
// field assignments. Throws ConfigError (a TLS profile too).
template <class Options> void configure(Options &opts, StringArg profile) {
  typedef decltype(opts.type) ConnectionType;
  typedef std::chrono::milliseconds ms;
  detail::CallSite site;
  if (opts.type == ConnectionType::UNIX) {
    site.socket = opts.path;
  } else {
    site.host = opts.host;
    site.port = static_cast<long long>(opts.port);
  }
  site.username = opts.user;
  site.password = opts.password;
  site.db = static_cast<long long>(opts.db);
  site.connect_timeout = std::chrono::duration_cast<ms>(opts.connect_timeout);
  site.command_timeout = std::chrono::duration_cast<ms>(opts.socket_timeout);
  site.keepalive = opts.keep_alive ? 1 : 0;
  const Profile p = detail::resolve_with_call_site(profile, site);
  // Any configured endpoint piece sets the transport; the resolved endpoint
  // then replaces the code's (its unconfigured parts are the code's own).
  if (p.transport.origin.configured()) {
    if (p.transport.value == Transport::unix_socket) {
      opts.type = ConnectionType::UNIX;
      opts.path = p.socket.value;
    } else {
      opts.type = ConnectionType::TCP;
      opts.host = p.host.value;
      opts.port = static_cast<decltype(opts.port)>(p.port.value);
    }
  }
  if (p.username.origin.configured())
    opts.user = p.username.value;
  if (p.password.origin.configured())
    opts.password = p.password.value;
  if (p.db.origin.configured())
    opts.db = static_cast<decltype(opts.db)>(p.db.value);
  if (p.connect_timeout.origin.configured())
    opts.connect_timeout =
        std::chrono::duration_cast<decltype(opts.connect_timeout)>(
            p.connect_timeout.value);
  if (p.command_timeout.origin.configured())
    opts.socket_timeout =
        std::chrono::duration_cast<decltype(opts.socket_timeout)>(
            p.command_timeout.value);
  if (p.keepalive.origin.configured())
    opts.keep_alive = p.keepalive.value;
}

// redis-plus-plus: the profile's whole options as the library's own
// options struct, for `sw::redis::Redis`, `sw::redis::RedisCluster` (or any
// client taking `Options`):
//   sw::redis::Redis r(rehost::options<sw::redis::ConnectionOptions>(
//       "default", "tcp://10.0.0.5:6380/2"));
// `fallback_uri` is the call site's URI, read by the library's own parser
// (`Options(fallback_uri)`; empty: `Options()`, the library's defaults);
// then configure() writes every setting the environment or rehost.toml gives
// the profile. Unlike rehost::uri(), no value has to pass through the URI
// grammar, so any byte of a user or password arrives as it is. Throws
// ConfigError (a TLS profile too), and what `Options(fallback_uri)` throws
// for a URI the library cannot read.
template <class Options>
Options options(StringArg profile, StringArg fallback_uri = StringArg()) {
  Options opts = fallback_uri.size() ? Options(fallback_uri.str()) : Options();
  configure(opts, profile);
  return opts;
}

// cpp_redis (client or subscriber): `c.connect(host, port, rest...)` where
// `profile` resolves, with `host`/`port` as the fallback, then the handshake
// through the client's own calls: auth(password) when the profile has one,
// select(db) when db is not 0 and the client has select(), CLIENT SETNAME
// (send()) when a client name is set and the client has send(). It sends
// them at once (sync_commit(connect_timeout) on the client, commit() on the
// subscriber) and waits for every reply, at most the profile's connect
// timeout. A refusal or a missing reply disconnects `c` and throws
// HandshakeError, so the program's first command never runs on the wrong db
// or unauthenticated. Throws ConfigError for what cpp_redis cannot do: TLS, a
// unix socket, an ACL user other than "default".
template <class Client, class... Rest>
void connect(Client &c, StringArg profile, const std::string &host,
             std::size_t port, Rest &&...rest) {
  detail::CallSite site;
  site.host = host;
  // An out-of-range port stays out of range, so resolution reports it.
  site.port = port > 65535 ? 65536 : static_cast<long long>(port);
  detail::connect_resolved(c, detail::resolve_for_cpp_redis(profile, site),
                           std::forward<Rest>(rest)...);
}
// The same with no fallback (rehost fix --strict): the built-in defaults.
template <class Client> void connect(Client &c, StringArg profile) {
  detail::connect_resolved(
      c, detail::resolve_for_cpp_redis(profile, detail::CallSite()));
}

// cpp_redis `c.auth(password, rest...)` with the profile's password. With no
// password configured it does not send AUTH "" (which fails on a server
// without one): a client with send() gets SELECT of the profile's db instead
// (+OK through the same callback or future; the connection is already on
// that db), and one without (the subscriber) gets nothing and `c` returned.
// With a password, the program's callback or future may ignore a refusal
// (a subscriber's auth() has a null callback by default), so AUTH is first
// sent and checked as connect() checks it (a refusal disconnects and throws
// HandshakeError), then the program's auth() is queued as it wrote it.
// Throws ConfigError as connect() does.
template <class Client, class... Rest>
auto auth(Client &c, StringArg profile, Rest &&...rest)
    -> decltype(c.auth(std::string(), std::forward<Rest>(rest)...)) {
  const Profile p = detail::resolve_for_cpp_redis(profile, detail::CallSite());
  if (!p.password.value.empty()) {
    std::vector<detail::HandshakeCommand> login = detail::handshake_commands(p);
    // AUTH comes first when there is a password.
    login.erase(login.begin() + 1, login.end());
    detail::run_handshake(c, p, login);
    return c.auth(p.password.value, std::forward<Rest>(rest)...);
  }
  return detail::select_instead_of_auth(c, p.db.value, 0,
                                        std::forward<Rest>(rest)...);
}

// rehost::Pool::acquire could not lease a connection: the message says
// whether the pool was saturated or the server unreachable, and names the
// profile (never a password).
class PoolError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// A leased pooled connection, returned to its pool when the Lease is
// destroyed or reset. Move-only; an empty Lease holds nothing.
class Lease {
public:
  Lease() = default;
  Lease(rehost_pool *pool, redisContext *context)
      : pool_(pool), context_(context) {}
  Lease(Lease &&other) noexcept : pool_(other.pool_), context_(other.context_) {
    other.context_ = nullptr;
  }
  Lease &operator=(Lease &&other) noexcept {
    if (this != &other) {
      reset();
      pool_ = other.pool_;
      context_ = other.context_;
      other.context_ = nullptr;
    }
    return *this;
  }
  Lease(const Lease &) = delete;
  Lease &operator=(const Lease &) = delete;
  ~Lease() { reset(); }

  redisContext *get() const { return context_; }
  redisContext *operator->() const { return context_; }
  explicit operator bool() const { return context_ != nullptr; }

  // Returns the connection to its pool now (which closes it instead if it
  // cannot be reused: see rehost_pool_release).
  void reset() {
    if (context_)
      rehost_pool_release(pool_, context_);
    context_ = nullptr;
  }

private:
  rehost_pool *pool_ = nullptr;
  redisContext *context_ = nullptr;
};

// A handle on the shared pool of a profile (cheap to copy: every Pool of
// the same profile is the same pool).
class Pool {
public:
  // `fallback_url`: the call site's endpoint in any URL form, for what no
  // configuration sets. Throws ConfigError on bad configuration.
  explicit Pool(StringArg profile, StringArg fallback_url = StringArg())
      : pool_(rehost_pool_get(profile.str().c_str(),
                              fallback_url.size() ? fallback_url.str().c_str()
                                                  : nullptr)) {
    if (!pool_)
      throw ConfigError(rehost_last_error());
  }

  // Waits up to `timeout` for a connection when pool_size are out (below
  // 0ms: the profile's pool_wait_timeout; 0ms: no wait). Throws PoolError.
  Lease acquire(
      std::chrono::milliseconds timeout = std::chrono::milliseconds(-1)) const {
    redisContext *c =
        rehost_pool_acquire(pool_, static_cast<int>(timeout.count()));
    if (!c)
      throw PoolError(rehost_last_error());
    return Lease(pool_, c);
  }

  rehost_pool_stats stats() const {
    rehost_pool_stats s;
    rehost_pool_stats_get(pool_, &s);
    return s;
  }

  rehost_pool *get() const { return pool_; }

private:
  rehost_pool *pool_;
};

} // namespace rehost

#endif // REHOST_REHOST_HPP
