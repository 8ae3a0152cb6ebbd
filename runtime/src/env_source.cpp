#include "env_source.hpp"

#include "source.hpp"

#include <cctype>
#include <cstdlib>

namespace rehost::detail {
namespace {

std::optional<RawValue> get_env(const std::string &name) {
  const char *value = std::getenv(name.c_str());
  if (!value || !*value)
    return std::nullopt;
  return RawValue{value, Origin{Source::environment, name}};
}

std::string upper(std::string_view key) {
  std::string out(key);
  for (char &c : out)
    c = c == '-'
            ? '_'
            : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

} // namespace

std::string env_prefix(std::string_view profile) {
  return profile == "default" ? "REDIS_" : "REDIS_" + upper(profile) + "_";
}

Layer read_environment(std::string_view profile,
                       std::vector<std::string> &warnings) {
  const std::string prefix = env_prefix(profile);
  return read_source(
      [&](std::string_view key) -> std::optional<RawValue> {
        std::optional<RawValue> value = get_env(prefix + upper(key));
        if (key != "connect_timeout")
          return value;
        // REDIS_TIMEOUT_MS: the connect timeout in whole milliseconds.
        std::optional<RawValue> ms = get_env(prefix + "TIMEOUT_MS");
        if (!ms)
          return value;
        if (value)
          throw ConfigError(value->origin.name + " and " + ms->origin.name +
                            " are both set; set only one");
        for (char c : ms->text)
          if (!std::isdigit(static_cast<unsigned char>(c)))
            throw ConfigError(ms->origin.name + ": '" + ms->text +
                              "' is not a whole number of milliseconds");
        ms->text += "ms";
        return ms;
      },
      warnings);
}

} // namespace rehost::detail
