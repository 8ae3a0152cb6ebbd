#include "resolver.hpp"

#include "config_file.hpp"
#include "env_source.hpp"
#include "hiredis_seam.hpp"
#include "keys.hpp"
#include "profile_cache.hpp"
#include "sentinel.hpp"
#include "values.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace rehost::detail {
namespace {

bool valid_profile_name(std::string_view name) {
  bool valid = !name.empty();
  for (char c : name)
    valid = valid && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
                      c == '-');
  return valid;
}

constexpr const char *name_rule = " (use letters, digits, '_' and '-')";

void validate_profile_name(std::string_view name) {
  if (!valid_profile_name(name))
    throw ConfigError("profile name '" + std::string(name) + "' is invalid" +
                      name_rule);
}

const Layer &built_in_defaults() {
  static const Layer defaults = [] {
    const Origin origin{Source::built_in, ""};
    Layer layer;
    for (auto [key, text] : {std::pair{"transport", "tcp"},
                             {"host", "127.0.0.1"},
                             {"port", "6379"},
                             {"db", "0"},
                             {"tls", "false"},
                             {"tls_verify", "full"},
                             {"connect_timeout", "5s"},
                             {"command_timeout", "0"},
                             {"keepalive", "true"},
                             {"pool_size", "8"},
                             {"pool_wait_timeout", "2s"},
                             {"pool_min_idle", "0"},
                             {"pool_connection_lifetime", "30m"},
                             {"pool_connection_idle_time", "5m"},
                             {"health_check_interval", "30s"}})
      layer.emplace(key, RawValue{text, origin});
    return layer;
  }();
  return defaults;
}

// The message names the source that turned TLS on (its label comes first,
// as in every error), the profile and why.
[[noreturn]] void refuse_tls(const Profile &profile, const std::string &why) {
  throw ConfigError(error_label(profile.tls.origin) + ": " + why +
                    ", so rehost cannot hand a TLS connection to this client "
                    "yet (profile '" +
                    profile.name + "'" +
                    (hiredis::has_tls()
                         ? std::string()
                         : "; this runtime has hiredis " + hiredis::version() +
                               " without SSL") +
                    ")");
}

// A TLS profile that the runtime connects itself: it needs hiredis_ssl, and
// TCP (a unix socket has no TLS). Never a plaintext fallback.
void require_tls_support(const Profile &profile) {
  if (!profile.tls.value)
    return;
  if (!hiredis::has_tls())
    refuse_tls(profile, "TLS needs hiredis >= 1.0 built with SSL "
                        "(hiredis_ssl)");
  if (profile.transport.value == Transport::unix_socket)
    throw ConfigError(error_label(profile.tls.origin) + ": TLS is on, but " +
                      error_label(profile.socket.origin) + " makes profile '" +
                      profile.name +
                      "' a unix socket, which has no TLS (set a host and "
                      "port, or turn TLS off)");
}

// The verification `none` is a choice someone made; it is said wherever the
// profile is shown (rehost-doctor) and once on stderr when connecting.
void warn_unverified(Profile &profile) {
  if (profile.tls.value && profile.tls_verify.value == TlsVerify::none)
    profile.warnings.push_back(
        error_label(profile.tls_verify.origin) +
        ": tls_verify none: the server's certificate is not checked, so "
        "anyone on the path can pose as the server (profile '" +
        profile.name + "')");
}

// The profile `merged` spells, each value typed (throws ConfigError).
Profile typed_profile(std::string_view name, std::string environment,
                      std::string config_path, const Layer &merged,
                      std::vector<std::string> warnings) {
  Profile profile;
  profile.name = std::string(name);
  profile.environment = std::move(environment);
  profile.config_path = std::move(config_path);
  profile.warnings = std::move(warnings);
  for (const auto &[key, raw] : merged)
    apply_setting(profile, key, raw);
  warn_unverified(profile);
  return profile;
}

// What the environment and rehost.toml say for one profile.
struct ProfileSources {
  std::string environment;
  ConfigFileSettings file;
  Layer configured; // the file's settings, the environment's over them
  std::vector<std::string> warnings;
};

