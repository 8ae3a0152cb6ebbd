#include "source.hpp"

#include "inputs.hpp"
#include "keys.hpp"
#include "url.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace rehost::detail {

std::string read_secret_file(const std::string &path,
                             const std::string &label) {
  note_file_read(path);
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw ConfigError(label + ": cannot read '" + path +
                      "': " + std::strerror(errno));
  std::ostringstream contents;
  contents << in.rdbuf();
  std::string text = contents.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.pop_back();
  if (text.empty())
    throw ConfigError(label + ": file '" + path + "' is empty");
  return text;
}

Layer read_source(const Lookup &lookup, std::vector<std::string> &warnings) {
  Layer from_url, pieces;
  for (std::string_view key : setting_keys()) {
    std::optional<RawValue> value = lookup(key);
    if (has_file_variant(key)) {
      std::optional<RawValue> file = lookup(std::string(key) + "_file");
      if (value && file)
        throw ConfigError(error_label(value->origin) + " and " +
                          error_label(file->origin) +
                          " are both set; set only one");
      if (file)
        value =
            RawValue{read_secret_file(file->text, error_label(file->origin)),
                     file->origin};
    }
    if (!value)
      continue;
    if (key == "url")
      parse_url(value->text, value->origin, from_url, warnings);
    else
      pieces.insert_or_assign(std::string(key), *value);
  }

  auto socket = pieces.find("socket");
  auto host = pieces.find("host");
  if (socket != pieces.end() && host != pieces.end())
    throw ConfigError(
        error_label(host->second.origin) + " and " +
        error_label(socket->second.origin) +
        " are both set; a profile is either TCP or a unix socket");
  if (socket != pieces.end())
    pieces.insert_or_assign("transport",
                            RawValue{"unix", socket->second.origin});
  else if (host != pieces.end() || pieces.count("port"))
    pieces.insert_or_assign(
        "transport",
        RawValue{"tcp", (host != pieces.end() ? host : pieces.find("port"))
                            ->second.origin});

  for (const auto &[key, value] : from_url) {
    auto piece = pieces.find(key);
    if (piece != pieces.end() && piece->second.text != value.text &&
        key != "transport")
      warnings.push_back(error_label(piece->second.origin) + " is ignored: " +
                         error_label(value.origin) + " sets " + key);
  }
  overlay(pieces, from_url);
  return pieces;
}

} // namespace rehost::detail
