#include "config_file.hpp"

#include "inputs.hpp"
#include "keys.hpp"
#include "source.hpp"
#include "toml_check.hpp"
#include "url.hpp"

#include <toml++/toml.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace rehost::detail {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view call_site_key = "call_site";

bool is_known_key(std::string_view key) {
  if (key == "url_file" || key == call_site_key)
    return true;
  if (key.size() > 5 && key.substr(key.size() - 5) == "_file" &&
      has_file_variant(key.substr(0, key.size() - 5)))
    return true;
  for (std::string_view known : setting_keys())
    if (known == key)
      return true;
  return false;
}

// TOML scalars become the same text an environment variable would hold, so
// both go through one set of parsers.
std::string scalar_text(const toml::node &node, const std::string &label) {
  if (auto s = node.as_string())
    return s->get();
  if (auto i = node.as_integer())
    return std::to_string(i->get());
  if (auto b = node.as_boolean())
    return b->get() ? "true" : "false";
  if (auto f = node.as_floating_point()) {
    std::ostringstream out;
    out << f->get();
    return out.str();
  }
  if (auto array = node.as_array()) {
    std::string joined;
    for (const toml::node &item : *array) {
      if (!item.is_string())
        throw ConfigError(label + ": array items must be strings");
      joined += (joined.empty() ? "" : ",") + item.as_string()->get();
    }
    return joined;
  }
  throw ConfigError(label + ": expected a string, number, boolean or array");
}

// The call_site URL, validated in full (every value typed) with errors
// naming the file and key, then re-labelled as the call site it records.
Layer read_recorded_call_site(const toml::node &node, const std::string &path,
                              const std::string &label) {
  if (!node.is_string())
    throw ConfigError(label + ": expected a URL string");
  Layer layer;
  std::vector<std::string> ignored_warnings;
  parse_url(node.as_string()->get(), Origin{Source::config_file, label}, layer,
            ignored_warnings);
  if (layer.count("username") || layer.count("password"))
    throw ConfigError(label + ": must not carry credentials (it records the "
                              "code's endpoint; configure password instead)");
  Profile scratch;
  for (auto &[key, raw] : layer) {
    apply_setting(scratch, key, raw);
    raw.origin = Origin{Source::call_site, path};
  }
  return layer;
}

ConfigFileSettings read_profile_table(const toml::table &table,
                                      const std::string &path,
                                      const std::string &key_path,
                                      std::vector<std::string> &warnings,
                                      SecretFiles files) {
  for (const auto &[key, node] : table) {
    if (!is_known_key(key.str()))
      throw ConfigError(path + ": " + key_path + "." + std::string(key.str()) +
                        ": unknown key");
  }
  ConfigFileSettings result;
  result.settings = read_source(
      [&](std::string_view key) -> std::optional<RawValue> {
        const toml::node *node = table.get(key);
        if (!node)
          return std::nullopt;
        std::string label = path + ": " + key_path + "." + std::string(key);
        RawValue value{scalar_text(*node, label),
                       Origin{Source::config_file, label}};
        bool secret_file =
            key.size() > 5 && key.substr(key.size() - 5) == "_file";
        if (secret_file && files == SecretFiles::skip)
          return std::nullopt;
        return value;
      },
      warnings);
  if (const toml::node *node = table.get(call_site_key))
    result.recorded_call_site = read_recorded_call_site(
        *node, path, path + ": " + key_path + "." + std::string(call_site_key));
  return result;
}

const toml::table *table_at(const toml::table &root,
                            std::initializer_list<std::string_view> keys,
                            const std::string &path) {
  const toml::table *table = &root;
  std::string key_path;
  for (std::string_view key : keys) {
    key_path += (key_path.empty() ? "" : ".") + std::string(key);
    const toml::node *node = table->get(key);
    if (!node)
      return nullptr;
    table = node->as_table();
    if (!table)
      throw ConfigError(path + ": " + key_path + ": expected a table");
  }
  return table;
}

// The file after the TOML guard and toml++, errors naming PATH:LINE:COLUMN.
toml::table parse_config(const std::string &path) {
  check_toml_file(path);
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error &error) {
    throw ConfigError(path + ":" + std::to_string(error.source().begin.line) +
                      ":" + std::to_string(error.source().begin.column) + ": " +
                      std::string(error.description()));
  }
}

