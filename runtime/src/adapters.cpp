// The resolution behind the header-only client adapters (rehost::configure,
// rehost::connect, rehost::auth): what each client library can be handed.
#include "call_site.hpp"
#include "handshake.hpp"
#include "layer.hpp"
#include "resolver.hpp"

namespace rehost {

// The key function: one vtable and type_info for the class, in the library.
HandshakeError::~HandshakeError() = default;

namespace detail {

std::vector<HandshakeCommand> handshake_commands(const Profile &profile) {
  return handshake_steps(profile);
}

Profile resolve_with_call_site(StringArg profile, const CallSite &call_site) {
  return *resolve_for_client({profile.data(), profile.size()},
                             call_site_of(call_site));
}

Profile resolve_for_cpp_redis(StringArg profile, const CallSite &call_site) {
  Profile p = resolve_with_call_site(profile, call_site);
  if (p.transport.value == Transport::unix_socket)
    throw ConfigError(error_label(p.transport.origin) + ": profile '" + p.name +
                      "' is a unix socket, and cpp_redis connects over TCP "
                      "only (set a host and port for it)");
  const std::string &user = p.username.value;
  if (!user.empty() && user != "default")
    throw ConfigError(error_label(p.username.origin) + ": profile '" + p.name +
                      "' logs in as ACL user '" + user +
                      "', and cpp_redis can only AUTH as user default");
  return p;
}

} // namespace detail
} // namespace rehost
