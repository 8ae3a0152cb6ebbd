// Value accessors (C and C++) for code that builds its own clients.
#include "call_site.hpp"
#include "handshake.hpp"
#include "last_error.hpp"
#include "profile_cache.hpp"
#include "resolver.hpp"

#include <mutex>
#include <set>
#include <string_view>

namespace rehost {
namespace detail {
namespace {

// C callers keep the pointers we return, so each distinct value lives for the
// process lifetime. Values only repeat, so this stays as small as the config.
const char *intern(const std::string &value) {
  static std::mutex mutex;
  static std::set<std::string> values;
  std::lock_guard<std::mutex> lock(mutex);
  return values.insert(value).first->c_str();
}

// The C API's profile argument; C++ reads NULL as "", C names it.
StringArg profile_name(const char *name) {
  if (!name)
    throw ConfigError("profile name is NULL");
  return name;
}

std::string_view view(StringArg text) { return {text.data(), text.size()}; }

const char *c_string(const std::string &value, bool empty_is_null) {
  return empty_is_null && value.empty() ? nullptr : intern(value);
}

// redis-plus-plus's URI parser (Uri in sw/redis++/redis_uri.cpp) decodes
// nothing: it ends the credentials at the first '@' after "://", splits them
// at the first ':' (user, then password; no ':' means a password alone),
// takes the parameters after the last '?', reads what follows the last '/'
// as the db when std::stoi can read a number at its start, and splits host
// and port at the first ':'. So a value with a byte in the wrong place would
// be read as another user, password, host or db: it is refused, naming where
// it came from and never showing it.
[[noreturn]] void refuse_in_uri(const Origin &origin, const std::string &what,
                                const std::string &why) {
  throw ConfigError(error_label(origin) + ": " + what +
                    " cannot be written into a redis-plus-plus URI (" + why +
                    "); hand the client rehost::options<sw::redis::"
                    "ConnectionOptions>(profile, uri) instead of a URI");
}

bool has_any(const std::string &value, std::string_view bytes) {
  return value.find_first_of(bytes.data(), 0, bytes.size()) !=
         std::string::npos;
}

constexpr std::string_view nul_byte("\0", 1);

// "[[user:]password@]": a user other than "default" and its password, or the
// password alone; "default:" is written when the password has a ':', which
// would otherwise end a user name.
std::string plus_plus_userinfo(const Profile &p) {
  const std::string &password = p.password.value;
  if (password.empty())
    return "";
  if (has_any(password, "@") || has_any(password, nul_byte))
    refuse_in_uri(p.password.origin, "the password",
                  "its parser ends the credentials at the first '@' and "
                  "decodes nothing, and a C string ends at a NUL byte");
  std::string user = p.username.value;
  if (has_any(user, ":@") || has_any(user, nul_byte))
    refuse_in_uri(p.username.origin, "ACL user '" + user + "'",
                  "its parser ends the user at the first ':' and the "
                  "credentials at the first '@'");
  if (user.empty() && has_any(password, ":"))
    user = "default";
  return (user.empty() || (user == "default" && !has_any(password, ":"))
              ? ""
              : user + ":") +
         password + "@";
}

// What std::stoi reads a number from (after blanks, a sign, then a digit):
// redis-plus-plus takes such a last path component for the db.
bool reads_as_number(std::string_view text) {
  std::size_t i = text.find_first_not_of(" \t\n\v\f\r");
  if (i != std::string_view::npos && (text[i] == '+' || text[i] == '-'))
    ++i;
  return i < text.size() && text[i] >= '0' && text[i] <= '9';
}

std::string plus_plus_endpoint(const Profile &p, bool has_userinfo) {
  if (p.transport.value == Transport::unix_socket) {
    const std::string &path = p.socket.value;
    // Without credentials, the path's '@' would be taken for their end.
    if ((!has_userinfo && has_any(path, "@")) || has_any(path, nul_byte))
      refuse_in_uri(p.socket.origin, "socket path '" + path + "'",
                    "its parser ends the credentials at the first '@'");
    // The db is written when the last component could pass for one.
    std::string_view last(path);
    last.remove_prefix(last.rfind('/') + 1);
    return path + (p.db.value != 0 || reads_as_number(last)
                       ? "/" + std::to_string(p.db.value)
                       : "");
  }
  const std::string &host = p.host.value;
  if (has_any(host, ":/?@") || has_any(host, nul_byte))
    refuse_in_uri(p.host.origin, "host '" + host + "'",
                  "its parser splits host and port at the first ':', so no "
                  "IPv6 address, and reads '/', '?' and '@' as delimiters");
  return host + ":" + std::to_string(p.port.value) +
         (p.db.value != 0 ? "/" + std::to_string(p.db.value) : "");
}

// redis-plus-plus's URI form (see refuse_in_uri for what it cannot carry).
std::string plus_plus_uri(const Profile &p) {
  const std::string userinfo = plus_plus_userinfo(p);
  std::string uri =
      (p.transport.value == Transport::unix_socket ? "unix://" : "tcp://") +
      userinfo + plus_plus_endpoint(p, !userinfo.empty());
  uri += "?connect_timeout=" + std::to_string(p.connect_timeout.value.count()) +
         "ms";
  if (p.command_timeout.value.count() > 0)
    uri +=
        "&socket_timeout=" + std::to_string(p.command_timeout.value.count()) +
        "ms";
  if (p.keepalive.value)
    uri += "&keep_alive=true";
  return uri;
}

std::string cluster_nodes_of(const Profile &p) {
  std::string joined;
  for (const std::string &node : cluster_nodes_for(p))
    joined += (joined.empty() ? "" : ",") + node;
  return joined;
}

// A timeout in milliseconds: `key`'s value, the call site's `fallback_ms`
// (<= 0: none) below configuration.
long long timeout_ms(const char *profile, const char *key,
                     Setting<std::chrono::milliseconds> Profile::*field,
                     long long fallback_ms) {
  std::string text = fallback_ms > 0 ? std::to_string(fallback_ms) + "ms" : "";
  std::shared_ptr<const Profile> p = resolve_for_connection(
      view(profile_name(profile)), call_site({{key, text.c_str()}}));
  return (*p.*field).value.count();
}

// One handshake step handed to C: its words live here until the thread's
// next rehost_handshake_step.
struct StepArgv {
  std::vector<std::string> words;
  std::vector<const char *> pointers;
  std::vector<size_t> lengths;
};
thread_local StepArgv step_argv;

std::string port_text(int port) {
  return port > 0 ? std::to_string(port) : std::string();
}

// Who the value is for: a client that connects by itself (TLS refused), or
// a redisOptions whose connect rehost_redisConnectWithOptions makes, which
// starts the profile's TLS itself.
using Resolver = std::shared_ptr<const Profile> (*)(std::string_view,
                                                    const Layer &);

std::string host_of(StringArg profile, StringArg fallback, Resolver resolve) {
  return resolve(view(profile), call_site({{"host", fallback.str().c_str()}}))
      ->host.value;
}

int port_of(StringArg profile, int fallback, Resolver resolve) {
  return resolve(view(profile),
                 call_site({{"port", port_text(fallback).c_str()}}))
      ->port.value;
}

std::string socket_of(StringArg profile, StringArg fallback, Resolver resolve) {
  return resolve(view(profile), call_site({{"socket", fallback.str().c_str()}}))
      ->socket.value;
}

} // namespace
} // namespace detail

using namespace detail;

// The inspection API: a TLS profile resolves (its tls field says so); only
// what hands a value to a client refuses it.
Profile resolve(StringArg name) { return resolve_profile(view(name), {}); }

Profile resolve_with_recorded_call_site(StringArg name) {
  return resolve_profile(view(name), {}, RecordedCallSite::use);
}

Profile resolve_from_config_file(StringArg name, const std::string &path,
                                 const std::string &environment) {
  return resolve_file_alone(view(name), path, environment);
}

std::string host(StringArg profile, StringArg fallback) {
  return host_of(profile, fallback, resolve_for_client);
}

int port(StringArg profile, int fallback) {
  return port_of(profile, fallback, resolve_for_client);
}

std::string password(StringArg profile, StringArg fallback) {
  return resolve_for_client(view(profile),
                            call_site({{"password", fallback.str().c_str()}}))
      ->password.value;
}

std::string username(StringArg profile, StringArg fallback) {
  return resolve_for_client(view(profile),
                            call_site({{"username", fallback.str().c_str()}}))
      ->username.value;
}

std::string socket(StringArg profile, StringArg fallback) {
  return socket_of(profile, fallback, resolve_for_client);
}

int db(StringArg profile, int fallback) {
  std::string text = fallback >= 0 ? std::to_string(fallback) : "";
  return resolve_for_client(view(profile), call_site({{"db", text.c_str()}}))
      ->db.value;
}

std::string uri(StringArg profile, StringArg fallback) {
  return plus_plus_uri(*resolve_for_client(
      view(profile), call_site_uri(fallback.str().c_str())));
}

std::string cluster_nodes(StringArg profile, StringArg fallback) {
  return cluster_nodes_of(*resolve_for_client(
      view(profile), call_site({{"cluster_nodes", fallback.str().c_str()}})));
}

} // namespace rehost

