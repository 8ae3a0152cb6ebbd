// Parses redis://, rediss://, unix:// (and alias) URLs into raw settings.
#ifndef REHOST_SRC_URL_HPP
#define REHOST_SRC_URL_HPP

#include "layer.hpp"

#include <string_view>
#include <vector>

namespace rehost::detail {

// Adds what `url` spells to `out`, each value with `origin`. Throws
// ConfigError naming the origin; never echoes the URL or its credentials.
// Unknown query keys add a warning instead of failing, so one URL can be
// shared with other clients.
void parse_url(std::string_view url, const Origin &origin, Layer &out,
               std::vector<std::string> &warnings);

} // namespace rehost::detail

#endif
