#include "url.hpp"

#include "url_split.hpp"
#include "values.hpp"

#include <utility>

namespace rehost::detail {
namespace {

// Query keys and their aliases (redis-py, Lettuce, redis-plus-plus) mapped to
// canonical setting keys.
const std::pair<std::string_view, std::string_view> query_aliases[] = {
    {"db", "db"},
    {"database", "db"},
    {"username", "username"},
    {"user", "username"},
    {"password", "password"},
    {"client_name", "client_name"},
    {"clientname", "client_name"},
    {"name", "client_name"},
    {"connect_timeout", "connect_timeout"},
    {"socket_connect_timeout", "connect_timeout"},
    {"socket_timeout", "command_timeout"},
    {"command_timeout", "command_timeout"},
    {"keepalive", "keepalive"},
    {"keep_alive", "keepalive"},
    {"socket_keepalive", "keepalive"},
    {"pool_size", "pool_size"},
    {"max_connections", "pool_size"},
    {"pool_wait_timeout", "pool_wait_timeout"},
    {"pool_min_idle", "pool_min_idle"},
    {"pool_connection_lifetime", "pool_connection_lifetime"},
    {"pool_connection_idle_time", "pool_connection_idle_time"},
    {"health_check_interval", "health_check_interval"},
    {"tls_verify", "tls_verify"},
    {"ssl_ca_certs", "tls_ca_cert_file"},
    {"ssl_ca_path", "tls_ca_cert_dir"},
    {"ssl_certfile", "tls_cert_file"},
    {"ssl_keyfile", "tls_key_file"},
    {"sni", "tls_server_name"},
    {"sentinel_username", "sentinel_username"},
    {"sentinel_password", "sentinel_password"},
};

// redis-py's ssl_cert_reqs in rehost's tls_verify words (split_url has
// refused any other value).
std::string tls_verify_of(std::string_view cert_reqs) {
  std::string reqs = to_lower(cert_reqs);
  return reqs == "none" ? "none" : reqs == "optional" ? "ca" : "full";
}

void add_query_param(const UrlParam &param, const Origin &origin,
                     const std::string &label, Layer &out,
                     std::vector<std::string> &warnings) {
  std::string key = url_query_key(param.key);
  std::string value = percent_decode(param.value);
  if (key == "protocol" || key == "timeout")
    return; // split_url has checked them: only protocol=2 passes.
  if (key == "ssl_cert_reqs") {
    out.insert_or_assign("tls_verify", RawValue{tls_verify_of(value), origin});
    return;
  }
  for (const auto &[alias, canonical] : query_aliases) {
    if (alias == key) {
      out.insert_or_assign(std::string(canonical), RawValue{value, origin});
      return;
    }
  }
  warnings.push_back(label + ": unknown URL query key '" + key + "' ignored");
}

void add_userinfo(const UrlParts &url, const Origin &origin,
                  const std::string &label, Layer &out,
                  std::vector<std::string> &warnings) {
  if (url.lone_password)
    // redis-plus-plus and Lettuce read a lone token as the password; Redis
    // cannot log a user in without one anyway.
    warnings.push_back(label + ": URL userinfo without ':' is read as a "
                               "password (write user:password for ACL users)");
  if (std::string user = percent_decode(url.user); !user.empty())
    out.insert_or_assign("username", RawValue{user, origin});
  if (std::string password = percent_decode(url.password); !password.empty())
    out.insert_or_assign("password", RawValue{password, origin});
}

// The sentinels as a sentinel_nodes list ("host:port", Sentinel's port 26379
// when none is written; parse_node_list checks each).
std::string sentinel_nodes(const std::vector<UrlNode> &sentinels) {
  std::string nodes;
  for (const UrlNode &node : sentinels) {
    std::string host = percent_decode(node.host);
    if (host.find(':') != std::string::npos)
      host = "[" + host + "]";
    nodes += (nodes.empty() ? "" : ",") + host + ":" +
             (node.port.empty() ? "26379" : std::string(node.port));
  }
  return nodes;
}

void add_location(const UrlParts &url, const Origin &origin, Layer &out) {
  auto set = [&](const char *key, std::string value) {
    out.insert_or_assign(key, RawValue{std::move(value), origin});
  };
  if (url.kind == UrlKind::unix_socket) {
    set("transport", "unix");
    set("socket", percent_decode(url.socket));
  } else {
    set("transport", "tcp");
    // A Sentinel URL says nothing of the master's TLS (there is no
    // rediss+sentinel): `tls` beside it decides.
    if (url.kind != UrlKind::sentinel)
      set("tls", url.kind == UrlKind::tls ? "true" : "false");
  }
  if (url.kind == UrlKind::sentinel) {
    set("sentinel_nodes", sentinel_nodes(url.sentinels));
    set("sentinel_master", percent_decode(url.master));
  } else if (url.kind != UrlKind::unix_socket) {
    std::string host = percent_decode(url.address.host);
    if (!host.empty())
      set("host", host);
    if (!url.address.port.empty())
      set("port", std::string(url.address.port));
    else if (!host.empty())
      set("port", "6379");
  }
  if (!url.db.empty())
    set("db", std::string(url.db));
}

} // namespace

void parse_url(std::string_view text, const Origin &origin, Layer &out,
               std::vector<std::string> &warnings) {
  std::string label = error_label(origin);
  UrlParts url = split_url(text);
  if (!url.error.empty())
    throw ConfigError(label + ": " + url.error);
  if (url.has_userinfo)
    add_userinfo(url, origin, label, out, warnings);
  add_location(url, origin, out);
  // Query keys come last: they win over path and userinfo, as in redis-py.
  for (const UrlParam &param : url.query)
    add_query_param(param, origin, label, out, warnings);
}

} // namespace rehost::detail

