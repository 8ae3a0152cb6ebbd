// The runtime's use of the TOML guard (runtime/shared/toml_guard.hpp): a
// config file it refuses is a ConfigError naming the file, line and column.
#ifndef REHOST_SRC_TOML_CHECK_HPP
#define REHOST_SRC_TOML_CHECK_HPP

#include "toml_guard.hpp"

#include <string>

namespace rehost::detail {

// Reads `path` and throws ConfigError "PATH:LINE:COLUMN: WHAT" when
// find_toml_problem finds one. A file that cannot be read is left to the
// parser, which reports it.
void check_toml_file(const std::string &path);

} // namespace rehost::detail

#endif
