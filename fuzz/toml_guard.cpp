//===- toml_guard.cpp - Fuzz the TOML guard and toml++ behind it ----------===//
//
// find_toml_problem (runtime/shared/toml_guard.cpp) on any text, then toml++
// on every text it lets through, as both readers do. Built with toml++
// header-only and its assertions on, under UBSan (fuzz/CMakeLists.txt), so
// an input the guard accepts and toml++ mishandles (undefined behaviour, an
// assertion: tomlplusplus #190, #295) stops the fuzzer. Such an input
// belongs in the guard and in runtime/test/toml_bad_inputs.inc.
// Property: a problem's place is inside the text.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "toml_guard.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <string_view>

using rehost::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Text = rehost::fuzz::asText(Data, Size);
  rehost::detail::TomlProblem Problem = rehost::detail::find_toml_problem(Text);
  if (Problem.line != 0) {
    size_t Lines = 1 + std::count(Text.begin(), Text.end(), '\n');
    require(Problem.line <= Lines && Problem.column >= 1,
            "a problem's line and column are in the text");
    require(!Problem.what.empty(), "a problem says what is wrong");
    return 0;
  }
  try {
    toml::table Root = toml::parse(Text);
    (void)Root;
  } catch (const toml::parse_error &) {
  }
  return 0;
}
