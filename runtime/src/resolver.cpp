#include "resolver.hpp"

#include "config_file.hpp"
#include "env_source.hpp"
#include "hiredis_seam.hpp"
#include "keys.hpp"
#include "profile_cache.hpp"

#include <cctype>

namespace rehost::detail {
namespace {

void validate_profile_name(std::string_view name) {
  bool valid = !name.empty();
  for (char c : name)
    valid = valid && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
                      c == '-');
  if (!valid)
    throw ConfigError("profile name '" + std::string(name) +
                      "' is invalid (use letters, digits, '_' and '-')");
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

} // namespace

Profile resolve_profile(std::string_view name, const Layer &call_site,
                        RecordedCallSite recorded) {
  validate_profile_name(name);
  std::string environment = deployment_environment();
  std::vector<std::string> warnings;
  ConfigFileSettings file = read_config_file(name, environment, warnings);
  Layer merged = built_in_defaults();
  if (recorded == RecordedCallSite::use)
    overlay(merged, file.recorded_call_site);
  overlay(merged, call_site);
  overlay(merged, file.settings);
  overlay(merged, read_environment(name, warnings));
  return typed_profile(name, std::move(environment), std::move(file.path),
                       merged, std::move(warnings));
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