ProfileSources read_profile_sources(std::string_view name) {
  validate_profile_name(name);
  ProfileSources sources;
  sources.environment = deployment_environment();
  sources.file = read_config_file(name, sources.environment, sources.warnings);
  sources.configured = sources.file.settings;
  overlay(sources.configured, read_environment(name, sources.warnings));
  return sources;
}

// The profile `sources` configure over `below` (the call site) over the
// built-in defaults.
Profile resolve_sources(std::string_view name, const ProfileSources &sources,
                        const Layer &below) {
  Layer merged = built_in_defaults();
  overlay(merged, below);
  overlay(merged, sources.configured);
  return typed_profile(name, sources.environment, sources.file.path, merged,
                       sources.warnings);
}

constexpr std::string_view set_prefix = "match:";

// The names of the profile set `name` ("match:a,b"), or nothing when `name`
// is a plain profile name. Throws for a malformed set, naming it.
std::optional<std::vector<std::string>> profile_set(std::string_view name) {
  if (!is_profile_set(name))
    return std::nullopt;
  auto malformed = [&](const std::string &why) {
    return ConfigError("profile set '" + std::string(name) + "' " + why);
  };
  std::vector<std::string> names;
  std::string_view rest = name.substr(set_prefix.size());
  for (;;) {
    size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    if (item.empty())
      throw malformed((names.empty() && comma == std::string_view::npos
                           ? "names no profile"
                           : "has an empty profile name") +
                      std::string(" (write match:NAME,NAME...)"));
    if (!valid_profile_name(item))
      throw malformed("has an invalid profile name '" + std::string(item) +
                      "'" + name_rule);
    if (std::find(names.begin(), names.end(), item) != names.end())
      throw malformed("names profile '" + std::string(item) + "' twice");
    names.emplace_back(item);
    if (comma == std::string_view::npos)
      return names;
    rest.remove_prefix(comma + 1);
  }
}

bool gives_endpoint(const Layer &layer) {
  return layer.count("transport") || layer.count("cluster_nodes");
}

// A node list as a set of lower-cased "host:port" entries, for comparison.
std::vector<std::string> node_set(std::vector<std::string> nodes) {
  for (std::string &node : nodes)
    node = to_lower(node);
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  return nodes;
}

// The endpoint `call` (the call site over the defaults) connects to, as the
// error about two matching profiles shows it.
std::string endpoint_text(const Profile &call, bool node_list) {
  if (node_list) {
    std::string joined;
    for (const std::string &node : call.cluster_nodes.value)
      joined += (joined.empty() ? "" : ",") + node;
    return joined;
  }
  if (call.transport.value == Transport::unix_socket)
    return call.socket.value;
  return node_text(call.host.value, call.port.value);
}

// Whether `alone` (a listed profile resolved without the call site), whose
// own sources set `configured`, is configured for the endpoint `call`
// gives: the same cluster nodes, in any order, or the same transport and
// TCP host (any case) and port, or socket path. Built-in defaults are no
// address, and a Sentinel profile has none to compare: it asks its
// sentinels where the master is when it connects.
bool addressed_to(const Profile &alone, const Layer &configured,
                  const Profile &call, bool node_list) {
  if (uses_sentinel(alone))
    return false;
  const bool has_endpoint = configured.count("transport") != 0;
  if (node_list)
    return (has_endpoint || configured.count("cluster_nodes")) &&
           node_set(cluster_nodes_for(alone)) ==
               node_set(call.cluster_nodes.value);
  if (!has_endpoint || alone.transport.value != call.transport.value)
    return false;
  if (alone.transport.value == Transport::unix_socket)
    return alone.socket.value == call.socket.value;
  return to_lower(alone.host.value) == to_lower(call.host.value) &&
         alone.port.value == call.port.value;
}

