#include "call_site.hpp"

#include "url.hpp"

#include <sys/time.h>

#include <algorithm>
#include <string>
#include <vector>

namespace rehost::detail {
namespace {

const Origin call_site_origin{Source::call_site, ""};

} // namespace

Layer call_site(
    std::initializer_list<std::pair<std::string_view, const char *>> entries) {
  Layer layer;
  for (const auto &[key, text] : entries)
    if (text && *text)
      layer.emplace(std::string(key), RawValue{text, call_site_origin});
  return layer;
}

Layer call_site_tcp(const char *host, int port) {
  std::string port_text = port > 0 ? std::to_string(port) : "";
  Layer layer = call_site({{"host", host}, {"port", port_text.c_str()}});
  if (!layer.empty())
    layer.emplace("transport", RawValue{"tcp", call_site_origin});
  return layer;
}

Layer call_site_unix(const char *path) {
  Layer layer = call_site({{"socket", path}});
  if (!layer.empty())
    layer.emplace("transport", RawValue{"unix", call_site_origin});
  return layer;
}

void add_connect_timeout(Layer &layer, const timeval &tv) {
  long long ms = static_cast<long long>(tv.tv_sec) * 1000 +
                 (static_cast<long long>(tv.tv_usec) + 999) / 1000;
  if (ms > 0)
    layer.insert_or_assign(
        "connect_timeout",
        RawValue{std::to_string(ms) + "ms", call_site_origin});
}

Layer call_site_uri(const char *uri) {
  Layer layer;
  if (uri && *uri) {
    std::vector<std::string> ignored_warnings;
    parse_url(uri, call_site_origin, layer, ignored_warnings);
  }
  return layer;
}

Layer call_site_of(const CallSite &site) {
  // A port beyond int stays out of range, for parse_port to report.
  Layer layer =
      site.socket.empty()
          ? call_site_tcp(site.host.c_str(),
                          static_cast<int>(std::min(site.port, 65536LL)))
          : call_site_unix(site.socket.c_str());
  std::string db = site.db >= 0 ? std::to_string(site.db) : "";
  std::string connect_timeout =
      site.connect_timeout.count() > 0
          ? std::to_string(site.connect_timeout.count()) + "ms"
          : "";
  std::string command_timeout =
      site.command_timeout.count() > 0
          ? std::to_string(site.command_timeout.count()) + "ms"
          : "";
  const char *keepalive = site.keepalive < 0 ? nullptr
                          : site.keepalive   ? "true"
                                             : "false";
  overlay(layer, call_site({{"username", site.username.c_str()},
                            {"password", site.password.c_str()},
                            {"db", db.c_str()},
                            {"connect_timeout", connect_timeout.c_str()},
                            {"command_timeout", command_timeout.c_str()},
                            {"keepalive", keepalive}}));
  return layer;
}

} // namespace rehost::detail
