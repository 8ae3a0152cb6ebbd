#include "url_split.hpp"

#include <algorithm>
#include <cctype>

namespace rehost::detail {
namespace {

struct SchemeName {
  std::string_view name;
  UrlKind kind;
};

// The schemes both readers accept, lower-case (a scheme is compared after
// lower-casing): redis-py's, redis-plus-plus's, Lettuce's and Valkey's names.
constexpr SchemeName schemes[] = {
    {"redis", UrlKind::tcp},
    {"tcp", UrlKind::tcp},
    {"valkey", UrlKind::tcp},
    {"rediss", UrlKind::tls},
    {"redis+ssl", UrlKind::tls},
    {"redis+tls", UrlKind::tls},
    {"valkeys", UrlKind::tls},
    {"unix", UrlKind::unix_socket},
    {"redis-socket", UrlKind::unix_socket},
    {"redis+socket", UrlKind::unix_socket},
    {"redis+unix", UrlKind::unix_socket},
    {"redis+sentinel", UrlKind::sentinel},
    {"redis-sentinel", UrlKind::sentinel},
};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char &c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
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

bool well_encoded(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '%' && (i + 2 >= text.size() || hex_digit(text[i + 1]) < 0 ||
                           hex_digit(text[i + 2]) < 0))
      return false;
  return true;
}

// Collects the pieces and keeps the first error: the one a reader stops at.
class Splitter {
public:
  explicit Splitter(UrlParts &out) : out_(out) {}

  void fail(std::string message) {
    if (out_.error.empty())
      out_.error = std::move(message);
  }

  // `part` names the component in the error, as its value may be secret.
  void check_encoding(std::string_view text, std::string_view part) {
    if (!well_encoded(text))
      fail("bad percent-encoding in the URL's " + std::string(part));
  }

  void scheme(std::string_view url, std::string_view &rest) {
    auto separator = url.find("://");
    if (separator == std::string_view::npos) {
      fail("not a URL (expected redis://, rediss:// or unix://)");
      rest = url;
      return;
    }
    out_.scheme = url.substr(0, separator);
    rest = url.substr(separator + 3);
    std::string name = lower(out_.scheme);
    auto known =
        std::find_if(std::begin(schemes), std::end(schemes),
                     [&](const SchemeName &s) { return s.name == name; });
    if (known == std::end(schemes))
      fail("URL scheme '" + name + "' is not redis, rediss or unix");
    else
      out_.kind = known->kind;
  }

  // "user:password", "password" or ":password".
  void userinfo(std::string_view info) {
    out_.has_userinfo = true;
    auto colon = info.find(':');
    out_.lone_password = colon == std::string_view::npos;
    if (out_.lone_password) {
      out_.password = info;
      check_encoding(info, "password");
      return;
    }
    out_.user = info.substr(0, colon);
    out_.password = info.substr(colon + 1);
    check_encoding(out_.user, "username");
    check_encoding(out_.password, "password");
  }

  // "host[:port]" or "[v6][:port]".
  UrlNode node(std::string_view hostport) {
    UrlNode n{hostport, {}};
    if (!hostport.empty() && hostport.front() == '[') {
      auto close = hostport.find(']');
      if (close == std::string_view::npos) {
        fail("IPv6 host has no closing ']'");
        n.host = hostport.substr(1);
      } else {
        n.host = hostport.substr(1, close - 1);
        std::string_view after = hostport.substr(close + 1);
        if (!after.empty() && after.front() != ':')
          fail("unexpected text after the IPv6 host");
        else if (!after.empty())
          n.port = after.substr(1);
      }
    } else if (auto colon = hostport.find(':');
               colon != std::string_view::npos) {
      n.host = hostport.substr(0, colon);
      n.port = hostport.substr(colon + 1);
      if (n.port.find(':') != std::string_view::npos)
        fail("host has several ':' (put an IPv6 address in brackets)");
    }
    check_encoding(n.host, "host");
    return n;
  }

