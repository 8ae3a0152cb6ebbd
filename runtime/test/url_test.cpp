// URL forms, read through REDIS_URL.
#include "scoped_env.hpp"
#include "test_support.hpp"

using namespace rehost;
using namespace rehost::test;

namespace {

Profile resolve_url(ScopedEnv &env, const std::string &url) {
  env.set("REDIS_URL", url);
  return resolve("default");
}

TEST(Url, HostPortDb) {
  ScopedEnv env;
  Profile p = resolve_url(env, "redis://cache.internal:6380/3");
  EXPECT_EQ(p.transport.value, Transport::tcp);
  EXPECT_EQ(p.host.value, "cache.internal");
  EXPECT_EQ(p.port.value, 6380);
  EXPECT_EQ(p.db.value, 3);
  EXPECT_FALSE(p.tls.value);
  EXPECT_EQ(p.host.origin.to_string(), "env:REDIS_URL");
  EXPECT_EQ(p.port.origin.source, Source::environment);
}

TEST(Url, HostWithoutPortMeansRedisPort) {
  ScopedEnv env;
  Profile p = resolve_url(env, "redis://cache");
  EXPECT_EQ(p.port.value, 6379);
  EXPECT_EQ(p.port.origin.to_string(), "env:REDIS_URL");
  EXPECT_EQ(p.db.value, 0);
}

TEST(Url, UserAndPercentEncodedPassword) {
  ScopedEnv env;
  Profile p = resolve_url(env, "redis://app%2Dname:p%40ss%3Aw%2Fd@h:1/0");
  EXPECT_EQ(p.username.value, "app-name");
  EXPECT_EQ(p.password.value, "p@ss:w/d");
}

TEST(Url, PasswordOnly) {
  ScopedEnv env;
  Profile p = resolve_url(env, "redis://:pw@h");
  EXPECT_EQ(p.username.value, "");
  EXPECT_EQ(p.password.value, "pw");
}

TEST(Url, LoneTokenIsPasswordWithWarning) {
  ScopedEnv env;
  Profile p = resolve_url(env, "redis://token@h");
  EXPECT_EQ(p.password.value, "token");
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_EQ(p.warnings[0].find("token"), std::string::npos);
}

TEST(Url, AuthorityEndsAtLastAt) {
  ScopedEnv env;
  Profile p = resolve_url(env, "redis://u:a@b@h:7");
  EXPECT_EQ(p.password.value, "a@b");
  EXPECT_EQ(p.host.value, "h");
}

TEST(Url, TlsSchemes) {
  ScopedEnv env;
  for (const char *url : {"rediss://h", "redis+tls://h", "valkeys://h"}) {
    Profile p = resolve_url(env, url);
    EXPECT_TRUE(p.tls.value) << url;
  }
  for (const char *url : {"redis://h", "tcp://h", "valkey://h", "REDIS://h"}) {
    Profile p = resolve_url(env, url);
    EXPECT_FALSE(p.tls.value) << url;
  }
}

TEST(Url, Ipv6) {
  ScopedEnv env;
  Profile p = resolve_url(env, "redis://[::1]:7000");
  EXPECT_EQ(p.host.value, "::1");
  EXPECT_EQ(p.port.value, 7000);
}

TEST(Url, UnixSocket) {
  ScopedEnv env;
  Profile p = resolve_url(env, "unix://:pw@/run/redis%20x.sock?db=4");
  EXPECT_EQ(p.transport.value, Transport::unix_socket);
  EXPECT_EQ(p.socket.value, "/run/redis x.sock");
  EXPECT_EQ(p.db.value, 4);
  EXPECT_EQ(p.password.value, "pw");
  for (const char *alias : {"redis-socket:///s", "redis+socket:///s"})
    EXPECT_EQ(resolve_url(env, alias).socket.value, "/s") << alias;
}

TEST(Url, QueryKeysWinOverPath) {
  ScopedEnv env;
  Profile p = resolve_url(
      env, "redis://h/1?db=3&connect_timeout=250ms&socket_timeout=2&"
           "keepalive=no&client_name=worker&pool_size=4&pool_wait_timeout="
           "100ms&user=u&password=pw");
  EXPECT_EQ(p.db.value, 3);
  EXPECT_EQ(p.connect_timeout.value.count(), 250);
  EXPECT_EQ(p.command_timeout.value.count(), 2000);
  EXPECT_FALSE(p.keepalive.value);
  EXPECT_EQ(p.client_name.value, "worker");
  EXPECT_EQ(p.pool_size.value, 4);
  EXPECT_EQ(p.pool_wait_timeout.value.count(), 100);
  EXPECT_EQ(p.username.value, "u");
  EXPECT_EQ(p.password.value, "pw");
}

TEST(Url, QueryAliases) {
  ScopedEnv env;
  Profile p = resolve_url(env, "redis://h?database=2&socket_connect_timeout="
                               "1.5&max_connections=9&ssl_cert_reqs=none");
  EXPECT_EQ(p.db.value, 2);
  EXPECT_EQ(p.connect_timeout.value.count(), 1500);
  EXPECT_EQ(p.pool_size.value, 9);
  EXPECT_EQ(p.tls_verify.value, TlsVerify::none);
}

TEST(Url, UnknownQueryKeyWarns) {
  ScopedEnv env;
  Profile p = resolve_url(env, "redis://h?colour=blue");
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_NE(p.warnings[0].find("'colour'"), std::string::npos);
}

struct BadUrl {
  std::string url;
  std::string message;
};

void PrintTo(const BadUrl &bad, std::ostream *out) { *out << bad.message; }

class BadUrls : public ::testing::TestWithParam<BadUrl> {};

TEST_P(BadUrls, NameTheVariableAndHideThePassword) {
  ScopedEnv env;
  env.set("REDIS_URL", GetParam().url);
  expect_config_error("default", GetParam().message);
}

const std::string pw = "redis://:" + secret + "@";

INSTANTIATE_TEST_SUITE_P(
    Url, BadUrls,
    ::testing::Values(
        BadUrl{pw + "h:notaport", "REDIS_URL: port 'notaport' is not a number"},
        BadUrl{pw + "h:70000", "REDIS_URL: port '70000' is out of range"},
        BadUrl{pw + "h/abc", "REDIS_URL: db 'abc' is not a number"},
        BadUrl{pw + "h/1/2", "REDIS_URL: URL path is not a database number"},
        BadUrl{"ftp://:" + secret + "@h", "REDIS_URL: URL scheme 'ftp'"},
        BadUrl{secret, "REDIS_URL: not a URL"},
        BadUrl{pw + "h?timeout=1",
               "REDIS_URL: query key 'timeout' is ambiguous"},
        BadUrl{"redis://:Sup3r%zzS3cret@h",
               "REDIS_URL: bad percent-encoding in the URL's password"},
        BadUrl{"redis://:Sup3r#S3cret@h", "REDIS_URL: URL contains '#'"},
        BadUrl{pw + "h?connect_timeout=fast",
               "REDIS_URL: duration 'fast' is not a number"},
        BadUrl{pw + "h?connect_timeout=5parsecs",
               "REDIS_URL: duration '5parsecs' has unit 'parsecs'"},
        BadUrl{pw + "h?protocol=3", "REDIS_URL: protocol '3' is not supported"},
        BadUrl{pw + "h?keepalive=maybe", "REDIS_URL: 'maybe' is not a boolean"},
        BadUrl{pw + "h?db", "REDIS_URL: query key 'db' has no '=value'"},
        BadUrl{pw + "a:b:c", "REDIS_URL: host has several ':'"},
        BadUrl{pw + "[::1", "REDIS_URL: IPv6 host has no closing ']'"},
        BadUrl{"unix://:" + secret + "@host/x",
               "REDIS_URL: unix URL needs an absolute socket path"},
        BadUrl{"redis+sentinel://:" + secret + "@h:26379",
               "REDIS_URL: Sentinel URL names no master"}),
    [](const auto &info) { return "case" + std::to_string(info.index); });

} // namespace

