//===- config_resolve.cpp - Fuzz rehost.toml resolution -------------------===//
//
// The input is a rehost.toml (REHOST_CONFIG names the scratch file it is
// written to): rehost::resolve reads the profiles "default" and "queue" from
// it, under the overlay environment "local", and rehost::check_config_file
// (what `rehost env` runs) checks every profile and overlay of it.
// Properties: only ConfigError escapes either; and a file the check accepts
// resolves, except where resolution reads what the check may not
// (password_file, url_file: secrets that exist where the service runs).
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include <rehost/rehost.hpp>

#include <cstdlib>
#include <string>

namespace {

using rehost::fuzz::require;

rehost::fuzz::ScratchFile &configFile() {
  static rehost::fuzz::ScratchFile File("rehost-toml");
  return File;
}

/// Resolves \p Profile; its error message, or "" when it resolves.
std::string resolveError(const char *Profile) {
  try {
    rehost::resolve(Profile);
    return "";
  } catch (const rehost::ConfigError &Error) {
    return Error.what();
  }
}

bool readsSecretFile(const std::string &Message) {
  return Message.find("password_file") != std::string::npos ||
         Message.find("url_file") != std::string::npos;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  rehost::fuzz::clearRehostEnvironment();
  setenv("REHOST_CONFIG", configFile().path().c_str(), 1);
  setenv("REHOST_ENV", "local", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  rehost::fuzz::writeFile(configFile().path(),
                          rehost::fuzz::asText(Data, Size));
  bool Checked = true;
  try {
    rehost::check_config_file(configFile().path());
  } catch (const rehost::ConfigError &) {
    Checked = false;
  }
  for (const char *Profile : {"default", "queue"}) {
    std::string Error = resolveError(Profile);
    require(!Checked || Error.empty() || readsSecretFile(Error),
            "a rehost.toml that check_config_file accepts resolves");
  }
  return 0;
}
