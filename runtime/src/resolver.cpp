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
// as in every error) and the profile.
void require_supported_tls(const Profile &profile) {
  if (!profile.tls.value)
    return;
  const bool built_with_tls = hiredis::has_tls();
  throw ConfigError(
      error_label(profile.tls.origin) + ": " +
      (built_with_tls ? "TLS is not implemented in this rehost-runtime build"
                      : "TLS needs hiredis >= 1.0 built with SSL") +
      ", so rehost cannot hand a TLS connection to this client yet (profile '" +
      profile.name + "'" +
      (built_with_tls ? std::string()
                      : "; this runtime has hiredis " + hiredis::version() +
                            " without SSL") +
      ")");
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
  require_supported_tls(*profile);
  return profile;
}

} // namespace rehost::detail
