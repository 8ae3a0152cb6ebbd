// rehost.toml: profiles, overlays, precedence against the environment.
#include "scoped_env.hpp"
#include "test_support.hpp"

#include <filesystem>

using namespace rehost;
using namespace rehost::test;

namespace {

const char *config = R"(
[profiles.default]
host = "file-host"
port = 7000
db = 1
connect_timeout = "300ms"

[profiles.queue]
url = "redis://queue-host:7001/2"
client_name = "queue-worker"
cluster_nodes = ["n1:1", "n2:2"]

[profiles.sock]
socket = "/run/redis.sock"

[environments.production.profiles.default]
host = "prod-host"

[environments.kubernetes.profiles.default]
port = 7100

[environments.production.profiles.sock]
host = "tcp-host"
)";

TEST(ConfigFile, ProfilesWithOrigins) {
  ScopedEnv env;
  TempDir dir;
  std::string path = dir.write("rehost.toml", config);
  env.set("REHOST_CONFIG", path);
  env.set("REHOST_ENV", "staging");
  Profile p = resolve("default");
  EXPECT_EQ(p.config_path, path);
  EXPECT_EQ(p.environment, "staging");
  EXPECT_EQ(p.host.value, "file-host");
  EXPECT_EQ(p.port.value, 7000);
  EXPECT_EQ(p.db.value, 1);
  EXPECT_EQ(p.connect_timeout.value.count(), 300);
  EXPECT_EQ(p.port.origin.source, Source::config_file);
  EXPECT_EQ(p.port.origin.to_string(),
            "file:" + path + ": profiles.default.port");

  Profile q = resolve("queue");
  EXPECT_EQ(q.host.value, "queue-host");
  EXPECT_EQ(q.db.value, 2);
  EXPECT_EQ(q.host.origin.name, path + ": profiles.queue.url");
  EXPECT_EQ(q.client_name.value, "queue-worker");
  EXPECT_EQ(q.cluster_nodes.value.size(), 2u);
}

TEST(ConfigFile, WorkingDirectoryFile) {
  ScopedEnv env;
  TempDir dir;
  dir.write("rehost.toml", config);
  ScopedCwd cwd(dir.path());
  EXPECT_EQ(resolve("default").host.value, "file-host");
}

TEST(ConfigFile, NamedOverlay) {
  ScopedEnv env;
  TempDir dir;
  env.set("REHOST_CONFIG", dir.write("rehost.toml", config));
  env.set("REHOST_ENV", "production");
  Profile p = resolve("default");
  EXPECT_EQ(p.host.value, "prod-host");
  EXPECT_NE(p.host.origin.name.find("environments.production.profiles.default"
                                    ".host"),
            std::string::npos);
  EXPECT_EQ(p.port.value, 7000) << "the base table fills the rest";
  Profile s = resolve("sock");
  EXPECT_EQ(s.transport.value, Transport::tcp) << "overlay host beats socket";
  EXPECT_EQ(s.host.value, "tcp-host");
}

TEST(ConfigFile, DetectedOverlay) {
  ScopedEnv env;
  TempDir dir;
  env.set("REHOST_CONFIG", dir.write("rehost.toml", config));
  env.set("KUBERNETES_SERVICE_HOST", "10.96.0.1");
  Profile p = resolve("default");
  EXPECT_EQ(p.environment, "kubernetes");
  EXPECT_EQ(p.port.value, 7100);
}

TEST(ConfigFile, DetectedEnvironmentWithoutKubernetes) {
  ScopedEnv env;
  std::error_code ignored;
  bool container = std::filesystem::exists("/.dockerenv", ignored) ||
                   std::filesystem::exists("/run/.containerenv", ignored);
  EXPECT_EQ(resolve("default").environment, container ? "container" : "local");
}

TEST(ConfigFile, PrecedenceEnvFileCallSiteDefault) {
  ScopedEnv env;
  TempDir dir;
  env.set("REHOST_CONFIG", dir.write("rehost.toml", config));
  // file beats call site
  EXPECT_STREQ(rehost_host("default", "site-host"), "file-host");
  EXPECT_EQ(rehost_port("default", 6380), 7000);
  // call site beats default
  EXPECT_STREQ(rehost_host("unlisted", "site-host"), "site-host");
  // environment beats file
  env.set("REDIS_PORT", "7500");
  EXPECT_EQ(rehost_port("default", 6380), 7500);
  EXPECT_STREQ(rehost_host("default", "site-host"), "file-host");
}

TEST(ConfigFile, PasswordFile) {
  ScopedEnv env;
  TempDir dir;
  std::string secret_path = dir.write("pw", "from-file\n");
  env.set("REHOST_CONFIG",
          dir.write("rehost.toml", "[profiles.default]\npassword_file = \"" +
                                       secret_path + "\"\n"));
  EXPECT_STREQ(rehost_password("default", nullptr), "from-file");
}

struct BadConfig {
  std::string toml;
  std::string message; // after "<path>: "
};

void PrintTo(const BadConfig &bad, std::ostream *out) { *out << bad.message; }

class BadConfigs : public ::testing::TestWithParam<BadConfig> {};