// Every [KEY_PATH.NAME] table read and typed as a profile would be.
void check_profile_tables(const toml::table &root,
                          std::initializer_list<std::string_view> key_path,
                          const std::string &path,
                          std::vector<std::string> &warnings) {
  const toml::table *profiles = table_at(root, key_path, path);
  if (!profiles)
    return;
  std::string prefix;
  for (std::string_view key : key_path)
    prefix += std::string(key) + ".";
  for (const auto &[name, node] : *profiles) {
    std::string key = prefix + std::string(name.str());
    const toml::table *table = node.as_table();
    if (!table)
      throw ConfigError(path + ": " + key + ": expected a table");
    Profile scratch;
    for (const auto &[setting, raw] :
         read_profile_table(*table, path, key, warnings, SecretFiles::skip)
             .settings)
      apply_setting(scratch, setting, raw);
  }
}

void require_readable(const std::string &path) {
  if (!std::ifstream(path))
    throw ConfigError(path + ": cannot read it: " + std::strerror(errno));
}

} // namespace

std::vector<std::string> check_config(const std::string &path) {
  require_readable(path);
  toml::table root = parse_config(path);
  std::vector<std::string> warnings;
  check_profile_tables(root, {"profiles"}, path, warnings);
  if (const toml::table *environments = table_at(root, {"environments"}, path))
    for (const auto &[environment, node] : *environments) {
      std::string_view name = environment.str();
      if (!node.is_table())
        throw ConfigError(path + ": environments." + std::string(name) +
                          ": expected a table");
      check_profile_tables(root, {"environments", name, "profiles"}, path,
                           warnings);
    }
  return warnings;
}

std::string deployment_environment() {
  if (const char *chosen = std::getenv("REHOST_ENV"); chosen && *chosen)
    return chosen;
  if (const char *k8s = std::getenv("KUBERNETES_SERVICE_HOST"); k8s && *k8s)
    return "kubernetes";
  std::error_code ignored;
  // Not noted for the profile cache: these do not come or go under a
  // running process.
  if (fs::exists("/.dockerenv", ignored) ||
      fs::exists("/run/.containerenv", ignored))
    return "container";
  return "local";
}

ConfigFileSettings read_config_file(std::string_view profile,
                                    const std::string &environment,
                                    std::vector<std::string> &warnings) {
  ConfigFileSettings result;
  std::error_code ignored;
  if (const char *chosen = std::getenv("REHOST_CONFIG"); chosen && *chosen) {
    result.path = fs::absolute(chosen, ignored).string();
    note_file_read(result.path);
    if (!std::ifstream(result.path))
      throw ConfigError(std::string("REHOST_CONFIG: cannot read '") +
                        result.path + "': " + std::strerror(errno));
  } else {
    // Relative, so a cached resolution notices a change of directory.
    note_file_read("rehost.toml");
    if (!fs::exists("rehost.toml", ignored))
      return result;
    result.path = fs::absolute("rehost.toml", ignored).string();
  }

  return read_config_file_at(result.path, profile, environment, warnings,
                             SecretFiles::read);
}

ConfigFileSettings read_config_file_at(const std::string &path,
                                       std::string_view profile,
                                       const std::string &environment,
                                       std::vector<std::string> &warnings,
                                       SecretFiles files) {
  require_readable(path);
  toml::table root = parse_config(path);
  const std::string name(profile);
  ConfigFileSettings result;
  if (auto base = table_at(root, {"profiles", name}, path))
    result =
        read_profile_table(*base, path, "profiles." + name, warnings, files);
  const toml::table *env_overlay =
      environment.empty()
          ? nullptr
          : table_at(root, {"environments", environment, "profiles", name},
                     path);
  if (env_overlay) {
    ConfigFileSettings over = read_profile_table(
        *env_overlay, path, "environments." + environment + ".profiles." + name,
        warnings, files);
    overlay(result.settings, over.settings);
    overlay(result.recorded_call_site, over.recorded_call_site);
  }
  result.path = path;
  return result;
}

} // namespace rehost::detail

namespace rehost {

std::vector<std::string> check_config_file(const std::string &path) {
  return detail::check_config(path);
}

} // namespace rehost
