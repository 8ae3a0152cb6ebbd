// Settings from environment variables: REDIS_<KEY> for profile "default",
// REDIS_<PROFILE>_<KEY> for the others.
#ifndef REHOST_SRC_ENV_SOURCE_HPP
#define REHOST_SRC_ENV_SOURCE_HPP

#include "layer.hpp"

#include <string_view>
#include <vector>

namespace rehost::detail {

// "REDIS_" or "REDIS_QUEUE_" ('-' becomes '_', letters upper-cased).
std::string env_prefix(std::string_view profile);

Layer read_environment(std::string_view profile,
                       std::vector<std::string> &warnings);

} // namespace rehost::detail

#endif