TEST_P(BadConfigs, NameTheFileAndKey) {
  ScopedEnv env;
  TempDir dir;
  std::string path = dir.write("rehost.toml", GetParam().toml);
  env.set("REHOST_CONFIG", path);
  expect_config_error("default", path + GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    ConfigFile, BadConfigs,
    ::testing::Values(
        BadConfig{"[profiles.default]\npassword = \"" + secret +
                      "\"\nport = \"notaport\"\n",
                  ": profiles.default.port: port 'notaport' is not a number"},
        BadConfig{"[profiles.default]\ncolour = \"blue\"\n",
                  ": profiles.default.colour: unknown key"},
        BadConfig{"[profiles.default]\nurl = \"redis://:" + secret + "@h:x\"\n",
                  ": profiles.default.url: port 'x' is not a number"},
        BadConfig{"[profiles.default]\npassword = \"" + secret +
                      "\"\npassword_file = \"/x\"\n",
                  ": profiles.default.password and "},
        BadConfig{"[profiles.default]\nhost = [1, 2]\n",
                  ": profiles.default.host: array items must be strings"},
        BadConfig{"[profiles.default]\nhost = { a = 1 }\n",
                  ": profiles.default.host: expected a string"},
        BadConfig{"profiles = 3\n", ": profiles: expected a table"},
        BadConfig{"[profiles.default\nhost = 1\n", ":1:"}),
    [](const auto &info) { return "case" + std::to_string(info.index); });

TEST(ConfigFile, MissingExplicitFile) {
  ScopedEnv env;
  env.set("REHOST_CONFIG", "/nonexistent/rehost.toml");
  expect_config_error("default",
                      "REHOST_CONFIG: cannot read '/nonexistent/rehost.toml'");
}

} // namespace

// Files toml++ 3.3.0 mishandles are refused before it reads them, with the
// position; the tool's check runs the same table (ToolConfigTest.cpp).
namespace {

struct TomlInput {
  const char *text;
  unsigned line;
  unsigned column;
  const char *reason;
};

const TomlInput bad_toml[] = {
#define REHOST_BAD_TOML(text, line, column, reason)                            \
  {text, line, column, reason},
#define REHOST_GOOD_TOML(text)
#include "toml_bad_inputs.inc"
#undef REHOST_BAD_TOML
#undef REHOST_GOOD_TOML
};

const char *const good_toml[] = {
#define REHOST_BAD_TOML(text, line, column, reason)
#define REHOST_GOOD_TOML(text) text,
#include "toml_bad_inputs.inc"
#undef REHOST_BAD_TOML
#undef REHOST_GOOD_TOML
};

TEST(ConfigFile, InputsTomlPlusPlusMishandlesAreRefused) {
  for (const TomlInput &bad : bad_toml) {
    SCOPED_TRACE(bad.text);
    ScopedEnv env;
    TempDir dir;
    std::string path = dir.write("rehost.toml", bad.text);
    env.set("REHOST_CONFIG", path);
    expect_config_error("default", path + ":" + std::to_string(bad.line) + ":" +
                                       std::to_string(bad.column) + ": " +
                                       bad.reason);
  }
}

TEST(ConfigFile, NonAsciiInStringsAndCommentsIsFine) {
  for (const char *good : good_toml) {
    SCOPED_TRACE(good);
    ScopedEnv env;
    TempDir dir;
    env.set("REHOST_CONFIG", dir.write("rehost.toml", good));
    try {
      resolve("default");
    } catch (const ConfigError &error) {
      ADD_FAILURE() << error.what();
    }
  }
}

} // namespace

// rehost env's reading: the file alone for a named environment, whatever the
// process's own REDIS_* variables and REHOST_ENV say.
TEST(ConfigFile, ResolveFromConfigFileFollowsTheNamedOverlayOnly) {
  ScopedEnv env;
  TempDir dir;
  std::string path = dir.write("rehost.toml", config);
  env.set("REHOST_ENV", "production");
  env.set("REDIS_HOST", "env-host");
  Profile k8s = resolve_from_config_file("default", path, "kubernetes");
  EXPECT_EQ(k8s.environment, "kubernetes");
  EXPECT_EQ(k8s.host.value, "file-host");
  EXPECT_EQ(k8s.port.value, 7100);
  EXPECT_EQ(k8s.port.origin.name,
            path + ": environments.kubernetes.profiles.default.port");
  Profile base = resolve_from_config_file("default", path, "");
  EXPECT_EQ(base.port.value, 7000);
  EXPECT_EQ(base.host.origin.source, Source::config_file);
  Profile sock = resolve_from_config_file("sock", path, "production");
  EXPECT_EQ(sock.transport.value, Transport::tcp);
  EXPECT_EQ(sock.host.value, "tcp-host");
}

TEST(ConfigFile, ResolveFromConfigFileUsesTheRecordedCallSite) {
  ScopedEnv env;
  TempDir dir;
  std::string path = dir.write("rehost.toml", R"(
[profiles.queue]
call_site = "redis://10.1.2.3:6380"
db = 4
password_file = "/run/secrets/only-where-the-service-runs"
)");
  Profile p = resolve_from_config_file("queue", path, "");
  EXPECT_EQ(p.host.value, "10.1.2.3");
  EXPECT_EQ(p.host.origin.source, Source::call_site);
  EXPECT_EQ(p.db.value, 4);
  EXPECT_EQ(p.password.value, "");
  EXPECT_THROW(resolve_from_config_file(
                   "queue", (dir.path() / "none.toml").string(), ""),
               ConfigError);
}
