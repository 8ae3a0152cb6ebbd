#include "handshake.hpp"

#include "hiredis_seam.hpp"
#include "layer.hpp"

#include <optional>

namespace rehost::detail {

namespace {

HandshakeStep select_step(const Profile &profile) {
  std::string db = std::to_string(profile.db.value);
  return {HandshakeKind::select_db,
          {"SELECT", db},
          error_label(profile.db.origin) + ": SELECT " + db};
}

// Errors a server answers to whatever a new connection sends first: they
// refuse the connection, not the setting the step names, so naming that
// setting would send the reader to rotate a password that is right.
bool refuses_any_connection(const std::string &error) {
  return error.rfind("ERR max number of clients reached", 0) == 0 ||
         error.rfind("LOADING ", 0) == 0;
}

} // namespace

std::optional<HandshakeStep> login_step(const Setting<std::string> &username,
                                        const Setting<std::string> &password) {
  const std::string &user = username.value;
  if (!user.empty() && user != "default")
    // A nopass ACL user accepts any password, so an empty one is fine.
    return HandshakeStep{HandshakeKind::login,
                         {"AUTH", user, password.value},
                         error_label(username.origin) + ": AUTH as '" + user +
                             "'"};
  if (!password.value.empty())
    // One-argument AUTH works on every Redis version and means user default.
    return HandshakeStep{HandshakeKind::login,
                         {"AUTH", password.value},
                         error_label(password.origin) + ": AUTH"};
  return std::nullopt;
}

std::vector<HandshakeStep> handshake_steps(const Profile &profile) {
  std::vector<HandshakeStep> steps;
  if (std::optional<HandshakeStep> login =
          login_step(profile.username, profile.password))
    steps.push_back(*login);
  if (profile.db.value != 0)
    steps.push_back(select_step(profile));
  if (!profile.client_name.value.empty())
    steps.push_back(
        {HandshakeKind::client_name,
         {"CLIENT", "SETNAME", profile.client_name.value},
         error_label(profile.client_name.origin) + ": CLIENT SETNAME"});
  return steps;
}

HandshakeStep auth_command(const Profile &profile) {
  std::optional<HandshakeStep> login =
      login_step(profile.username, profile.password);
  return login ? *login : select_step(profile);
}

bool run_handshake(redisContext *c, const std::vector<HandshakeStep> &steps) {
  for (const HandshakeStep &step : steps) {
    hiredis::Reply reply = hiredis::command(c, step.argv);
    if (!reply.ok) {
      hiredis::set_error(c, reply.io_error ? c->err : REDIS_ERR_OTHER,
                         !reply.io_error && refuses_any_connection(reply.text)
                             ? "the server refused the connection: " +
                                   reply.text
                             : step.what + " failed: " + reply.text);
      return false;
    }
  }
  return true;
}

} // namespace rehost::detail
