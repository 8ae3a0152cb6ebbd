// rehost_redisAuth, rehost_redisAppendAuth, rehost_redisAsyncAuth: what a
// hiredis AUTH command the code sent (redisCommand(c, "AUTH %s", "pw"))
// becomes, sent on the caller's own connection with the profile's
// credentials. Bad configuration is reported in the context, as the drop-in
// connectors report theirs; a TLS profile's credentials go only on a TLS
// connection.
#include "handshake.hpp"
#include "hiredis_seam.hpp"
#include "last_error.hpp"
#include "layer.hpp"
#include "resolver.hpp"

#include <optional>

namespace rehost::detail {
namespace {

// The command to send for `profile`, or nothing after reporting why in `c`
// (err REDIS_ERR_OTHER, errstr naming the variable or key).
std::optional<std::vector<std::string>>
auth_argv(redisContext *c, const char *profile) noexcept {
  using Argv = std::optional<std::vector<std::string>>;
  return catch_at_boundary(
      [&]() -> Argv {
        if (!profile)
          throw ConfigError("profile name is NULL");
        std::shared_ptr<const Profile> p = resolve_for_connection(profile, {});
        if (p->tls.value && !hiredis::uses_tls(c))
          throw ConfigError(
              error_label(p->tls.origin) + ": TLS is on for profile '" +
              p->name +
              "', and this connection is not TLS, so its credentials are "
              "not sent on it");
        return auth_command(*p).argv;
      },
      [&](const char *message) -> Argv {
        hiredis::set_error(c, REDIS_ERR_OTHER, message);
        return std::nullopt;
      });
}

} // namespace
} // namespace rehost::detail

using namespace rehost::detail;

extern "C" {

void *rehost_redisAuth(redisContext *c, const char *profile) {
  if (!c)
    return nullptr;
  std::optional<std::vector<std::string>> argv = auth_argv(c, profile);
  void *reply = argv ? hiredis::command_reply(c, *argv) : nullptr;
  noting_error_of(c);
  return reply;
}

int rehost_redisAppendAuth(redisContext *c, const char *profile) {
  if (!c)
    return REDIS_ERR;
  std::optional<std::vector<std::string>> argv = auth_argv(c, profile);
  int status = argv ? hiredis::append_command(c, *argv) : REDIS_ERR;
  noting_error_of(c);
  return status;
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
    noting_error_of(ac);
    return REDIS_ERR;
  }
  int status = hiredis::async_command(ac, fn, privdata, *argv);
  noting_error_of(ac);
  return status;
}

} // extern "C"