// The table the tool's URI reader is tested against too
// (test/unit/UriTest.cpp): the two read every URI the same way.
namespace {

struct UriCase {
  const char *uri;
  const char *transport;
  const char *host;
  int port;
  const char *socket;
  int db;
  const char *user;
  bool password;
  bool tls;
  const char *error;
};

const UriCase uri_cases[] = {
#define REHOST_URI_CASE(uri, transport, host, port, socket, db, user,          \
                        password, tls, error)                                  \
  {uri, transport, host, port, socket, db, user, password, tls, error},
#define REHOST_SENTINEL_URI_CASE(uri, nodes, master, db, user, password)
#include "uri_cases.inc"
#undef REHOST_SENTINEL_URI_CASE
#undef REHOST_URI_CASE
};

struct SentinelUriCase {
  const char *uri;
  const char *nodes;
  const char *master;
  int db;
  const char *user;
  bool password;
};

const SentinelUriCase sentinel_uri_cases[] = {
#define REHOST_URI_CASE(uri, transport, host, port, socket, db, user,          \
                        password, tls, error)
#define REHOST_SENTINEL_URI_CASE(uri, nodes, master, db, user, password)       \
  {uri, nodes, master, db, user, password},
#include "uri_cases.inc"
#undef REHOST_SENTINEL_URI_CASE
#undef REHOST_URI_CASE
};

std::string joined(const std::vector<std::string> &nodes) {
  std::string text;
  for (const std::string &node : nodes)
    text += (text.empty() ? "" : ",") + node;
  return text;
}