using namespace rehost::detail;

// The C accessors are the C++ ones behind guarded(): one resolution path.
// A NULL fallback is the C++ "" (no fallback). rehost fix writes the C
// endpoint accessors (host, port, socket, cluster nodes) only into options
// whose connect it rewrites into a helper that makes the profile's TLS
// itself or refuses it: so they hand out a TLS profile's endpoint when this
// runtime can make TLS (its credentials stay refused: rehost_password).
extern "C" {

const char *rehost_host(const char *profile, const char *fallback) {
  return guarded<const char *>(nullptr, [&] {
    return c_string(
        host_of(profile_name(profile), fallback, resolve_for_connection),
        false);
  });
}

int rehost_port(const char *profile, int fallback) {
  return guarded(-1, [&] {
    return port_of(profile_name(profile), fallback, resolve_for_connection);
  });
}

const char *rehost_password(const char *profile, const char *fallback) {
  return guarded<const char *>(nullptr, [&] {
    return c_string(rehost::password(profile_name(profile), fallback), true);
  });
}

const char *rehost_auth_password(const char *profile) {
  const char *password = rehost_password(profile, nullptr);
  return password ? password : "";
}

const char *rehost_username(const char *profile, const char *fallback) {
  return guarded<const char *>(nullptr, [&] {
    return c_string(rehost::username(profile_name(profile), fallback), true);
  });
}

const char *rehost_socket(const char *profile, const char *fallback) {
  return guarded<const char *>(nullptr, [&] {
    return c_string(
        socket_of(profile_name(profile), fallback, resolve_for_connection),
        false);
  });
}

int rehost_db(const char *profile, int fallback) {
  return guarded(-1,
                 [&] { return rehost::db(profile_name(profile), fallback); });
}

const char *rehost_uri(const char *profile, const char *fallback) {
  return guarded<const char *>(nullptr, [&] {
    return c_string(rehost::uri(profile_name(profile), fallback), false);
  });
}

const char *rehost_cluster_nodes(const char *profile, const char *fallback) {
  // hiredis-cluster reads the list with strlen before anything is checked.
  return guarded<const char *>("", [&] {
    return c_string(
        cluster_nodes_of(*resolve_for_connection(
            view(profile_name(profile)),
            call_site({{"cluster_nodes",
                        rehost::StringArg(fallback).str().c_str()}}))),
        false);
  });
}

int rehost_cluster_credentials(const char *profile,
                               const char *username_fallback,
                               const char *password_fallback, int db_fallback,
                               const char **username, const char **password,
                               int *db) {
  return guarded(-1, [&] {
    const std::string user = rehost::StringArg(username_fallback).str();
    const std::string pass = rehost::StringArg(password_fallback).str();
    const std::string db_text =
        db_fallback >= 0 ? std::to_string(db_fallback) : "";
    std::shared_ptr<const rehost::Profile> p = resolve_for_connection(
        view(profile_name(profile)), call_site({{"username", user.c_str()},
                                                {"password", pass.c_str()},
                                                {"db", db_text.c_str()}}));
    *username = c_string(p->username.value, true);
    *password = c_string(p->password.value, true);
    *db = p->db.value;
    return 0;
  });
}

long long rehost_connect_timeout_ms(const char *profile,
                                    long long fallback_ms) {
  return guarded(-1LL, [&] {
    return timeout_ms(profile, "connect_timeout",
                      &rehost::Profile::connect_timeout, fallback_ms);
  });
}

long long rehost_command_timeout_ms(const char *profile,
                                    long long fallback_ms) {
  return guarded(-1LL, [&] {
    return timeout_ms(profile, "command_timeout",
                      &rehost::Profile::command_timeout, fallback_ms);
  });
}

int rehost_handshake_step(const char *profile, int step, int *argc,
                          const char ***argv, const size_t **argvlen,
                          const char **what) {
  return guarded(-1, [&] {
    std::vector<HandshakeStep> steps = handshake_steps(
        *resolve_for_connection(view(profile_name(profile)), {}));
    if (step < 0 || static_cast<size_t>(step) >= steps.size())
      return 0;
    StepArgv &out = step_argv;
    out.words = std::move(steps[step].argv);
    out.pointers.clear();
    out.lengths.clear();
    for (const std::string &word : out.words) {
      out.pointers.push_back(word.c_str());
      out.lengths.push_back(word.size());
    }
    *argc = static_cast<int>(out.words.size());
    *argv = out.pointers.data();
    *argvlen = out.lengths.data();
    *what = intern(steps[step].what);
    return 1;
  });
}

int rehost_pick_profile(const char *profile, const char *host, int port,
                        const char *path, const char *nodes,
                        const char **picked) {
  return guarded(-1, [&] {
    *picked = nullptr;
    const std::string_view name = view(profile_name(profile));
    if (!is_profile_set(name)) {
      *picked = intern(profile);
      return 1;
    }
    const Layer endpoint = path && *path ? call_site_unix(path)
                           : nodes && *nodes
                               ? call_site({{"cluster_nodes", nodes}})
                               : call_site_tcp(host, port);
    // A set that picks none resolves under its own name.
    const std::string chosen = resolve_cached(name, endpoint)->name;
    if (chosen == name)
      return 0;
    *picked = intern(chosen);
    return 1;
  });
}

const char *rehost_check(const char *profile) {
  guarded(0, [&] {
    resolve_for_client(view(profile_name(profile)), {});
    return 0;
  });
  return rehost_last_error();
}

const char *rehost_connect_check(const char *profile) {
  guarded(0, [&] {
    resolve_for_connection(view(profile_name(profile)), {});
    return 0;
  });
  return rehost_last_error();
}

int rehost_uses_tls(const char *profile) {
  return guarded(-1, [&] {
    return resolve_for_connection(view(profile_name(profile)), {})->tls.value
               ? 1
               : 0;
  });
}

} // extern "C"
