// Environment variables, precedence and the accessors.
#include "scoped_env.hpp"
#include "test_support.hpp"

#include <cstring>

using namespace rehost;
using namespace rehost::test;

namespace {

TEST(Env, Pieces) {
  ScopedEnv env;
  env.set("REDIS_HOST", "10.1.2.3");
  env.set("REDIS_PORT", "6390");
  env.set("REDIS_DB", "7");
  env.set("REDIS_USERNAME", "app");
  env.set("REDIS_PASSWORD", "pw");
  env.set("REDIS_TLS", "off");
  env.set("REDIS_CONNECT_TIMEOUT", "750ms");
  env.set("REDIS_COMMAND_TIMEOUT", "3s");
  env.set("REDIS_KEEPALIVE", "false");
  env.set("REDIS_CLIENT_NAME", "svc");
  env.set("REDIS_CLUSTER_NODES", "a:1, [::1]:2");
  env.set("REDIS_POOL_SIZE", "3");
  Profile p = resolve("default");
  EXPECT_EQ(p.host.value, "10.1.2.3");
  EXPECT_EQ(p.host.origin.to_string(), "env:REDIS_HOST");
  EXPECT_EQ(p.port.value, 6390);
  EXPECT_EQ(p.db.value, 7);
  EXPECT_EQ(p.username.value, "app");
  EXPECT_EQ(p.password.value, "pw");
  EXPECT_FALSE(p.tls.value);
  EXPECT_EQ(p.connect_timeout.value.count(), 750);
  EXPECT_EQ(p.command_timeout.value.count(), 3000);
  EXPECT_FALSE(p.keepalive.value);
  EXPECT_EQ(p.client_name.value, "svc");
  EXPECT_EQ(p.cluster_nodes.value,
            (std::vector<std::string>{"a:1", "[::1]:2"}));
  EXPECT_EQ(p.pool_size.value, 3);
}

TEST(Env, Defaults) {
  ScopedEnv env;
  Profile p = resolve("default");
  EXPECT_EQ(p.host.value, "127.0.0.1");
  EXPECT_EQ(p.port.value, 6379);
  EXPECT_EQ(p.connect_timeout.value.count(), 5000);
  EXPECT_EQ(p.command_timeout.value.count(), 0);
  EXPECT_TRUE(p.keepalive.value);
  EXPECT_EQ(p.host.origin.to_string(), "default");
}

TEST(Env, ProfilePrefix) {
  ScopedEnv env;
  env.set("REDIS_HOST", "default-host");
  env.set("REDIS_QUEUE_HOST", "queue-host");
  env.set("REDIS_MY_CACHE_PORT", "7001");
  EXPECT_EQ(resolve("queue").host.value, "queue-host");
  EXPECT_EQ(resolve("default").host.value, "default-host");
  EXPECT_EQ(resolve("my-cache").port.value, 7001);
  EXPECT_EQ(resolve("my-cache").port.origin.name, "REDIS_MY_CACHE_PORT");
}

TEST(Env, TimeoutMs) {
  ScopedEnv env;
  env.set("REDIS_TIMEOUT_MS", "1200");
  Profile p = resolve("default");
  EXPECT_EQ(p.connect_timeout.value.count(), 1200);
  EXPECT_EQ(p.connect_timeout.origin.name, "REDIS_TIMEOUT_MS");
}

TEST(Env, KubernetesServiceLinkPort) {
  ScopedEnv env;
  env.set("REDIS_PORT", "tcp://10.0.0.11:6380");
  EXPECT_EQ(resolve("default").port.value, 6380);
}

TEST(Env, UrlWinsOverPiecesAndPiecesFillGaps) {
  ScopedEnv env;
  env.set("REDIS_URL", "redis://url-host:6000");
  env.set("REDIS_HOST", "piece-host");
  env.set("REDIS_DB", "2");
  Profile p = resolve("default");
  EXPECT_EQ(p.host.value, "url-host");
  EXPECT_EQ(p.db.value, 2);
  EXPECT_EQ(p.db.origin.name, "REDIS_DB");
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_NE(p.warnings[0].find("REDIS_HOST is ignored"), std::string::npos);
}

TEST(Env, SecretFilesAreReadEachTime) {
  ScopedEnv env;
  TempDir dir;
  std::string file = dir.write("password", "first\r\n");
  env.set("REDIS_PASSWORD_FILE", file);
  Profile p = resolve("default");
  EXPECT_EQ(p.password.value, "first");
  EXPECT_EQ(p.password.origin.name, "REDIS_PASSWORD_FILE");
  dir.write("password", "second\n");
  EXPECT_EQ(resolve("default").password.value, "second");
}

TEST(Env, UrlFile) {
  ScopedEnv env;
  TempDir dir;
  env.set("REDIS_URL_FILE", dir.write("url", "redis://:pw@file-host:1\n"));
  Profile p = resolve("default");
  EXPECT_EQ(p.host.value, "file-host");
  EXPECT_EQ(p.host.origin.name, "REDIS_URL_FILE");
}

struct BadEnv {
  std::string name;
  std::string value;
  std::string message;
};

void PrintTo(const BadEnv &bad, std::ostream *out) {
  *out << bad.name << "=" << bad.value;
}

class BadEnvValues : public ::testing::TestWithParam<BadEnv> {};

TEST_P(BadEnvValues, NameTheVariableAndHideThePassword) {
  ScopedEnv env;
  env.set("REDIS_PASSWORD", secret);
  env.set(GetParam().name, GetParam().value);
  expect_config_error("default", GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Env, BadEnvValues,
    ::testing::Values(
        BadEnv{"REDIS_PORT", "notaport",
               "REDIS_PORT: port 'notaport' is not a number"},
        BadEnv{"REDIS_PORT", "0",
               "REDIS_PORT: port '0' is out of range 1..65535"},
        BadEnv{"REDIS_PORT", "tcp://h",
               "REDIS_PORT: port 'tcp://h' has no port"},
        BadEnv{"REDIS_DB", "-1", "REDIS_DB: db '-1' is out of range"},
        BadEnv{"REDIS_DB", "99999999999",
               "REDIS_DB: db '99999999999' is out of range"},
        BadEnv{"REDIS_TLS", "maybe", "REDIS_TLS: 'maybe' is not a boolean"},
        BadEnv{"REDIS_TLS_VERIFY", "sometimes",
               "REDIS_TLS_VERIFY: TLS verification 'sometimes'"},
        BadEnv{"REDIS_CONNECT_TIMEOUT", "0",
               "REDIS_CONNECT_TIMEOUT: timeout must be more than 0ms"},
        BadEnv{"REDIS_COMMAND_TIMEOUT", "-5",
               "REDIS_COMMAND_TIMEOUT: duration '-5' is not a number"},
        BadEnv{"REDIS_TIMEOUT_MS", "1.5",
               "REDIS_TIMEOUT_MS: '1.5' is not a whole number of milliseconds"},
        BadEnv{"REDIS_CLUSTER_NODES", "a",
               "REDIS_CLUSTER_NODES: node 'a' is not host:port"},
        BadEnv{"REDIS_CLUSTER_NODES", "::1:5",
               "REDIS_CLUSTER_NODES: node '::1:5' needs brackets"},
        BadEnv{"REDIS_CLIENT_NAME", "a b",
               "REDIS_CLIENT_NAME: client name 'a b' contains spaces"},
        BadEnv{"REDIS_HOST", "a b",
               "REDIS_HOST: host 'a b' contains a character"},
        BadEnv{"REDIS_SOCKET", std::string(200, 's'),
               "REDIS_SOCKET: socket path is longer than 107 bytes"},
        BadEnv{"REDIS_POOL_SIZE", "0",
               "REDIS_POOL_SIZE: pool size '0' is out of range"},
        BadEnv{"REDIS_PASSWORD_FILE", "/nonexistent/pw",
               "REDIS_PASSWORD and REDIS_PASSWORD_FILE are both set"}),
    [](const auto &info) {
      return info.param.name + "_" + std::to_string(info.index);
    });

TEST(Env, HostAndSocketConflict) {
  ScopedEnv env;
  env.set("REDIS_HOST", "h");
  env.set("REDIS_SOCKET", "/s");
  expect_config_error("default", "REDIS_HOST and REDIS_SOCKET are both set");
}

TEST(Env, UnreadableSecretFile) {
  ScopedEnv env;
  env.set("REDIS_PASSWORD_FILE", "/nonexistent/pw");
  expect_config_error(
      "default",
      "REDIS_PASSWORD_FILE: cannot read '/nonexistent/pw': No such file");
}

TEST(Env, ConnectTimeoutTwice) {
  ScopedEnv env;
  env.set("REDIS_CONNECT_TIMEOUT", "1s");
  env.set("REDIS_TIMEOUT_MS", "100");
  expect_config_error("default", "REDIS_CONNECT_TIMEOUT and REDIS_TIMEOUT_MS "
                                 "are both set");
}

TEST(Env, InvalidProfileName) {
  ScopedEnv env;
  expect_config_error("bad name", "profile name 'bad name' is invalid");
}

TEST(Accessors, CFallbacksAndOverrides) {
  ScopedEnv env;
  EXPECT_STREQ(rehost_host("default", "10.0.0.5"), "10.0.0.5");
  EXPECT_EQ(rehost_port("default", 6380), 6380);
  EXPECT_EQ(rehost_db("default", 0), 0);
  EXPECT_EQ(rehost_password("default", nullptr), nullptr);
  EXPECT_EQ(rehost_last_error(), nullptr);
  EXPECT_EQ(rehost_username("default", nullptr), nullptr);
  EXPECT_STREQ(rehost_cluster_nodes("default", "a:1,b:2"), "a:1,b:2");

  env.set("REDIS_HOST", "env-host");
  env.set("REDIS_PASSWORD", "pw");
  env.set("REDIS_USERNAME", "app");
  env.set("REDIS_DB", "4");
  const char *first = rehost_host("default", "10.0.0.5");
  EXPECT_STREQ(first, "env-host");
  EXPECT_EQ(rehost_host("default", "other"), first) << "interned";
  EXPECT_EQ(rehost_port("default", 6380), 6380);
  EXPECT_STREQ(rehost_password("default", nullptr), "pw");
  EXPECT_STREQ(rehost_username("default", nullptr), "app");
  EXPECT_EQ(rehost_db("default", 0), 4);
  // A host from the environment beats a node list from the call site.
  EXPECT_STREQ(rehost_cluster_nodes("default", "a:1,b:2"), "env-host:6379");
}

TEST(Accessors, ClusterCredentialsTakeTheCodesOwnAsFallbacks) {
  ScopedEnv env;
  const char *user = nullptr, *password = nullptr;
  int db = -1;
  ASSERT_EQ(rehost_cluster_credentials("default", "code-user", "code-pw", 3,
                                       &user, &password, &db),
            0);
  EXPECT_STREQ(user, "code-user");
  EXPECT_STREQ(password, "code-pw");
  EXPECT_EQ(db, 3);
  ASSERT_EQ(rehost_cluster_credentials("default", nullptr, nullptr, -1, &user,
                                       &password, &db),
            0);
  EXPECT_EQ(user, nullptr);
  EXPECT_EQ(password, nullptr);
  EXPECT_EQ(db, 0);
  env.set("REDIS_URL", "redis://app:pw@h:6379/4");
  ASSERT_EQ(rehost_cluster_credentials("default", "code-user", "code-pw", 3,
                                       &user, &password, &db),
            0);
  EXPECT_STREQ(user, "app");
  EXPECT_STREQ(password, "pw");
  EXPECT_EQ(db, 4);
  env.set("REDIS_URL", "redis://h:notaport");
  EXPECT_EQ(rehost_cluster_credentials("default", nullptr, nullptr, -1, &user,
                                       &password, &db),
            -1);
  EXPECT_NE(rehost_last_error(), nullptr);
}

TEST(Accessors, CErrors) {
  ScopedEnv env;
  env.set("REDIS_PORT", "x");
  EXPECT_EQ(rehost_port("default", 1), -1);
  EXPECT_STREQ(rehost_last_error(), "REDIS_PORT: port 'x' is not a number");
  EXPECT_EQ(rehost_host("default", "h"), nullptr);
  EXPECT_NE(rehost_last_error(), nullptr);
  EXPECT_EQ(rehost_host(nullptr, "h"), nullptr);
  EXPECT_STREQ(rehost_last_error(), "profile name is NULL");
}

// What the header-inline helpers of hiredis_options.h and cluster.h read:
// a check, the timeouts and the handshake, step by step.
TEST(Accessors, CHelperSupport) {
  ScopedEnv env;
  EXPECT_EQ(rehost_check("default"), nullptr);
  EXPECT_EQ(rehost_connect_timeout_ms("default", 1500), 1500);
  EXPECT_EQ(rehost_command_timeout_ms("default", 0), 0);
  int argc = 0;
  const char **argv = nullptr;
  const size_t *lens = nullptr;
  const char *what = nullptr;
  EXPECT_EQ(rehost_handshake_step("default", 0, &argc, &argv, &lens, &what), 0)
      << "no password, no db: nothing to send";

  env.set("REDIS_URL", "redis://app:s3cret@h:6380/5?connect_timeout=250ms");
  EXPECT_EQ(rehost_connect_timeout_ms("default", 1500), 250);
  ASSERT_EQ(rehost_handshake_step("default", 0, &argc, &argv, &lens, &what), 1);
  ASSERT_EQ(argc, 3);
  EXPECT_EQ(std::string(argv[0], lens[0]), "AUTH");
  EXPECT_EQ(std::string(argv[1], lens[1]), "app");
  EXPECT_EQ(std::string(argv[2], lens[2]), "s3cret");
  EXPECT_EQ(std::string(what).find("s3cret"), std::string::npos) << what;
  ASSERT_EQ(rehost_handshake_step("default", 1, &argc, &argv, &lens, &what), 1);
  ASSERT_EQ(argc, 2);
  EXPECT_EQ(std::string(argv[0], lens[0]), "SELECT");
  EXPECT_EQ(std::string(argv[1], lens[1]), "5");
  EXPECT_EQ(rehost_handshake_step("default", 2, &argc, &argv, &lens, &what), 0);

  env.set("REDIS_URL", "redis://h:notaport");
  const char *problem = rehost_check("default");
  ASSERT_NE(problem, nullptr);
  EXPECT_STREQ(problem, rehost_last_error());
  EXPECT_NE(std::string(problem).find("REDIS_URL"), std::string::npos)
      << problem;
  EXPECT_EQ(rehost_handshake_step("default", 0, &argc, &argv, &lens, &what),
            -1);
  EXPECT_EQ(rehost_connect_timeout_ms("default", 1500), -1);
  EXPECT_STREQ(rehost_cluster_nodes("default", "a:1"), "")
      << "never NULL: hiredis-cluster reads it with strlen";
}

TEST(Accessors, Uri) {
  ScopedEnv env;
  EXPECT_STREQ(rehost_uri("queue", "tcp://127.0.0.1:6380"),
               "tcp://127.0.0.1:6380?connect_timeout=5000ms&keep_alive=true");
  env.set("REDIS_QUEUE_URL", "redis://app:pw@q:1/2?socket_timeout=100ms");
  EXPECT_EQ(uri("queue", "tcp://127.0.0.1:6380"),
            "tcp://app:pw@q:1/2?connect_timeout=5000ms&socket_timeout=100ms&"
            "keep_alive=true");
  env.set("REDIS_URL", "unix://:pw@/tmp/r.sock?keepalive=off");
  EXPECT_EQ(uri("default"), "unix://pw@/tmp/r.sock?connect_timeout=5000ms");
}

TEST(Accessors, Cpp) {
  ScopedEnv env;
  EXPECT_EQ(host("default"), "127.0.0.1");
  EXPECT_EQ(host("default", "10.0.0.1"), "10.0.0.1");
  EXPECT_EQ(port("default"), 6379);
  EXPECT_EQ(password("default"), "");
  env.set("REDIS_PASSWORD", "pw");
  EXPECT_EQ(password("default"), "pw");
  env.set("REDIS_PORT", "nope");
  EXPECT_THROW(port("default", 1), ConfigError);
  EXPECT_THROW(host("bad/name"), ConfigError);
}

// rehost fix takes a URI's credentials out of the code: the fallback has
// none, so the configured ones must come back inside the URI.
TEST(Accessors, UriCarriesConfiguredCredentials) {
  ScopedEnv env;
  env.set("REDIS_PASSWORD", "s3cret");
  EXPECT_EQ(uri("default", "tcp://cache:6379/1"),
            "tcp://s3cret@cache:6379/1?connect_timeout=5000ms&keep_alive=true");
  env.set("REDIS_USERNAME", "app");
  EXPECT_EQ(uri("default", "tcp://cache:6379/1"),
            "tcp://app:s3cret@cache:6379/1?connect_timeout=5000ms&"
            "keep_alive=true");
}

// redis-plus-plus reads its URI without decoding (first '@' ends the
// credentials, first ':' ends the user; sw/redis++/redis_uri.cpp): what it
// would misread is refused, naming the variable and never the value; what
// it reads right is written as it is.
TEST(Accessors, UriRefusesWhatRedisPlusPlusWouldMisread) {
  const std::pair<std::pair<const char *, const char *>, const char *>
      refused[] = {
          {{"REDIS_PASSWORD", "p@evil.example:6380"},
           "REDIS_PASSWORD: the password cannot be written"},
          {{"REDIS_URL", "redis://u:p%40ss@h"},
           "REDIS_URL: the password cannot be written"},
          {{"REDIS_URL", "redis://us%3Aer:pw@h"},
           "REDIS_URL: ACL user 'us:er' cannot be written"},
          {{"REDIS_URL", "redis://u%40x:pw@h"},
           "REDIS_URL: ACL user 'u@x' cannot be written"},
          {{"REDIS_URL", "redis://[::1]:6380"},
           "REDIS_URL: host '::1' cannot be written"},
          {{"REDIS_SOCKET", "/run/a@b.sock"},
           "REDIS_SOCKET: socket path '/run/a@b.sock' cannot be written"},
      };
  for (const auto &item : refused) {
    ScopedEnv env;
    env.set(item.first.first, item.first.second);
    const std::string value = item.first.second;
    try {
      uri("default", "tcp://127.0.0.1:6379");
      ADD_FAILURE() << value << ": no error";
    } catch (const ConfigError &error) {
      const std::string message = error.what();
      EXPECT_EQ(message.rfind(item.second, 0), 0u) << message;
      EXPECT_NE(message.find("rehost::options"), std::string::npos);
      if (std::string(item.first.first) == "REDIS_PASSWORD" ||
          value.find("p%40ss") != std::string::npos) {
        EXPECT_EQ(message.find("evil"), std::string::npos) << message;
        EXPECT_EQ(message.find("p@ss"), std::string::npos) << message;
      }
    }
    EXPECT_EQ(rehost_uri("default", "tcp://127.0.0.1:6379"), nullptr);
    EXPECT_EQ(std::string(rehost_last_error()).rfind(item.second, 0), 0u)
        << rehost_last_error();
  }
}

TEST(Accessors, UriCarriesWhatRedisPlusPlusReadsRight) {
  ScopedEnv env;
  // ':' in the default user's password: the user is written, so the ':'
  // cannot end it.
  env.set("REDIS_PASSWORD", "a:b/c?d#e%f g");
  EXPECT_EQ(uri("default", "tcp://h:1"),
            "tcp://default:a:b/c?d#e%f g@h:1?connect_timeout=5000ms&"
            "keep_alive=true");
  env.set("REDIS_USERNAME", "app");
  EXPECT_EQ(uri("default", "tcp://h:1"),
            "tcp://app:a:b/c?d#e%f g@h:1?connect_timeout=5000ms&"
            "keep_alive=true");
  // A socket path whose last part starts with a number is followed by the
  // db, or redis-plus-plus would take that number for it; with credentials,
  // an '@' in the path is after theirs.
  env.set("REDIS_USERNAME", "");
  env.set("REDIS_PASSWORD", "");
  env.set("REDIS_SOCKET", "/run/6379.sock");
  EXPECT_EQ(uri("default"),
            "unix:///run/6379.sock/0?connect_timeout=5000ms&keep_alive=true");
  env.set("REDIS_SOCKET", "/run/a@b.sock");
  env.set("REDIS_PASSWORD", "pw");
  EXPECT_EQ(uri("default"),
            "unix://pw@/run/a@b.sock?connect_timeout=5000ms&keep_alive=true");
}

TEST(Accessors, CppUsernameSocketDb) {
  ScopedEnv env;
  // redis-plus-plus's own default user: no AUTH unless a password is set.
  EXPECT_EQ(username("default"), "default");
  EXPECT_EQ(socket("default", "/tmp/r.sock"), "/tmp/r.sock");
  EXPECT_EQ(db("default"), 0);
  EXPECT_EQ(db("default", 2), 2);
  env.set("REDIS_USERNAME", "app");
  env.set("REDIS_SOCKET", "/run/redis.sock");
  env.set("REDIS_DB", "5");
  EXPECT_EQ(username("default"), "app");
  EXPECT_EQ(socket("default", "/tmp/r.sock"), "/run/redis.sock");
  EXPECT_EQ(db("default", 2), 5);
  EXPECT_THROW(socket("bad/name"), ConfigError);
}

// rehost fix wraps redisOptions.endpoint.unix_socket in rehost_socket.
TEST(Accessors, CAuthPasswordIsNeverNull) {
  ScopedEnv env;
  EXPECT_STREQ(rehost_auth_password("default"), "");
  env.set("REDIS_PASSWORD", "from-env");
  EXPECT_STREQ(rehost_auth_password("default"), "from-env");
  env.set("REDIS_QUEUE_PORT", "notaport");
  EXPECT_STREQ(rehost_auth_password("queue"), "");
  ASSERT_NE(rehost_last_error(), nullptr);
  EXPECT_EQ(std::string(rehost_last_error()).find("from-env"),
            std::string::npos);
}

TEST(Accessors, CSocket) {
  ScopedEnv env;
  EXPECT_STREQ(rehost_socket("queue", "/tmp/r.sock"), "/tmp/r.sock");
  EXPECT_EQ(rehost_last_error(), nullptr);
  // --strict passes no fallback: an unset socket is "", never a NULL path.
  EXPECT_STREQ(rehost_socket("queue", nullptr), "");
  env.set("REDIS_QUEUE_SOCKET", "/run/queue.sock");
  EXPECT_STREQ(rehost_socket("queue", "/tmp/r.sock"), "/run/queue.sock");
  EXPECT_STREQ(rehost_socket("queue", nullptr), "/run/queue.sock");
  EXPECT_EQ(rehost_socket("bad/name", "/tmp/r.sock"), nullptr);
  EXPECT_NE(rehost_last_error(), nullptr);
}

} // namespace
