#include "keys.hpp"

#include "values.hpp"

#include <algorithm>

namespace rehost::detail {
namespace {

using std::chrono::milliseconds;

template <typename T, typename Parse>
void assign(Setting<T> &setting, const RawValue &raw, Parse parse) {
  setting.value = parse(raw.text, error_label(raw.origin));
  setting.origin = raw.origin;
}

std::string as_text(std::string_view text, const std::string &) {
  return std::string(text);
}

std::string as_path(std::string_view text, const std::string &label) {
  if (text.empty())
    throw ConfigError(label + ": path is empty");
  return std::string(text);
}

std::string as_client_name(std::string_view text, const std::string &label) {
  for (char c : text)
    if (c <= ' ' || c == 0x7f)
      throw ConfigError(label + ": client name '" + std::string(text) +
                        "' contains spaces or control characters");
  return std::string(text);
}

std::string as_master_name(std::string_view text, const std::string &label) {
  if (text.empty())
    throw ConfigError(label + ": master name is empty");
  for (char c : text)
    if (c <= ' ' || c == 0x7f)
      throw ConfigError(label + ": master name '" + std::string(text) +
                        "' contains spaces or control characters");
  return std::string(text);
}

std::string as_socket(std::string_view text, const std::string &label) {
  // sockaddr_un.sun_path holds 108 bytes including the terminator.
  if (text.size() > 107)
    throw ConfigError(label + ": socket path is longer than 107 bytes");
  return as_path(text, label);
}

milliseconds as_positive_duration(std::string_view text,
                                  const std::string &label) {
  milliseconds value = parse_duration(text, label);
  if (value.count() == 0)
    throw ConfigError(label + ": timeout must be more than 0ms");
  return value;
}

Transport as_transport(std::string_view text, const std::string &) {
  return text == "unix" ? Transport::unix_socket : Transport::tcp;
}

TlsVerify as_tls_verify(std::string_view text, const std::string &label) {
  std::string value = to_lower(text);
  if (value == "full")
    return TlsVerify::full;
  if (value == "ca")
    return TlsVerify::ca;
  if (value == "none")
    return TlsVerify::none;
  throw ConfigError(label + ": TLS verification '" + std::string(text) +
                    "' is not one of full, ca, none");
}

int as_db(std::string_view text, const std::string &label) {
  return parse_int(text, label, "db", 0, 1 << 20);
}

int as_pool_size(std::string_view text, const std::string &label) {
  return parse_int(text, label, "pool size", 1, 100000);
}

int as_pool_min_idle(std::string_view text, const std::string &label) {
  return parse_int(text, label, "pool min idle", 0, 100000);
}

struct KeySpec {
  std::string_view name;
  bool file_variant;
  void (*apply)(Profile &, const RawValue &);
  bool (*same)(const Profile &, const Profile &);
};

// The entry of the setting stored in `Field`, typed by `Parse`.
template <auto Field, auto Parse>
constexpr KeySpec spec(std::string_view name, bool file_variant = false) {
  return {name, file_variant,
          [](Profile &p, const RawValue &r) { assign(p.*Field, r, Parse); },
          [](const Profile &a, const Profile &b) {
            return (a.*Field).value == (b.*Field).value;
          }};
}

// One entry per setting.
constexpr KeySpec key_specs[] = {
    spec<&Profile::transport, as_transport>("transport"),
    spec<&Profile::host, parse_host>("host"),
    spec<&Profile::port, parse_port>("port"),
    spec<&Profile::socket, as_socket>("socket"),
    spec<&Profile::db, as_db>("db"),
    spec<&Profile::username, as_text>("username"),
    spec<&Profile::password, as_text>("password", true),
    spec<&Profile::tls, parse_bool>("tls"),
    spec<&Profile::tls_ca_cert_file, as_path>("tls_ca_cert_file"),
    spec<&Profile::tls_ca_cert_dir, as_path>("tls_ca_cert_dir"),
    spec<&Profile::tls_cert_file, as_path>("tls_cert_file"),
    spec<&Profile::tls_key_file, as_path>("tls_key_file"),
    spec<&Profile::tls_server_name, parse_host>("tls_server_name"),
    spec<&Profile::tls_verify, as_tls_verify>("tls_verify"),
    spec<&Profile::connect_timeout, as_positive_duration>("connect_timeout"),
    spec<&Profile::command_timeout, parse_duration>("command_timeout"),
    spec<&Profile::keepalive, parse_bool>("keepalive"),
    spec<&Profile::client_name, as_client_name>("client_name"),
    spec<&Profile::cluster_nodes, parse_node_list>("cluster_nodes"),
    spec<&Profile::sentinel_nodes, parse_node_list>("sentinel_nodes"),
    spec<&Profile::sentinel_master, as_master_name>("sentinel_master"),
    spec<&Profile::sentinel_username, as_text>("sentinel_username"),
    spec<&Profile::sentinel_password, as_text>("sentinel_password", true),
    spec<&Profile::pool_size, as_pool_size>("pool_size"),
    spec<&Profile::pool_wait_timeout, parse_duration>("pool_wait_timeout"),
    spec<&Profile::pool_min_idle, as_pool_min_idle>("pool_min_idle"),
    spec<&Profile::pool_connection_lifetime, parse_duration>(
        "pool_connection_lifetime"),
    spec<&Profile::pool_connection_idle_time, parse_duration>(
        "pool_connection_idle_time"),
    spec<&Profile::health_check_interval, parse_duration>(
        "health_check_interval"),
};

const KeySpec *find_spec(std::string_view key) {
  for (const KeySpec &spec : key_specs)
    if (spec.name == key)
      return &spec;
  return nullptr;
}

} // namespace

const std::vector<std::string_view> &setting_keys() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> names{"url"};
    for (const KeySpec &spec : key_specs)
      if (spec.name != "transport")
        names.push_back(spec.name);
    return names;
  }();
  return keys;
}

bool has_file_variant(std::string_view key) {
  if (key == "url")
    return true;
  const KeySpec *spec = find_spec(key);
  return spec && spec->file_variant;
}

void apply_setting(Profile &profile, const std::string &key,
                   const RawValue &raw) {
  if (const KeySpec *spec = find_spec(key))
    spec->apply(profile, raw);
}

std::vector<std::string_view> differing_settings(const Profile &a,
                                                 const Profile &b) {
  std::vector<std::string_view> keys;
  for (const KeySpec &spec : key_specs)
    if (!spec.same(a, b))
      keys.push_back(spec.name);
  return keys;
}

} // namespace rehost::detail
