#include "url.hpp"

#include "values.hpp"

#include <utility>

namespace rehost::detail {
namespace {

enum class Scheme { tcp, tls, unix_socket, sentinel };

Scheme scheme_of(const std::string &scheme, const std::string &label) {
  if (scheme == "redis" || scheme == "tcp" || scheme == "valkey")
    return Scheme::tcp;
  if (scheme == "rediss" || scheme == "redis+ssl" || scheme == "redis+tls" ||
      scheme == "valkeys")
    return Scheme::tls;
  if (scheme == "unix" || scheme == "redis-socket" ||
      scheme == "redis+socket" || scheme == "redis+unix")
    return Scheme::unix_socket;
  if (scheme == "redis+sentinel" || scheme == "redis-sentinel")
    return Scheme::sentinel;
  throw ConfigError(label + ": URL scheme '" + scheme +
                    "' is not redis, rediss or unix");
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

// `part` names the URL component in the error, as its value may be secret.
std::string percent_decode(std::string_view text, const std::string &label,
                           std::string_view part) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    int high = i + 2 < text.size() ? hex_digit(text[i + 1]) : -1;
    int low = high >= 0 ? hex_digit(text[i + 2]) : -1;
    if (low < 0)
      throw ConfigError(label + ": bad percent-encoding in the URL's " +
                        std::string(part));
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

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

void parse_query_param(std::string_view param, const Origin &origin,
                       const std::string &label, Layer &out,
                       std::vector<std::string> &warnings) {
  auto equals = param.find('=');
  std::string key =
      to_lower(percent_decode(param.substr(0, equals), label, "query key"));
  if (equals == std::string_view::npos)
    throw ConfigError(label + ": query key '" + key + "' has no '=value'");
  std::string value =
      percent_decode(param.substr(equals + 1), label, "query value");
  if (key == "timeout")
    throw ConfigError(label + ": query key 'timeout' is ambiguous; use "
                              "connect_timeout or socket_timeout");
  if (key == "protocol") {
    if (value != "2")
      throw ConfigError(label + ": protocol '" + value +
                        "' is not supported (only RESP2, protocol=2)");
    return;
  }
  if (key == "ssl_cert_reqs") {
    std::string reqs = to_lower(value);
    std::string verify = reqs == "none"       ? "none"
                         : reqs == "optional" ? "ca"
                         : reqs == "required" ? "full"
                                              : "";
    if (verify.empty())
      throw ConfigError(label + ": ssl_cert_reqs '" + value +
                        "' is not none, optional or required");
    out.insert_or_assign("tls_verify", RawValue{verify, origin});
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

// Sets user and password from "user:password", "password" or ":password".
void parse_userinfo(std::string_view userinfo, const Origin &origin,
                    const std::string &label, Layer &out,
                    std::vector<std::string> &warnings) {
  auto colon = userinfo.find(':');
  std::string user, password;
  if (colon == std::string_view::npos) {
    // redis-plus-plus and Lettuce read a lone token as the password; Redis
    // cannot log a user in without one anyway.
    password = percent_decode(userinfo, label, "password");
    warnings.push_back(label + ": URL userinfo without ':' is read as a "
                               "password (write user:password for ACL users)");
  } else {
    user = percent_decode(userinfo.substr(0, colon), label, "username");
    password = percent_decode(userinfo.substr(colon + 1), label, "password");
  }
  if (!user.empty())
    out.insert_or_assign("username", RawValue{user, origin});
  if (!password.empty())
    out.insert_or_assign("password", RawValue{password, origin});
}

// "host[:port]" or "[v6][:port]" split in two; the port is empty when not
// written.
std::pair<std::string_view, std::string_view>
split_host_port(std::string_view hostport, const std::string &label) {
  std::string_view host = hostport, port;
  if (!hostport.empty() && hostport.front() == '[') {
    auto close = hostport.find(']');
    if (close == std::string_view::npos)
      throw ConfigError(label + ": IPv6 host has no closing ']'");
    host = hostport.substr(1, close - 1);
    std::string_view rest = hostport.substr(close + 1);
    if (!rest.empty() && rest.front() != ':')
      throw ConfigError(label + ": unexpected text after the IPv6 host");
    if (!rest.empty())
      port = rest.substr(1);
  } else if (auto colon = hostport.find(':'); colon != std::string_view::npos) {
    host = hostport.substr(0, colon);
    port = hostport.substr(colon + 1);
    if (port.find(':') != std::string_view::npos)
      throw ConfigError(label + ": host has several ':' (put an IPv6 "
                                "address in brackets)");
  }
  return {host, port};
}

void parse_host_port(std::string_view hostport, const Origin &origin,
                     const std::string &label, Layer &out) {
  auto [host, port] = split_host_port(hostport, label);
  std::string decoded_host = percent_decode(host, label, "host");
  if (!decoded_host.empty())
    out.insert_or_assign("host", RawValue{decoded_host, origin});
  if (!port.empty())
    out.insert_or_assign("port", RawValue{std::string(port), origin});
  else if (!decoded_host.empty())
    out.insert_or_assign("port", RawValue{"6379", origin});
}

// The sentinels "h1[:p1],h2[:p2]" as a sentinel_nodes list ("host:port",
// Sentinel's port 26379 when none is written; parse_node_list checks each).
std::string sentinel_nodes(std::string_view authority,
                           const std::string &label) {
  std::string nodes;
  while (!authority.empty()) {
    auto comma = authority.find(',');
    if (std::string_view item = authority.substr(0, comma); !item.empty()) {
      auto [host, port] = split_host_port(item, label);
      std::string decoded = percent_decode(host, label, "host");
      if (decoded.empty())
        throw ConfigError(label + ": Sentinel URL has a sentinel without a "
                                  "host");
      if (decoded.find(':') != std::string::npos)
        decoded = "[" + decoded + "]";
      nodes += (nodes.empty() ? "" : ",") + decoded + ":" +
               (port.empty() ? "26379" : std::string(port));
    }
    if (comma == std::string_view::npos)
      break;
    authority.remove_prefix(comma + 1);
  }
  if (nodes.empty())
    throw ConfigError(label + ": Sentinel URL names no sentinel, as in "
                              "redis+sentinel://h1:26379,h2:26379/mymaster");
  return nodes;
}

// redis+sentinel://[userinfo@]SENTINELS/MASTER[/db]: the user info is the
// master's login, like a redis:// URL's (the sentinels' own is
// sentinel_username and sentinel_password).
void parse_sentinel_location(std::string_view authority, std::string_view path,
                             const Origin &origin, const std::string &label,
                             Layer &out) {
  out.insert_or_assign("sentinel_nodes",
                       RawValue{sentinel_nodes(authority, label), origin});
  std::string_view rest = path.empty() ? path : path.substr(1);
  auto slash = rest.find('/');
  std::string master =
      percent_decode(rest.substr(0, slash), label, "master name");
  if (master.empty())
    throw ConfigError(label + ": Sentinel URL names no master, as in "
                              "redis+sentinel://h1:26379,h2:26379/mymaster");
  out.insert_or_assign("sentinel_master", RawValue{master, origin});
  if (slash == std::string_view::npos)
    return;
  std::string_view db = rest.substr(slash + 1);
  if (db.find('/') != std::string_view::npos)
    throw ConfigError(label + ": Sentinel URL path is not /master or "
                              "/master/db");
  if (!db.empty())
    out.insert_or_assign("db", RawValue{std::string(db), origin});
}

} // namespace

void parse_url(std::string_view url, const Origin &origin, Layer &out,
               std::vector<std::string> &warnings) {
  std::string label = error_label(origin);
  auto separator = url.find("://");
  if (separator == std::string_view::npos)
    throw ConfigError(label + ": not a URL (expected redis://, rediss:// or "
                              "unix://)");
  Scheme scheme = scheme_of(to_lower(url.substr(0, separator)), label);
  std::string_view rest = url.substr(separator + 3);
  if (rest.find('#') != std::string_view::npos)
    throw ConfigError(label + ": URL contains '#' (percent-encode it as %23 "
                              "in a password)");

  std::string_view query;
  if (auto question = rest.find('?'); question != std::string_view::npos) {
    query = rest.substr(question + 1);
    rest = rest.substr(0, question);
  }
  // The authority ends at the first '/'; credentials end at its last '@'.
  auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path =
      slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  std::string_view hostport = authority;
  if (auto at = authority.rfind('@'); at != std::string_view::npos) {
    parse_userinfo(authority.substr(0, at), origin, label, out, warnings);
    hostport = authority.substr(at + 1);
  }

  if (scheme == Scheme::sentinel) {
    out.insert_or_assign("transport", RawValue{"tcp", origin});
    out.insert_or_assign("tls", RawValue{"false", origin});
    parse_sentinel_location(hostport, path, origin, label, out);
  } else if (scheme == Scheme::unix_socket) {
    if (!hostport.empty() || path.empty())
      throw ConfigError(label + ": unix URL needs an absolute socket path, "
                                "as in unix:///run/redis.sock");
    out.insert_or_assign("transport", RawValue{"unix", origin});
    out.insert_or_assign("socket",
                         RawValue{percent_decode(path, label, "path"), origin});
  } else {
    out.insert_or_assign("transport", RawValue{"tcp", origin});
    out.insert_or_assign(
        "tls", RawValue{scheme == Scheme::tls ? "true" : "false", origin});
    parse_host_port(hostport, origin, label, out);
    if (path.size() > 1) {
      std::string_view db = path.substr(1);
      if (db.find('/') != std::string_view::npos)
        throw ConfigError(label + ": URL path is not a database number");
      out.insert_or_assign("db", RawValue{std::string(db), origin});
    }
  }

  // Query keys come last: they win over path and userinfo, as in redis-py.
  while (!query.empty()) {
    auto amp = query.find('&');
    if (std::string_view param = query.substr(0, amp); !param.empty())
      parse_query_param(param, origin, label, out, warnings);
    if (amp == std::string_view::npos)
      break;
    query.remove_prefix(amp + 1);
  }
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
