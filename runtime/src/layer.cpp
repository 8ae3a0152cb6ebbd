#include "layer.hpp"

namespace rehost {

ConfigError::~ConfigError() = default;

std::string Origin::to_string() const {
  switch (source) {
  case Source::environment:
    return "env:" + name;
  case Source::config_file:
    return "file:" + name;
  case Source::call_site:
    return name.empty() ? "call-site"
                        : "call-site (recorded by rehost fix in " + name + ")";
  case Source::built_in:
    break;
  }
  return "default";
}

namespace detail {

std::string error_label(const Origin &origin) {
  switch (origin.source) {
  case Source::environment:
  case Source::config_file:
    return origin.name;
  case Source::call_site:
    return origin.name.empty() ? "call site"
                               : "call site recorded in " + origin.name;
  case Source::built_in:
    break;
  }
  return "default";
}

void overlay(Layer &into, const Layer &from) {
  for (const auto &[key, value] : from)
    into.insert_or_assign(key, value);
}

} // namespace detail
} // namespace rehost