// A set picks the listed profile configured for the endpoint the call site
// gives (docs/runtime.md "Profile sets"); when none is, the call site alone
// over the built-in defaults, named as the set: what the code did before.
Profile resolve_set(std::string_view set, const std::vector<std::string> &names,
                    const Layer &call_site) {
  if (!gives_endpoint(call_site))
    throw ConfigError("profile set '" + std::string(set) +
                      "': a profile set only names the profile of a "
                      "connection to the endpoint the call gives, and this "
                      "call gives none; give one profile name");
  Layer merged = built_in_defaults();
  overlay(merged, call_site);
  Profile call = typed_profile(set, "", "", merged, {});
  const bool node_list = call_site.count("cluster_nodes") != 0;

  struct Match {
    std::string_view name;
    ProfileSources sources;
    Profile alone;
  };
  std::vector<Match> matches;
  for (const std::string &name : names) {
    // Every listed profile is resolved, so a bad one fails loudly even
    // where another would match.
    ProfileSources sources = read_profile_sources(name);
    Profile alone = resolve_sources(name, sources, {});
    if (addressed_to(alone, sources.configured, call, node_list))
      matches.push_back({name, std::move(sources), std::move(alone)});
  }
  if (matches.empty())
    return call;
  for (const Match &other : matches) {
    std::vector<std::string_view> differing =
        differing_settings(matches.front().alone, other.alone);
    if (differing.empty())
      continue;
    std::string keys;
    for (std::string_view key : differing)
      keys += (keys.empty() ? "" : ", ") + std::string(key);
    // Only the names of the settings: a value may be a password.
    throw ConfigError("profile set '" + std::string(set) + "': profiles '" +
                      std::string(matches.front().name) + "' and '" +
                      std::string(other.name) + "' both resolve to " +
                      endpoint_text(call, node_list) +
                      " with different settings (" + keys +
                      "); rehost cannot tell which one this connection is "
                      "for (give them different addresses)");
  }
  const Match &match = matches.front();
  return resolve_sources(match.name, match.sources, call_site);
}

} // namespace

Profile resolve_profile(std::string_view name, const Layer &call_site,
                        RecordedCallSite recorded) {
  if (std::optional<std::vector<std::string>> set = profile_set(name))
    return resolve_set(name, *set, call_site);
  ProfileSources sources = read_profile_sources(name);
  Layer below = recorded == RecordedCallSite::use
                    ? sources.file.recorded_call_site
                    : Layer();
  overlay(below, call_site);
  return resolve_sources(name, sources, below);
}

bool is_profile_set(std::string_view name) {
  return name.substr(0, set_prefix.size()) == set_prefix;
}

std::vector<std::string> cluster_nodes_for(const Profile &profile) {
  if (profile.cluster_nodes.value.empty() ||
      profile.cluster_nodes.origin.source > profile.host.origin.source)
    return {node_text(profile.host.value, profile.port.value)};
  return profile.cluster_nodes.value;
}

Profile resolve_file_alone(std::string_view name, const std::string &path,
                           const std::string &environment) {
  validate_profile_name(name);
  std::vector<std::string> warnings;
  ConfigFileSettings file =
      read_config_file_at(path, name, environment, warnings, SecretFiles::skip);
  Layer merged = built_in_defaults();
  overlay(merged, file.recorded_call_site);
  overlay(merged, file.settings);
  return typed_profile(name, environment, std::move(file.path), merged,
                       std::move(warnings));
}

std::shared_ptr<const Profile> resolve_for_client(std::string_view name,
                                                  const Layer &call_site) {
  std::shared_ptr<const Profile> profile = resolve_cached(name, call_site);
  if (profile->tls.value)
    refuse_tls(*profile,
               hiredis::has_tls()
                   ? "TLS is made only on the connections rehost opens "
                     "itself (the rehost_redisConnect* and async connectors, "
                     "the pool, rehost/hiredis_options.h), and this client "
                     "is handed plain values"
                   : "TLS needs hiredis >= 1.0 built with SSL (hiredis_ssl)");
  return profile;
}

std::shared_ptr<const Profile> resolve_for_connection(std::string_view name,
                                                      const Layer &call_site) {
  std::shared_ptr<const Profile> profile = resolve_cached(name, call_site);
  require_tls_support(*profile);
  return profile;
}

} // namespace rehost::detail
