// A guard in front of toml++: refuses the few malformed inputs that Debian's
// toml++ 3.3.0 mishandles (undefined behaviour or an assertion instead of a
// parse error; upstream tomlplusplus #190, #295, PR #301 and PR #305, and
// inputs a fuzzer found: a quote glued to or inside a bare value, mismatched
// brackets, a non-ASCII character after a backslash, a date and a lone digit;
// fuzz/toml_guard.cpp keeps looking).
// One guard for both readers of TOML: the runtime (rehost.toml) and the tool
// (.rehost.toml, and rehost.toml when fix merges it) link this library; the
// table runtime/test/toml_bad_inputs.inc tests both through it.
#ifndef REHOST_SHARED_TOML_GUARD_HPP
#define REHOST_SHARED_TOML_GUARD_HPP

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
// multi-line string's backslash (line-ending or not), a table header that
// does not start with a key ("[?", "[[[1]]]"), a quote right after or inside
// a bare value (`+"x"`, `-m={="x"`), a date, a space and a lone digit
// (`1979-05-27 0`), or a closing bracket that does not match the open one
// (`[}`).
TomlProblem find_toml_problem(std::string_view text);

} // namespace rehost::detail

#endif
