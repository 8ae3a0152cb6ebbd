// A guard in front of toml++: refuses the few malformed inputs that Debian's
// toml++ 3.3.0 mishandles (undefined behaviour or an assertion instead of a
// parse error; upstream tomlplusplus #190, #295, PR #301 and PR #305).
// The tool has the same check (lib/config/TomlCheck.cpp); both run the table
// runtime/test/toml_bad_inputs.inc.
#ifndef REHOST_SRC_TOML_CHECK_HPP
#define REHOST_SRC_TOML_CHECK_HPP

#include <string>
#include <string_view>

namespace rehost::detail {

struct TomlProblem {
  unsigned line = 0;   // 1-based; 0 when the text is fine
  unsigned column = 0; // 1-based, in characters
  std::string what;    // never quotes the text: it may hold a password
};

// The first problem in `text`: invalid UTF-8 anywhere, a non-ASCII character
// outside strings and comments, a non-ASCII character right after a
// multi-line string's line-ending backslash, or a table header that does not
// start with a key ("[?", "[[[1]]]").
TomlProblem find_toml_problem(std::string_view text);

// Reads `path` and throws ConfigError "PATH:LINE:COLUMN: WHAT" when
// find_toml_problem finds one. A file that cannot be read is left to the
// parser, which reports it.
void check_toml_file(const std::string &path);

} // namespace rehost::detail

#endif
