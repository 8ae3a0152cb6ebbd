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

struct KeySpec {
  std::string_view name;
  bool file_variant;
  void (*apply)(Profile &, const RawValue &);
};

// One entry per setting.
const KeySpec key_specs[] = {
    {"transport", false,
     [](Profile &p, const RawValue &r) {
       assign(p.transport, r, as_transport);
     }},
    {"host", false,
     [](Profile &p, const RawValue &r) { assign(p.host, r, parse_host); }},
    {"port", false,
     [](Profile &p, const RawValue &r) { assign(p.port, r, parse_port); }},
    {"socket", false,
     [](Profile &p, const RawValue &r) { assign(p.socket, r, as_socket); }},
    {"db", false,
     [](Profile &p, const RawValue &r) {
       assign(p.db, r, [](std::string_view t, const std::string &l) {
         return parse_int(t, l, "db", 0, 1 << 20);
       });
     }},
    {"username", false,
     [](Profile &p, const RawValue &r) { assign(p.username, r, as_text); }},
    {"password", true,
     [](Profile &p, const RawValue &r) { assign(p.password, r, as_text); }},
    {"tls", false,
     [](Profile &p, const RawValue &r) { assign(p.tls, r, parse_bool); }},
    {"tls_ca_cert_file", false,
     [](Profile &p, const RawValue &r) {
       assign(p.tls_ca_cert_file, r, as_path);
     }},
    {"tls_ca_cert_dir", false,
     [](Profile &p, const RawValue &r) {
       assign(p.tls_ca_cert_dir, r, as_path);
     }},
    {"tls_cert_file", false,
     [](Profile &p, const RawValue &r) {
       assign(p.tls_cert_file, r, as_path);
     }},
    {"tls_key_file", false,
     [](Profile &p, const RawValue &r) { assign(p.tls_key_file, r, as_path); }},
    {"tls_server_name", false,
     [](Profile &p, const RawValue &r) {
       assign(p.tls_server_name, r, parse_host);
     }},
    {"tls_verify", false,
     [](Profile &p, const RawValue &r) {
       assign(p.tls_verify, r, as_tls_verify);
     }},
    {"connect_timeout", false,
     [](Profile &p, const RawValue &r) {
       assign(p.connect_timeout, r, as_positive_duration);
     }},
    {"command_timeout", false,
     [](Profile &p, const RawValue &r) {
       assign(p.command_timeout, r, parse_duration);
     }},
    {"keepalive", false,
     [](Profile &p, const RawValue &r) { assign(p.keepalive, r, parse_bool); }},
    {"client_name", false,
     [](Profile &p, const RawValue &r) {
       assign(p.client_name, r, as_client_name);
     }},
    {"cluster_nodes", false,
     [](Profile &p, const RawValue &r) {
       assign(p.cluster_nodes, r, parse_node_list);
     }},
    {"sentinel_nodes", false,
     [](Profile &p, const RawValue &r) {
       assign(p.sentinel_nodes, r, parse_node_list);
     }},
    {"sentinel_master", false,
     [](Profile &p, const RawValue &r) {
       assign(p.sentinel_master, r, as_master_name);
     }},
    {"sentinel_username", false,
     [](Profile &p, const RawValue &r) {
       assign(p.sentinel_username, r, as_text);
     }},
    {"sentinel_password", true,
     [](Profile &p, const RawValue &r) {
       assign(p.sentinel_password, r, as_text);
     }},
    {"pool_size", false,
     [](Profile &p, const RawValue &r) {
       assign(p.pool_size, r, [](std::string_view t, const std::string &l) {
         return parse_int(t, l, "pool size", 1, 100000);
       });
     }},
    {"pool_wait_timeout", false,
     [](Profile &p, const RawValue &r) {
       assign(p.pool_wait_timeout, r, parse_duration);
     }},
    {"pool_min_idle", false,
     [](Profile &p, const RawValue &r) {
       assign(p.pool_min_idle, r, [](std::string_view t, const std::string &l) {
         return parse_int(t, l, "pool min idle", 0, 100000);
       });
     }},
    {"pool_connection_lifetime", false,
     [](Profile &p, const RawValue &r) {
       assign(p.pool_connection_lifetime, r, parse_duration);
     }},
    {"pool_connection_idle_time", false,
     [](Profile &p, const RawValue &r) {
       assign(p.pool_connection_idle_time, r, parse_duration);
     }},
    {"health_check_interval", false,
     [](Profile &p, const RawValue &r) {
       assign(p.health_check_interval, r, parse_duration);
     }},
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

} // namespace rehost::detail
