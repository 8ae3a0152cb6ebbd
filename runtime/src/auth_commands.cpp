// rehost_redisAuth, rehost_redisAppendAuth, rehost_redisAsyncAuth: what a
// hiredis AUTH command the code sent (redisCommand(c, "AUTH %s", "pw"))
// becomes, sent on the caller's own connection with the profile's
// credentials. Bad configuration is reported in the context, as the drop-in
// connectors report theirs.
#include "handshake.hpp"
#include "hiredis_seam.hpp"
#include "resolver.hpp"

#include <optional>

namespace rehost::detail {
namespace {

// The command to send for `profile`, or nothing after reporting why in `c`
// (err REDIS_ERR_OTHER, errstr naming the variable or key).
std::optional<std::vector<std::string>>
auth_argv(redisContext *c, const char *profile) noexcept {
  std::string error;
  try {
    if (!profile)
      throw ConfigError("profile name is NULL");
    return auth_command(*resolve_for_client(profile, {})).argv;
  } catch (const std::exception &e) {
    error = e.what();
  } catch (...) {
    error = "rehost: unknown error";
  }
  hiredis::set_error(c, REDIS_ERR_OTHER, error);
  return std::nullopt;
}

} // namespace
} // namespace rehost::detail

using namespace rehost::detail;

extern "C" {

void *rehost_redisAuth(redisContext *c, const char *profile) {
  if (!c)
    return nullptr;
  std::optional<std::vector<std::string>> argv = auth_argv(c, profile);
  return argv ? hiredis::command_reply(c, *argv) : nullptr;
}

int rehost_redisAppendAuth(redisContext *c, const char *profile) {
  if (!c)
    return REDIS_ERR;
  std::optional<std::vector<std::string>> argv = auth_argv(c, profile);
  return argv ? hiredis::append_command(c, *argv) : REDIS_ERR;
}

int rehost_redisAsyncAuth(redisAsyncContext *ac, redisCallbackFn *fn,
                          void *privdata, const char *profile) {
  if (!ac)
    return REDIS_ERR;
  std::optional<std::vector<std::string>> argv = auth_argv(&ac->c, profile);
  if (!argv) {
    // Mirror the error into the async fields, as set_async_error does.
    ac->err = ac->c.err;
    ac->errstr = ac->c.errstr;
    return REDIS_ERR;
  }
  return hiredis::async_command(ac, fn, privdata, *argv);
}

} // extern "C"
