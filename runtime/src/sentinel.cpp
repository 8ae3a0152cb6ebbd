#include "sentinel.hpp"

#include "handshake.hpp"
#include "hiredis_seam.hpp"
#include "values.hpp"

namespace rehost::detail {
namespace {

// "host:port" or "[v6]:port", as parse_node_list normalised it.
hiredis::Endpoint sentinel_endpoint(const std::string &node) {
  hiredis::Endpoint endpoint;
  const size_t colon = node.rfind(':');
  endpoint.host = node.substr(0, colon);
  if (endpoint.host.size() > 1 && endpoint.host.front() == '[')
    endpoint.host = endpoint.host.substr(1, endpoint.host.size() - 2);
  endpoint.port = std::stoi(node.substr(colon + 1));
  return endpoint;
}

// AUTH with the sentinels' own credentials, if any. The error is built
// here, not read from c->errstr, which hiredis cuts at 127 characters.
bool logged_in(redisContext *c, const Profile &profile, std::string &error) {
  const std::optional<HandshakeStep> login =
      login_step(profile.sentinel_username, profile.sentinel_password);
  if (!login)
    return true;
  hiredis::Reply reply = hiredis::command(c, login->argv);
  if (!reply.ok)
    error = login->what + " failed: " + reply.text;
  return reply.ok;
}

// SENTINEL get-master-addr-by-name on a connected sentinel.
std::optional<std::pair<std::string, int>>
master_address(redisContext *c, const Profile &profile, std::string &error) {
  hiredis::Reply reply =
      hiredis::command(c, {"SENTINEL", "get-master-addr-by-name",
                           profile.sentinel_master.value});
  if (!reply.ok) {
    error = reply.text;
    return std::nullopt;
  }
  if (reply.elements.size() != 2) {
    error = "does not know master '" + profile.sentinel_master.value + "'";
    return std::nullopt;
  }
  try {
    return std::make_pair(reply.elements[0],
                          parse_port(reply.elements[1], "its reply"));
  } catch (const ConfigError &bad) {
    error = bad.what();
    return std::nullopt;
  }
}

// The master's address from one sentinel, or what went wrong.
std::optional<std::pair<std::string, int>>
ask(const std::string &node, const Profile &profile, std::string &error) {
  const std::chrono::milliseconds timeout = profile.connect_timeout.value;
  redisContext *c = hiredis::connect(sentinel_endpoint(node),
                                     hiredis::Mode::blocking, timeout);
  if (!c) {
    error = "out of memory";
    return std::nullopt;
  }
  std::optional<std::pair<std::string, int>> address;
  if (c->err || !hiredis::set_socket_timeout(c, timeout))
    error = c->errstr;
  else if (logged_in(c, profile, error))
    address = master_address(c, profile, error);
  hiredis::free_context(c);
  return address;
}

} // namespace

bool uses_sentinel(const Profile &profile) {
  return !profile.sentinel_master.value.empty() &&
         profile.sentinel_master.origin.source <=
             profile.transport.origin.source;
}

std::optional<Profile> locate_master(const Profile &profile,
                                     std::string &error) {
  const std::string label = error_label(profile.sentinel_master.origin);
  const std::string &master = profile.sentinel_master.value;
  if (profile.sentinel_nodes.value.empty()) {
    error = label + ": master '" + master +
            "' has no sentinel_nodes to ask for its address";
    return std::nullopt;
  }
  std::string failures;
  for (const std::string &node : profile.sentinel_nodes.value) {
    std::string why;
    if (auto address = ask(node, profile, why)) {
      Profile located = profile;
      const Origin origin{profile.sentinel_master.origin.source,
                          label + " via sentinel " + node};
      located.transport = {Transport::tcp, origin};
      located.host = {address->first, origin};
      located.port = {address->second, origin};
      return located;
    }
    failures += (failures.empty() ? "" : "; ") + node + ": " + why;
  }
  error = label + ": no sentinel gave the address of master '" + master +
          "' (" + failures + ")";
  return std::nullopt;
}

} // namespace rehost::detail
