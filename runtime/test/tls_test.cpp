// A TLS profile is refused by every accessor, C and C++, whichever source
// turns TLS on, so it never reaches a client as plaintext; and, in a runtime
// built without hiredis_ssl, by every connector too. (The C endpoint
// accessors of a redisOptions, whose connect makes the TLS, and real TLS
// connections are tls_connect_test.cpp's, in a runtime built with it.)
#include "scoped_env.hpp"
#include "test_support.hpp"

#include <functional>

using namespace rehost;
using namespace rehost::test;

namespace {

// Each accessor family, in C++ (throws) and C (NULL / -1 and
// rehost_last_error()), for `profile`.
struct Accessor {
  const char *name;
  std::function<void(const char *)> cxx;
  std::function<bool(const char *)> c_fails;
  // rehost_host, _port, _socket, _cluster_nodes: handed out by a TLS runtime
  bool redis_options_endpoint = false;
};

const std::vector<Accessor> &accessors() {
  static const std::vector<Accessor> all{
      {"host", [](const char *p) { rehost::host(p, "h"); },
       [](const char *p) { return rehost_host(p, "h") == nullptr; }, true},
      {"port", [](const char *p) { rehost::port(p, 1); },
       [](const char *p) { return rehost_port(p, 1) == -1; }, true},
      {"password", [](const char *p) { rehost::password(p); },
       [](const char *p) { return rehost_password(p, nullptr) == nullptr; }},
      {"username", [](const char *p) { rehost::username(p); },
       [](const char *p) { return rehost_username(p, "u") == nullptr; }},
      {"socket", [](const char *p) { rehost::socket(p, "/s"); },
       [](const char *p) { return rehost_socket(p, "/s") == nullptr; }, true},
      {"db", [](const char *p) { rehost::db(p, 1); },
       [](const char *p) { return rehost_db(p, 1) == -1; }},
      {"uri", [](const char *p) { rehost::uri(p, "redis://h"); },
       [](const char *p) { return rehost_uri(p, "redis://h") == nullptr; }},
      {"cluster_nodes", [](const char *p) { rehost::cluster_nodes(p, "a:1"); },
       // "" (never NULL, which hiredis-cluster would read with strlen).
       [](const char *p) { return *rehost_cluster_nodes(p, "a:1") == '\0'; },
       true},
  };
  return all;
}

// Every accessor of `profile` fails with a message naming `source`, the
// profile and why, and never the password.
void expect_all_refuse(const char *profile, const std::string &source) {
  const std::string why = "rehost cannot hand a TLS connection to this client";
  for (const Accessor &accessor : accessors()) {
    SCOPED_TRACE(accessor.name);
    try {
      accessor.cxx(profile);
      ADD_FAILURE() << "no ConfigError";
    } catch (const ConfigError &error) {
      std::string message = error.what();
      EXPECT_EQ(message.rfind(source + ": TLS", 0), 0u) << message;
      EXPECT_NE(message.find(why), std::string::npos) << message;
      EXPECT_NE(message.find("profile '" + std::string(profile) + "'"),
                std::string::npos)
          << message;
      EXPECT_EQ(message.find(secret), std::string::npos) << message;
    }
    if (REHOST_TEST_WITH_TLS && accessor.redis_options_endpoint)
      continue;
    EXPECT_TRUE(accessor.c_fails(profile));
    ASSERT_NE(rehost_last_error(), nullptr);
    std::string c_message = rehost_last_error();
    EXPECT_EQ(c_message.rfind(source + ": TLS", 0), 0u) << c_message;
    EXPECT_EQ(c_message.find(secret), std::string::npos) << c_message;
  }
  EXPECT_STREQ(rehost_auth_password(profile), "");
  EXPECT_NE(rehost_last_error(), nullptr);
}

TEST(Tls, EnvUrlIsRefusedByEveryAccessor) {
  ScopedEnv env;
  env.set("REDIS_URL", "rediss://:" + secret + "@h:6380");
  expect_all_refuse("default", "REDIS_URL");
  // Inspection still shows it.
  EXPECT_TRUE(resolve("default").tls.value);
}

TEST(Tls, TlsVariableIsRefusedByEveryAccessor) {
  ScopedEnv env;
  env.set("REDIS_QUEUE_TLS", "true");
  env.set("REDIS_QUEUE_PASSWORD", secret);
  expect_all_refuse("queue", "REDIS_QUEUE_TLS");
}

TEST(Tls, ConfigFileIsRefusedByEveryAccessor) {
  ScopedEnv env;
  TempDir dir;
  std::string path = dir.write("rehost.toml", "[profiles.cache]\n"
                                              "host = \"h\"\n"
                                              "tls = true\n");
  env.set("REHOST_CONFIG", path);
  expect_all_refuse("cache", path + ": profiles.cache.tls");
}

TEST(Tls, FallbackUriAskingForTlsIsRefused) {
  ScopedEnv env;
  EXPECT_THROW(rehost::uri("default", "rediss://h:6380"), ConfigError);
  EXPECT_EQ(rehost_uri("default", "rediss://h:6380"), nullptr);
}

TEST(Tls, ConnectorsAndPoolRefuseWithoutHiredisSsl) {
  if (REHOST_TEST_WITH_TLS)
    GTEST_SKIP() << "this runtime has hiredis_ssl: tls_connect_test.cpp "
                    "connects over TLS instead";
  ScopedEnv env;
  env.set("REDIS_URL", "rediss://:" + secret + "@127.0.0.1:6380");
  const std::string expected =
      "REDIS_URL: TLS needs hiredis >= 1.0 built with SSL (hiredis_ssl), so "
      "rehost cannot hand a TLS connection to this client yet (profile "
      "'default'; this runtime has hiredis ";
  redisContext *c = rehost_redisConnect("default", "127.0.0.1", 6379);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->err, REDIS_ERR_OTHER);
  EXPECT_EQ(std::string(c->errstr), expected.substr(0, 127));
  redisFree(c);
  redisAsyncContext *ac = rehost_redisAsyncConnect("default", nullptr, 0);
  ASSERT_NE(ac, nullptr);
  EXPECT_NE(ac->err, 0);
  EXPECT_EQ(std::string(ac->errstr).rfind("REDIS_URL: TLS needs", 0), 0u);
  redisAsyncFree(ac);
  EXPECT_EQ(rehost_pool_get("default", nullptr), nullptr);
  EXPECT_EQ(std::string(rehost_last_error()).rfind(expected, 0), 0u)
      << rehost_last_error();
  EXPECT_NE(rehost_connect_check("default"), nullptr);
  EXPECT_EQ(rehost_uses_tls("default"), -1);
  EXPECT_EQ(rehost_host("default", "h"), nullptr);
}

TEST(Tls, PlaintextProfilesAreUnaffected) {
  ScopedEnv env;
  env.set("REDIS_TLS", "false");
  EXPECT_EQ(rehost::host("default", "h"), "h");
  EXPECT_EQ(rehost_port("default", 7), 7);
  EXPECT_EQ(rehost_last_error(), nullptr);
}

} // namespace

// No TLS session for a client that runs its own handshake either (what
// rehost/valkey.h asks for libvalkey): the same refusal, no SSL.
TEST(Tls, NoTlsSessionForClientsWithoutHiredisSsl) {
  if (REHOST_TEST_WITH_TLS)
    GTEST_SKIP() << "this runtime has hiredis_ssl: tls_connect_test.cpp "
                    "checks its sessions instead";
  ScopedEnv env;
  env.set("REDIS_URL", "rediss://:" + secret + "@127.0.0.1:6380");
  EXPECT_EQ(rehost_tls_session_new("default", "127.0.0.1", 6380), nullptr);
  EXPECT_EQ(std::string(rehost_last_error())
                .find("REDIS_URL: TLS needs hiredis >= 1.0 built with SSL"),
            0u)
      << rehost_last_error();
}
