#include "handshake.hpp"

#include "hiredis_seam.hpp"
#include "layer.hpp"

namespace rehost::detail {

std::vector<HandshakeStep> handshake_steps(const Profile &profile) {
  std::vector<HandshakeStep> steps;
  const std::string &user = profile.username.value;
  const bool acl_user = !user.empty() && user != "default";
  if (acl_user) {
    // A nopass ACL user accepts any password, so an empty one is fine.
    steps.push_back(
        {{"AUTH", user, profile.password.value},
         error_label(profile.username.origin) + ": AUTH as '" + user + "'"});
  } else if (!profile.password.value.empty()) {
    // One-argument AUTH works on every Redis version and means user default.
    steps.push_back({{"AUTH", profile.password.value},
                     error_label(profile.password.origin) + ": AUTH"});
  }
  if (profile.db.value != 0) {
    std::string db = std::to_string(profile.db.value);
    steps.push_back(
        {{"SELECT", db}, error_label(profile.db.origin) + ": SELECT " + db});
  }
  if (!profile.client_name.value.empty())
    steps.push_back(
        {{"CLIENT", "SETNAME", profile.client_name.value},
         error_label(profile.client_name.origin) + ": CLIENT SETNAME"});
  return steps;
}

bool run_handshake(redisContext *c, const std::vector<HandshakeStep> &steps) {
  for (const HandshakeStep &step : steps) {
    hiredis::Reply reply = hiredis::command(c, step.argv);
    if (!reply.ok) {
      hiredis::set_error(c, reply.io_error ? c->err : REDIS_ERR_OTHER,
                         step.what + " failed: " + reply.text);
      return false;
    }
  }
  return true;
}

} // namespace rehost::detail
