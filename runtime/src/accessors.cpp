// Value accessors (C and C++) for code that builds its own clients.
#include "call_site.hpp"
#include "resolver.hpp"

#include <mutex>
#include <set>

namespace rehost {
namespace detail {
namespace {

thread_local std::string last_error;
thread_local bool has_last_error = false;

// C callers keep the pointers we return, so each distinct value lives for the
// process lifetime. Values only repeat, so this stays as small as the config.
const char *intern(const std::string &value) {
  static std::mutex mutex;
  static std::set<std::string> values;
  std::lock_guard<std::mutex> lock(mutex);
  return values.insert(value).first->c_str();
}

Profile resolve_c(const char *name, const Layer &call_site) {
  if (!name)
    throw ConfigError("profile name is NULL");
  return resolve_profile(name, call_site);
}

// Runs `body` for a C entry point: no exception escapes, and a failure
// leaves its message for rehost_last_error().
template <typename Result, typename Body>
Result guarded(Result on_error, Body body) noexcept {
  has_last_error = false;
  try {
    return body();
  } catch (const std::exception &error) {
    last_error = error.what();
  } catch (...) {
    last_error = "rehost: unknown error";
  }
  has_last_error = true;
  return on_error;
}

const char *c_string(const std::string &value, bool empty_is_null) {
  return empty_is_null && value.empty() ? nullptr : intern(value);
}

std::string bracketed(const std::string &host) {
  return host.find(':') == std::string::npos ? host : "[" + host + "]";
}

// redis-plus-plus's URI form; it does not percent-decode, so credentials are
// written as they are.
std::string plus_plus_uri(const Profile &p) {
  std::string auth;
  if (!p.password.value.empty()) {
    const std::string &user = p.username.value;
    auth = (user.empty() || user == "default" ? "" : user + ":") +
           p.password.value + "@";
  }
  std::string uri = p.transport.value == Transport::unix_socket
                        ? "unix://" + auth + p.socket.value
                        : "tcp://" + auth + bracketed(p.host.value) + ":" +
                              std::to_string(p.port.value);
  if (p.db.value != 0)
    uri += "/" + std::to_string(p.db.value);
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
  // A host set by a stronger source than the node list wins, so REDIS_URL
  // can redirect a call site that hardcoded a node list.
  if (p.cluster_nodes.value.empty() ||
      p.cluster_nodes.origin.source > p.host.origin.source)
    return bracketed(p.host.value) + ":" + std::to_string(p.port.value);
  std::string joined;
  for (const std::string &node : p.cluster_nodes.value)
    joined += (joined.empty() ? "" : ",") + node;
  return joined;
}

std::string port_text(int port) {
  return port > 0 ? std::to_string(port) : std::string();
}

} // namespace
} // namespace detail

using namespace detail;

Profile resolve(std::string_view name) { return resolve_profile(name, {}); }

std::string host(std::string_view profile, std::string_view fallback) {
  return resolve_profile(profile,
                         call_site({{"host", std::string(fallback).c_str()}}))
      .host.value;
}

int port(std::string_view profile, int fallback) {
  return resolve_profile(profile,
                         call_site({{"port", port_text(fallback).c_str()}}))
      .port.value;
}

std::string password(std::string_view profile, std::string_view fallback) {
  return resolve_profile(
             profile, call_site({{"password", std::string(fallback).c_str()}}))
      .password.value;
}

std::string username(std::string_view profile, std::string_view fallback) {
  return resolve_profile(
             profile, call_site({{"username", std::string(fallback).c_str()}}))
      .username.value;
}

std::string socket(std::string_view profile, std::string_view fallback) {
  return resolve_profile(profile,
                         call_site({{"socket", std::string(fallback).c_str()}}))
      .socket.value;
}

int db(std::string_view profile, int fallback) {
  std::string text = fallback >= 0 ? std::to_string(fallback) : "";
  return resolve_profile(profile, call_site({{"db", text.c_str()}})).db.value;
}

std::string uri(std::string_view profile, std::string_view fallback) {
  return plus_plus_uri(
      resolve_profile(profile, call_site_uri(std::string(fallback).c_str())));
}

} // namespace rehost

using namespace rehost::detail;

extern "C" {

const char *rehost_host(const char *profile, const char *fallback) {
  return guarded<const char *>(nullptr, [&] {
    return c_string(
        resolve_c(profile, call_site({{"host", fallback}})).host.value, false);
  });
}

int rehost_port(const char *profile, int fallback) {
  return guarded(-1, [&] {
    return resolve_c(profile,
                     call_site({{"port", port_text(fallback).c_str()}}))
        .port.value;
  });
}

const char *rehost_password(const char *profile, const char *fallback) {
  return guarded<const char *>(nullptr, [&] {
    return c_string(
        resolve_c(profile, call_site({{"password", fallback}})).password.value,
        true);
  });
}

const char *rehost_auth_password(const char *profile) {
  const char *password = rehost_password(profile, nullptr);
  return password ? password : "";
}

const char *rehost_username(const char *profile, const char *fallback) {
  return guarded<const char *>(nullptr, [&] {
    return c_string(
        resolve_c(profile, call_site({{"username", fallback}})).username.value,
        true);
  });
}

const char *rehost_socket(const char *profile, const char *fallback) {
  return guarded<const char *>(nullptr, [&] {
    return c_string(
        resolve_c(profile, call_site({{"socket", fallback}})).socket.value,
        false);
  });
}

int rehost_db(const char *profile, int fallback) {
  return guarded(-1, [&] {
    std::string db = fallback >= 0 ? std::to_string(fallback) : "";
    return resolve_c(profile, call_site({{"db", db.c_str()}})).db.value;
  });
}

const char *rehost_uri(const char *profile, const char *fallback) {
  return guarded<const char *>(nullptr, [&] {
    return c_string(plus_plus_uri(resolve_c(profile, call_site_uri(fallback))),
                    false);
  });
}

const char *rehost_cluster_nodes(const char *profile, const char *fallback) {
  return guarded<const char *>(nullptr, [&] {
    return c_string(cluster_nodes_of(resolve_c(
                        profile, call_site({{"cluster_nodes", fallback}}))),
                    false);
  });
}

const char *rehost_last_error(void) {
  return has_last_error ? last_error.c_str() : nullptr;
}

} // extern "C"
