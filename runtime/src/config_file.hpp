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
};

// Reads REHOST_CONFIG (which must exist) or ./rehost.toml (if it exists).
ConfigFileSettings read_config_file(std::string_view profile,
                                    const std::string &environment,
                                    std::vector<std::string> &warnings);

} // namespace rehost::detail

#endif