TEST(Url, SharedTableOfCases) {
  for (const UriCase &c : uri_cases) {
    SCOPED_TRACE(c.uri);
    ScopedEnv env;
    env.set("REDIS_URL", c.uri);
    if (*c.error) {
      expect_config_error("default", c.error);
      continue;
    }
    Profile p = resolve("default");
    bool unix_socket = std::string(c.transport) == "unix";
    EXPECT_EQ(p.transport.value,
              unix_socket ? Transport::unix_socket : Transport::tcp);
    if (unix_socket) {
      EXPECT_EQ(p.socket.value, c.socket);
    } else {
      if (*c.host)
        EXPECT_EQ(p.host.value, c.host);
      else
        EXPECT_NE(p.host.origin.source, Source::environment);
      EXPECT_EQ(p.port.value, c.port);
      EXPECT_EQ(p.tls.value, c.tls);
    }
    EXPECT_EQ(p.db.value, c.db);
    EXPECT_EQ(p.username.value, c.user);
    EXPECT_EQ(!p.password.value.empty(), c.password);
  }
}

TEST(Url, SharedTableOfSentinelCases) {
  for (const SentinelUriCase &c : sentinel_uri_cases) {
    SCOPED_TRACE(c.uri);
    ScopedEnv env;
    env.set("REDIS_URL", c.uri);
    Profile p = resolve("default");
    EXPECT_EQ(joined(p.sentinel_nodes.value), c.nodes);
    EXPECT_EQ(p.sentinel_master.value, c.master);
    EXPECT_EQ(p.sentinel_master.origin.to_string(), "env:REDIS_URL");
    EXPECT_EQ(p.transport.value, Transport::tcp);
    EXPECT_FALSE(p.tls.value);
    EXPECT_EQ(p.db.value, c.db);
    EXPECT_EQ(p.username.value, c.user);
    EXPECT_EQ(!p.password.value.empty(), c.password);
  }
}

TEST(Url, SentinelCredentialsAreTheirOwn) {
  ScopedEnv env;
  Profile p =
      resolve_url(env, "redis+sentinel://app:m%40ster@h1/m?"
                       "sentinel_username=watch&sentinel_password=s%3Ant");
  EXPECT_EQ(p.username.value, "app");
  EXPECT_EQ(p.password.value, "m@ster");
  EXPECT_EQ(p.sentinel_username.value, "watch");
  EXPECT_EQ(p.sentinel_password.value, "s:nt");
  EXPECT_TRUE(p.warnings.empty());
}

// endpoint_url is parse_url's inverse for the endpoint: what `rehost env`
// writes as REDIS_*_URL resolves to the profile it was rendered from, odd
// bytes included, and the URL itself is printable ASCII.
struct EndpointPieces {
  std::vector<std::pair<std::string, std::string>> variables;
};

class EndpointUrlRoundTrip : public ::testing::TestWithParam<EndpointPieces> {};

TEST_P(EndpointUrlRoundTrip, ResolvesToTheSameEndpoint) {
  ScopedEnv env;
  for (const auto &[name, value] : GetParam().variables)
    env.set(name, value);
  Profile from_pieces = resolve("default");
  std::string url = endpoint_url(from_pieces);
  for (char c : url)
    EXPECT_TRUE(c > ' ' && c < 0x7f) << "byte " << int(c) << " in the URL";
  ScopedEnv only_the_url;
  only_the_url.set("REDIS_URL", url);
  Profile back = resolve("default");
  EXPECT_EQ(back.transport.value, from_pieces.transport.value);
  EXPECT_EQ(back.host.value, from_pieces.host.value);
  EXPECT_EQ(back.port.value, from_pieces.port.value);
  EXPECT_EQ(back.socket.value, from_pieces.socket.value);
  EXPECT_EQ(back.db.value, from_pieces.db.value);
  EXPECT_EQ(back.tls.value, from_pieces.tls.value);
  EXPECT_EQ(back.username.value, from_pieces.username.value);
  EXPECT_EQ(back.sentinel_nodes.value, from_pieces.sentinel_nodes.value);
  EXPECT_EQ(back.sentinel_master.value, from_pieces.sentinel_master.value);
  EXPECT_EQ(back.password.value, "");
  EXPECT_EQ(url.find("secret"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Url, EndpointUrlRoundTrip,
    ::testing::Values(
        EndpointPieces{
            {{"REDIS_HOST", "cache.internal"}, {"REDIS_PORT", "6380"}}},
        EndpointPieces{
            {{"REDIS_HOST", "::1"}, {"REDIS_DB", "7"}, {"REDIS_TLS", "true"}}},
        EndpointPieces{{{"REDIS_HOST", "h#1?%x\xc3\xa9"},
                        {"REDIS_USERNAME", "a\nb: c#'\"\t\x1b@:/?&="},
                        {"REDIS_PASSWORD", "secret"}}},
        EndpointPieces{
            {{"REDIS_SOCKET", "/run/my redis\n#1.sock"}, {"REDIS_DB", "2"}}},
        EndpointPieces{
            {{"REDIS_URL", "redis+sentinel://s1:26380,[::1]/my%2Fmaster/3"},
             {"REDIS_USERNAME", "app"}}}));

} // namespace
