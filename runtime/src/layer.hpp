// Raw settings as one source spells them, before typing and validation.
#ifndef REHOST_SRC_LAYER_HPP
#define REHOST_SRC_LAYER_HPP

#include <rehost/rehost.hpp>

#include <map>
#include <string>
#include <vector>

namespace rehost::detail {

struct RawValue {
  std::string text;
  Origin origin;
};

// Canonical key ("host", "connect_timeout", ...) to its raw value. The
// pseudo-key "transport" ("tcp" or "unix") records which endpoint form the
// source chose, so a lower source's socket cannot override a higher host.
using Layer = std::map<std::string, RawValue>;

// The prefix of an error message about a value from `origin`: the variable
// name, the file and key, "call site" or "default".
std::string error_label(const Origin &origin);

// Copies every entry of `from` into `into`, replacing existing ones.
void overlay(Layer &into, const Layer &from);

} // namespace rehost::detail

#endif
