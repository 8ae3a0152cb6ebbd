// The commands a new connection sends before the caller gets it: AUTH,
// SELECT, CLIENT SETNAME.
#ifndef REHOST_SRC_HANDSHAKE_HPP
#define REHOST_SRC_HANDSHAKE_HPP

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <rehost/rehost.hpp>

#include <optional>
#include <string>
#include <vector>

namespace rehost::detail {

// The public detail::HandshakeCommand (rehost.hpp), which the header-only
// cpp_redis adapter sends through the client's own calls.
using HandshakeStep = HandshakeCommand;

std::vector<HandshakeStep> handshake_steps(const Profile &profile);

// AUTH with this user and password (one-argument AUTH for no user or
// "default"), or nothing when both are empty: the master's login, and the
// sentinels' (sentinel_username, sentinel_password).
std::optional<HandshakeStep> login_step(const Setting<std::string> &username,
                                        const Setting<std::string> &password);

// What an AUTH command the code sent becomes: the profile's AUTH step, or,
// when it has no password and no ACL user, SELECT of its db, which answers +OK
// and changes nothing on a connection opened on that db (AUTH "" would fail
// on a server without a password).
HandshakeStep auth_command(const Profile &profile);

// Runs the steps on a blocking context; on a refusal sets c->err and an
// errstr naming the setting at fault, and returns false.
bool run_handshake(redisContext *c, const std::vector<HandshakeStep> &steps);

} // namespace rehost::detail

#endif
