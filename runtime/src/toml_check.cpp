#include "toml_check.hpp"

#include "layer.hpp"

#include <fstream>
#include <sstream>

namespace rehost::detail {

void check_toml_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return;
  std::ostringstream contents;
  contents << in.rdbuf();
  TomlProblem problem = find_toml_problem(contents.str());
  if (problem.line != 0)
    throw ConfigError(path + ":" + std::to_string(problem.line) + ":" +
                      std::to_string(problem.column) + ": " + problem.what);
}

} // namespace rehost::detail
