// The one reader of Redis URLs' grammar: scheme://[[user:]password@]address
// [/db][?query], unix:// socket paths and redis+sentinel:// node lists.
// The runtime (runtime/src/url.cpp, which turns the pieces into settings) and
// the tool (lib/analysis/Uri.cpp, which finds, masks and normalises the
// endpoints a program writes) both read URLs through it, so they cannot
// disagree on what a URL means or on which URL is refused; the table
// runtime/test/uri_cases.inc tests both.
#ifndef REHOST_SHARED_URL_SPLIT_HPP
#define REHOST_SHARED_URL_SPLIT_HPP

#include <string>
#include <string_view>
#include <vector>

namespace rehost::detail {

enum class UrlKind { tcp, tls, unix_socket, sentinel, unknown };

// One host[:port] of the address or of a Sentinel list, as written (still
// percent-encoded), the host without IPv6 brackets; the port is empty when
// not written.
struct UrlNode {
  std::string_view host;
  std::string_view port;
};

// One query parameter as written; `has_value` is false when it has no '='.
struct UrlParam {
  std::string_view key;
  std::string_view value;
  bool has_value = true;
};

// The pieces of a URL, each a view into the text that was split and still
// percent-encoded. `error` is the first reason the URL is refused, in the
// words both readers print after the variable's name; it never quotes a user
// name, a password or a socket path. The pieces before and after the error
// are filled all the same, so a refused URL's password can still be masked.
struct UrlParts {
  std::string_view scheme; // as written, without "://"; empty when none
  UrlKind kind = UrlKind::unknown;
  bool has_userinfo = false;  // a '@' before the path
  bool lone_password = false; // user info without ':' (a password alone)
  std::string_view user;
  std::string_view password;
  UrlNode address;                // tcp and tls
  std::string_view socket;        // unix: the absolute socket path
  std::vector<UrlNode> sentinels; // sentinel: the sentinels, in order
  std::string_view master;        // sentinel: the master's name
  std::string_view db;            // the path's database ("/N", "/master/N")
  std::vector<UrlParam> query;    // in order; the later the stronger
  std::string error;
};

// Splits `url`. Never throws; a refused URL has a non-empty `error`.
UrlParts split_url(std::string_view url);

// `text` with %XX sequences decoded; a malformed sequence is kept as written
// (split_url refuses a URL that holds one).
std::string percent_decode(std::string_view text);

// The query keys with a fixed value set, lower-cased after decoding.
std::string url_query_key(std::string_view raw_key);

} // namespace rehost::detail

#endif
