// Settings from the runtime's rehost.toml: [profiles.NAME], overlaid by
// [environments.ENV.profiles.NAME] for the deployment environment.
#ifndef REHOST_SRC_CONFIG_FILE_HPP
#define REHOST_SRC_CONFIG_FILE_HPP

#include "layer.hpp"

#include <string_view>
#include <vector>

namespace rehost::detail {

// REHOST_ENV, else "kubernetes" (KUBERNETES_SERVICE_HOST is set),
// "container" (/.dockerenv or /run/.containerenv exists) or "local".
std::string deployment_environment();

struct ConfigFileSettings {
  std::string path; // absolute; empty when there is no file
  Layer settings;
  // The profile's `call_site` key: the endpoint `rehost fix` found in the
  // code, recorded for rehost-doctor. Not configuration (the program's own
  // call site is its fallback), so only resolve_profile's `recorded` uses it.
  // Validated like a URL; origin Source::call_site named by the file.
  Layer recorded_call_site;
};

// Reads REHOST_CONFIG (which must exist) or ./rehost.toml (if it exists).
ConfigFileSettings read_config_file(std::string_view profile,
                                    const std::string &environment,
                                    std::vector<std::string> &warnings);

// Whether a profile table's secret files (password_file, url_file) are read:
// a reading on another machine than the service's cannot.
enum class SecretFiles { read, skip };

// Profile `profile` of the file at `path`, which must be readable:
// [profiles.NAME] overlaid by [environments.ENVIRONMENT.profiles.NAME] (no
// overlay when `environment` is empty). What read_config_file reads once it
// has found the file.
ConfigFileSettings read_config_file_at(const std::string &path,
                                       std::string_view profile,
                                       const std::string &environment,
                                       std::vector<std::string> &warnings,
                                       SecretFiles files);

// rehost::check_config_file: every profile and overlay of the file at
// `path`, read and typed; secret files are not read.
std::vector<std::string> check_config(const std::string &path);

} // namespace rehost::detail

#endif