  // redis+sentinel://[userinfo@]SENTINELS/MASTER[/db], after the user info.
  void sentinel(std::string_view authority, std::string_view path) {
    while (!authority.empty()) {
      auto comma = authority.find(',');
      if (std::string_view item = authority.substr(0, comma); !item.empty()) {
        UrlNode n = node(item);
        if (n.host.empty())
          fail("Sentinel URL has a sentinel without a host");
        out_.sentinels.push_back(n);
      }
      if (comma == std::string_view::npos)
        break;
      authority.remove_prefix(comma + 1);
    }
    if (out_.sentinels.empty())
      fail("Sentinel URL names no sentinel, as in "
           "redis+sentinel://h1:26379,h2:26379/mymaster");
    std::string_view rest = path.empty() ? path : path.substr(1);
    auto slash = rest.find('/');
    out_.master = rest.substr(0, slash);
    check_encoding(out_.master, "master name");
    if (out_.master.empty())
      fail("Sentinel URL names no master, as in "
           "redis+sentinel://h1:26379,h2:26379/mymaster");
    if (slash == std::string_view::npos)
      return;
    out_.db = rest.substr(slash + 1);
    if (out_.db.find('/') != std::string_view::npos)
      fail("Sentinel URL path is not /master or /master/db");
  }

  void unix_socket(std::string_view hostport, std::string_view path) {
    // The whole location, so a relative path ("unix://run/r.sock") is
    // reported as written.
    out_.socket = {hostport.data(), hostport.size() + path.size()};
    if (!hostport.empty() || path.empty())
      fail("unix URL needs an absolute socket path, as in "
           "unix:///run/redis.sock");
    check_encoding(path, "path");
  }

  void tcp(std::string_view hostport, std::string_view path) {
    out_.address = node(hostport);
    if (path.size() > 1) {
      out_.db = path.substr(1);
      if (out_.db.find('/') != std::string_view::npos)
        fail("URL path is not a database number");
    }
  }

  void param(std::string_view text) {
    auto equals = text.find('=');
    UrlParam p{text.substr(0, equals), {}, equals != std::string_view::npos};
    check_encoding(p.key, "query key");
    std::string key = url_query_key(p.key);
    if (!p.has_value) {
      fail("query key '" + key + "' has no '=value'");
      out_.query.push_back(p);
      return;
    }
    p.value = text.substr(equals + 1);
    out_.query.push_back(p);
    check_encoding(p.value, "query value");
    std::string value = percent_decode(p.value);
    if (key == "timeout")
      fail("query key 'timeout' is ambiguous; use connect_timeout or "
           "socket_timeout");
    else if (key == "protocol" && value != "2")
      fail("protocol '" + value +
           "' is not supported (only RESP2, protocol=2)");
    else if (key == "ssl_cert_reqs" && !ssl_cert_reqs_known(value))
      fail("ssl_cert_reqs '" + value + "' is not none, optional or required");
  }

  static bool ssl_cert_reqs_known(std::string_view value) {
    std::string v = lower(value);
    return v == "none" || v == "optional" || v == "required";
  }

private:
  UrlParts &out_;
};

} // namespace

std::string percent_decode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    int high =
        text[i] == '%' && i + 2 < text.size() ? hex_digit(text[i + 1]) : -1;
    int low = high >= 0 ? hex_digit(text[i + 2]) : -1;
    if (low < 0) {
      out += text[i];
      continue;
    }
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

std::string url_query_key(std::string_view raw_key) {
  return lower(percent_decode(raw_key));
}

UrlParts split_url(std::string_view url) {
  UrlParts out;
  Splitter split(out);
  std::string_view rest;
  split.scheme(url, rest);
  if (rest.find('#') != std::string_view::npos)
    split.fail("URL contains '#' (percent-encode it as %23 in a password)");

  std::string_view query;
  if (auto question = rest.find('?'); question != std::string_view::npos) {
    query = rest.substr(question + 1);
    rest = rest.substr(0, question);
  }
  // The authority ends at the first '/'; the user info at its last '@' (a
  // password may hold '@').
  auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path =
      slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  if (auto at = authority.rfind('@'); at != std::string_view::npos) {
    split.userinfo(authority.substr(0, at));
    authority = authority.substr(at + 1);
  }

  if (out.kind == UrlKind::sentinel)
    split.sentinel(authority, path);
  else if (out.kind == UrlKind::unix_socket)
    split.unix_socket(authority, path);
  else
    split.tcp(authority, path);

  while (!query.empty()) {
    auto amp = query.find('&');
    if (std::string_view param = query.substr(0, amp); !param.empty())
      split.param(param);
    if (amp == std::string_view::npos)
      break;
    query.remove_prefix(amp + 1);
  }
  return out;
}

} // namespace rehost::detail
