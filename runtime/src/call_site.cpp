#include "call_site.hpp"

#include "url.hpp"

#include <sys/time.h>

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

} // namespace rehost::detail