namespace rehost {
namespace {

// `text` with every byte but the URL's unreserved characters (and those in
// `keep`) written as %XX, so the URL is printable ASCII whatever the value
// holds, and parse_url's percent_decode gives the value back.
std::string percent_encode(std::string_view text, std::string_view keep = {}) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                      c == '_' || c == '~';
    if (unreserved || keep.find(c) != std::string_view::npos) {
      out += c;
      continue;
    }
    out += '%';
    out += digits[u >> 4];
    out += digits[u & 0xf];
  }
  return out;
}

// A host as the authority spells it: an IPv6 address in brackets.
std::string authority_host(std::string_view host) {
  if (host.find(':') != std::string_view::npos)
    return "[" + std::string(host) + "]";
  return percent_encode(host);
}

// A "host:port" node (IPv6 already in brackets) with its host encoded.
std::string authority_node(std::string_view node) {
  auto colon = node.rfind(':');
  std::string_view host = node.substr(0, colon);
  if (!host.empty() && host.front() == '[')
    return std::string(node);
  return percent_encode(host) + std::string(node.substr(colon));
}

} // namespace

std::string endpoint_url(const Profile &p) {
  std::string url;
  if (p.transport.value == Transport::unix_socket) {
    url = "unix://" + percent_encode(p.socket.value, "/");
    if (p.db.value != 0)
      url += "?db=" + std::to_string(p.db.value);
  } else if (!p.sentinel_master.value.empty()) {
    url = "redis+sentinel://";
    for (size_t i = 0; i < p.sentinel_nodes.value.size(); ++i)
      url += (i ? "," : "") + authority_node(p.sentinel_nodes.value[i]);
    url += "/" + percent_encode(p.sentinel_master.value) + "/" +
           std::to_string(p.db.value);
  } else {
    url = std::string(p.tls.value ? "rediss://" : "redis://") +
          authority_host(p.host.value) + ":" + std::to_string(p.port.value) +
          "/" + std::to_string(p.db.value);
  }
  if (!p.username.value.empty())
    url += std::string(url.find('?') == std::string::npos ? "?" : "&") +
           "username=" + percent_encode(p.username.value);
  return url;
}

} // namespace rehost
