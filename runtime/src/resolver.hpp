// Resolves a profile: environment, then rehost.toml, then the call site's
// fallback, then built-in defaults; first hit wins for each setting.
#ifndef REHOST_SRC_RESOLVER_HPP
#define REHOST_SRC_RESOLVER_HPP

#include "layer.hpp"

#include <string_view>

namespace rehost::detail {

// Throws ConfigError for a bad name or bad value.
Profile resolve_profile(std::string_view name, const Layer &call_site);

} // namespace rehost::detail

#endif
