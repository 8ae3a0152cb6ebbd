// The settings a profile has: their canonical names (the rehost.toml keys,
// and the environment names once upper-cased) and how each is typed.
#ifndef REHOST_SRC_KEYS_HPP
#define REHOST_SRC_KEYS_HPP

#include "layer.hpp"

#include <string_view>
#include <vector>

namespace rehost::detail {

// Every key a source may set directly, "url" included. "transport" is not
// one: sources derive it.
const std::vector<std::string_view> &setting_keys();

// Keys that may instead be read from a file named by KEY_FILE / key_file.
bool has_file_variant(std::string_view key);

// Types `raw` and stores it into the matching field of `profile`.
void apply_setting(Profile &profile, const std::string &key,
                   const RawValue &raw);

// The settings whose values differ between `a` and `b` (origins aside), in
// table order ("transport" included); empty when they connect alike.
std::vector<std::string_view> differing_settings(const Profile &a,
                                                 const Profile &b);

} // namespace rehost::detail

#endif
