// A TLS profile is refused by every accessor, C and C++, whichever source
// turns TLS on, so it never reaches a client as plaintext.
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
};

const std::vector<Accessor> &accessors() {
  static const std::vector<Accessor> all{
      {"host", [](const char *p) { rehost::host(p, "h"); },
       [](const char *p) { return rehost_host(p, "h") == nullptr; }},
      {"port", [](const char *p) { rehost::port(p, 1); },
       [](const char *p) { return rehost_port(p, 1) == -1; }},
      {"password", [](const char *p) { rehost::password(p); },
       [](const char *p) { return rehost_password(p, nullptr) == nullptr; }},
      {"username", [](const char *p) { rehost::username(p); },
       [](const char *p) { return rehost_username(p, "u") == nullptr; }},
      {"socket", [](const char *p) { rehost::socket(p, "/s"); },
       [](const char *p) { return rehost_socket(p, "/s") == nullptr; }},
      {"db", [](const char *p) { rehost::db(p, 1); },
       [](const char *p) { return rehost_db(p, 1) == -1; }},
      {"uri", [](const char *p) { rehost::uri(p, "redis://h"); },
       [](const char *p) { return rehost_uri(p, "redis://h") == nullptr; }},
      {"cluster_nodes", [](const char *p) { rehost::cluster_nodes(p, "a:1"); },
       // "" (never NULL, which hiredis-cluster would read with strlen).
       [](const char *p) { return *rehost_cluster_nodes(p, "a:1") == '\0'; }},
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

TEST(Tls, PlaintextProfilesAreUnaffected) {
  ScopedEnv env;
  env.set("REDIS_TLS", "false");
  EXPECT_EQ(rehost::host("default", "h"), "h");
  EXPECT_EQ(rehost_port("default", 7), 7);
  EXPECT_EQ(rehost_last_error(), nullptr);
}

} // namespace
