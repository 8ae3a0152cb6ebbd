// What the environment and a rehost.toml table have in common: a lookup by
// key name, X/X_FILE exclusivity, secret files, and a URL whose parts win
// over the separate keys.
#ifndef REHOST_SRC_SOURCE_HPP
#define REHOST_SRC_SOURCE_HPP

#include "layer.hpp"

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace rehost::detail {

// Returns what the source spells for `name` (a setting key such as "host",
// or a file variant such as "password_file"), or nothing.
using Lookup = std::function<std::optional<RawValue>(std::string_view name)>;

Layer read_source(const Lookup &lookup, std::vector<std::string> &warnings);

// The contents of a secret file, trailing CR/LF removed. A cached
// resolution is redone when the file changes (inputs.hpp), so a rotated
// secret takes effect on the next connection.
std::string read_secret_file(const std::string &path, const std::string &label);

} // namespace rehost::detail

#endif
