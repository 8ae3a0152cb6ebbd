//===- EnvWriterTest.cpp --------------------------------------------------===//

#include "rehost/EnvWriter.h"

#include "rehost/LLVMCompat.h"
#include "rehost/Project.h"
#include "rehost/RuntimeConfigWriter.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

// The runtime's C API: what `rehost env` names must be what it reads.
#include <rehost/rehost.h>

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>

namespace {

using rehost::testing::TempDir;
using rehost::testing::writeFile;

rehost::ProfileInfo profile(llvm::StringRef Name, llvm::StringRef Address) {
  rehost::ProfileInfo Info;
  Info.Name = Name.str();
  Info.Address = Address.str();
  Info.Endpoint = Address.str();
  Info.Variables = rehost::profileVariables(Name);
  Info.Sites = 1;
  return Info;
}

rehost::EnvInput read(const std::string &Path,
                      llvm::StringRef Environment = "") {
  llvm::Expected<rehost::EnvInput> Input =
      rehost::readEnvProfiles(Path, Environment);
  if (!Input) {
    ADD_FAILURE() << toString(Input.takeError());
    return {};
  }
  return std::move(*Input);
}

std::string readError(const std::string &Path) {
  llvm::Expected<rehost::EnvInput> Input = rehost::readEnvProfiles(Path);
  if (Input) {
    ADD_FAILURE() << "no error for " << Path;
    return {};
  }
  return toString(Input.takeError());
}

rehost::EnvProfile envProfile(llvm::StringRef Name, llvm::StringRef Address,
                              bool Password = false, bool User = false) {
  rehost::EnvProfile P;
  P.Name = Name.str();
  P.Address = Address.str();
  P.AddressFrom = Address.empty() ? rehost::EnvProfile::Origin::None
                                  : rehost::EnvProfile::Origin::CallSite;
  P.CodeHadPassword = Password;
  P.CodeHadUser = User;
  return P;
}

std::string render(llvm::ArrayRef<rehost::EnvProfile> Profiles,
                   rehost::EnvFormat Format) {
  rehost::EnvOptions Options;
  Options.Format = Format;
  return rehost::renderEnv(Profiles, Options);
}

/// NAME=VALUE lines of a dotenv text (comments and blank lines skipped).
std::map<std::string, std::string> dotenvLines(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 32> Lines;
  Text.split(Lines, '\n');
  std::map<std::string, std::string> Out;
  for (llvm::StringRef Line : Lines)
    if (!Line.empty() && !rehost::startsWith(Line, "#")) {
      auto [Name, Value] = Line.split('=');
      Out[Name.str()] = Value.str();
    }
  return Out;
}

TEST(EnvWriter, ReadsTheFileFixWrites) {
  TempDir Dir("rehost-env");
  std::string Path = Dir.path("rehost.toml");
  rehost::ProfileInfo Queue = profile("queue", "redis://10.0.0.12:6380/2");
  Queue.MustSet = {"REDIS_QUEUE_USERNAME", "REDIS_QUEUE_PASSWORD"};
  rehost::ProfileInfo Cache = profile("my-cache", "redis://cache:6379");
  Cache.MustSet = {"REDIS_MY_CACHE_PASSWORD"};
  ASSERT_FALSE(rehost::writeRuntimeConfig(
      Path,
      {profile("default", "redis://127.0.0.1:6379"), Queue, Cache,
       profile("nodes", "redis://n1:7000,n2:7001")},
      /*Strict=*/false));

  rehost::EnvInput Input = read(Path);
  EXPECT_TRUE(Input.Warnings.empty());
  ASSERT_EQ(Input.Profiles.size(), 4u);
  // "default" first, then by name.
  EXPECT_EQ(Input.Profiles[0].Name, "default");
  // What the runtime resolves from the call_site, db spelled out.
  EXPECT_EQ(Input.Profiles[0].Address, "redis://127.0.0.1:6379/0");
  EXPECT_EQ(Input.Profiles[0].AddressFrom,
            rehost::EnvProfile::Origin::CallSite);
  EXPECT_FALSE(Input.Profiles[0].CodeHadPassword);
  EXPECT_EQ(Input.Profiles[1].Name, "my-cache");
  EXPECT_TRUE(Input.Profiles[1].CodeHadPassword);
  EXPECT_FALSE(Input.Profiles[1].CodeHadUser);
  // A node list has no call_site; the comment still says it.
  EXPECT_EQ(Input.Profiles[2].Name, "nodes");
  EXPECT_EQ(Input.Profiles[2].Address, "redis://n1:7000,n2:7001");
  EXPECT_EQ(Input.Profiles[2].AddressFrom, rehost::EnvProfile::Origin::Comment);
  EXPECT_EQ(Input.Profiles[3].Name, "queue");
  EXPECT_EQ(Input.Profiles[3].Address, "redis://10.0.0.12:6380/2");
  EXPECT_TRUE(Input.Profiles[3].CodeHadPassword);
  EXPECT_TRUE(Input.Profiles[3].CodeHadUser);
}

TEST(EnvWriter, ReadsAStrictFilesKeys) {
  TempDir Dir("rehost-env");
  std::string Path = Dir.path("rehost.toml");
  ASSERT_FALSE(rehost::writeRuntimeConfig(
      Path,
      {profile("default", "rediss://cache.internal:6380/2"),
       profile("sock", "unix:///run/redis/redis.sock"),
       profile("nodes", "redis://n1:7000,n2:7001")},
      /*Strict=*/true));
  rehost::EnvInput Input = read(Path);
  ASSERT_EQ(Input.Profiles.size(), 3u);
  EXPECT_EQ(Input.Profiles[0].Address, "rediss://cache.internal:6380/2");
  EXPECT_EQ(Input.Profiles[0].AddressFrom, rehost::EnvProfile::Origin::Keys);
  EXPECT_EQ(Input.Profiles[1].Address, "redis://n1:7000,n2:7001");
  EXPECT_EQ(Input.Profiles[2].Address, "unix:///run/redis/redis.sock");
}

// Each format follows its environment's overlay, through the runtime's own
// resolution: an overlay's URL over base keys, its db over a base URL, a
// profile only the overlay has; the base's ACL user stays.
TEST(EnvWriter, FollowsTheEnvironmentsOverlay) {
  TempDir Dir("rehost-env");
  std::string Path = Dir.path("rehost.toml");
  writeFile(Path, "[profiles.queue]\n"
                  "host = \"127.0.0.2\"\n"
                  "port = 7000\n"
                  "username = \"app\"\n"
                  "[environments.kubernetes.profiles.queue]\n"
                  "url = \"redis://127.0.0.1:7001/3\"\n"
                  "[environments.kubernetes.profiles.extra]\n"
                  "call_site = \"redis://127.0.0.6:6379\"\n"
                  "[environments.container.profiles.queue]\n"
                  "db = 5\n");
  EXPECT_EQ(rehost::formatEnvironment(rehost::EnvFormat::Kubernetes),
            "kubernetes");
  llvm::Expected<rehost::EnvInput> K8s =
      rehost::readEnvProfiles(Path, "kubernetes");
  ASSERT_TRUE(bool(K8s)) << toString(K8s.takeError());
  ASSERT_EQ(K8s->Profiles.size(), 2u);
  EXPECT_EQ(K8s->Profiles[0].Name, "extra");
  EXPECT_EQ(K8s->Profiles[0].Address, "redis://127.0.0.6:6379/0");
  EXPECT_EQ(K8s->Profiles[0].AddressFrom, rehost::EnvProfile::Origin::CallSite);
  EXPECT_EQ(K8s->Profiles[1].Address, "redis://127.0.0.1:7001/3?username=app");
  EXPECT_EQ(K8s->Profiles[1].Tables,
            (std::vector<std::string>{"environments.kubernetes.profiles.queue",
                                      "profiles.queue"}));
  EXPECT_EQ(K8s->Environments,
            (std::vector<std::string>{"container", "kubernetes"}));
  rehost::EnvInput Container = read(Path, "container");
  ASSERT_EQ(Container.Profiles.size(), 1u);
  EXPECT_EQ(Container.Profiles[0].Address,
            "redis://127.0.0.2:7000/5?username=app");
  rehost::EnvInput Base = read(Path);
  ASSERT_EQ(Base.Profiles.size(), 1u);
  EXPECT_EQ(Base.Profiles[0].Address, "redis://127.0.0.2:7000/0?username=app");
  EXPECT_EQ(Base.Profiles[0].Tables,
            (std::vector<std::string>{"profiles.queue"}));
  // The user travels in the URL, so no USERNAME variable is asked for.
  Base.Profiles[0].CodeHadUser = true;
  EXPECT_EQ(rehost::secretVariables(Base.Profiles[0]),
            (std::vector<std::string>{"REDIS_QUEUE_PASSWORD"}));
}

// Whatever the source path or a value holds, each comment stays one comment
// line and each value one double-quoted YAML scalar.
TEST(EnvWriter, ControlCharactersCannotBreakTheOutput) {
  rehost::EnvProfile Nodes =
      envProfile("nodes", "redis://h\xe2\x80\xa8x:7000,h\xc2\x85y:7001");
  for (rehost::EnvFormat Format :
       {rehost::EnvFormat::Dotenv, rehost::EnvFormat::Kubernetes,
        rehost::EnvFormat::Compose}) {
    rehost::EnvOptions Options;
    Options.Format = Format;
    Options.Source = "odd\n: #\x1b\t\xff\xe2\x80\xa9.toml";
    Options.Environment = "k\n8s";
    std::string Text = rehost::renderEnv({Nodes}, Options);
    for (const char *Bad : {"\x1b", "\t", "\xff", "\xe2\x80\xa9", "\n8s"})
      EXPECT_LACKS(Text, Bad);
    EXPECT_CONTAINS(Text, "from odd?: #???\?.toml");
    if (Format != rehost::EnvFormat::Dotenv) {
      EXPECT_CONTAINS(Text, "\"h\\u2028x:7000,h\\u0085y:7001\"");
      EXPECT_LACKS(Text, "\xe2\x80\xa8");
    }
  }
}

TEST(EnvWriter, ErrorsNameTheFile) {
  TempDir Dir("rehost-env");
  std::string Missing = Dir.path("absent.toml");
  EXPECT_CONTAINS(readError(Missing),
                  Missing + ": cannot read the runtime's config file");
  std::string Bad = Dir.path("bad.toml");
  writeFile(Bad, "[profiles.default\n");
  EXPECT_CONTAINS(readError(Bad), Bad + ":1:18: invalid TOML");
  std::string BadName = Dir.path("name.toml");
  writeFile(BadName, "[profiles.\"a b\"]\n");
  EXPECT_CONTAINS(readError(BadName), BadName + ":1:11: profiles.a b: a "
                                                "profile name may hold only");
  std::string Empty = Dir.path("empty.toml");
  writeFile(Empty, "# nothing\n");
  EXPECT_TRUE(read(Empty).Profiles.empty());
}

TEST(EnvWriter, APasswordInTheFileIsNeverCopied) {
  TempDir Dir("rehost-env");
  std::string Path = Dir.path("rehost.toml");
  writeFile(Path, "[profiles.default]\n"
                  "url = \"redis://:url-secret@10.1.1.1:6379/4\"\n"
                  "[profiles.queue]\n"
                  "host = \"q\"\n"
                  "password = \"key-secret\"\n"
                  "[environments.kubernetes.profiles.queue]\n"
                  "password = \"overlay-secret\"\n"
                  "[environments.local.profiles.default]\n"
                  "password = 123456\n");
  rehost::EnvInput Input = read(Path);
  ASSERT_EQ(Input.Warnings.size(), 4u);
  EXPECT_CONTAINS(Input.Warnings[0],
                  Path + ":2:7: profiles.default.url: the URL holds a "
                         "password");
  EXPECT_CONTAINS(Input.Warnings[0], "Set REDIS_PASSWORD from the deployment");
  EXPECT_CONTAINS(Input.Warnings[1], Path + ":5:12: profiles.queue.password");
  EXPECT_CONTAINS(Input.Warnings[1], "Set REDIS_QUEUE_PASSWORD");
  EXPECT_CONTAINS(Input.Warnings[2],
                  "environments.kubernetes.profiles.queue.password");
  EXPECT_CONTAINS(Input.Warnings[3],
                  Path + ":9:12: environments.local.profiles.default.password");
  EXPECT_LACKS(Input.Warnings[3], "123456");
  ASSERT_EQ(Input.Profiles.size(), 2u);
  EXPECT_EQ(Input.Profiles[0].Address, "redis://10.1.1.1:6379/4");
  for (rehost::EnvFormat Format :
       {rehost::EnvFormat::Dotenv, rehost::EnvFormat::Kubernetes,
        rehost::EnvFormat::Compose}) {
    std::string Text = render(Input.Profiles, Format);
    for (const char *Secret : {"url-secret", "key-secret", "overlay-secret"})
      EXPECT_LACKS(Text, Secret);
  }
  for (const std::string &Warning : Input.Warnings)
    for (const char *Secret : {"url-secret", "key-secret", "overlay-secret"})
      EXPECT_LACKS(Warning, Secret);
}

TEST(EnvWriter, DotenvNamesEveryProfilesVariables) {
  std::string Text =
      render({envProfile("default", "redis://127.0.0.1:6379"),
              envProfile("queue", "redis://10.0.0.12:6380/2", true, true),
              envProfile("nodes", "redis://n1:7000,n2:7001"),
              envProfile("sock", "unix:///run/redis.sock?db=2"),
              envProfile("lost", "")},
             rehost::EnvFormat::Dotenv);
  EXPECT_EQ(dotenvLines(Text),
            (std::map<std::string, std::string>{
                {"REDIS_URL", "redis://127.0.0.1:6379/0"},
                {"REDIS_PASSWORD", ""},
                {"REDIS_QUEUE_URL", "redis://10.0.0.12:6380/2"},
                {"REDIS_QUEUE_USERNAME", ""},
                {"REDIS_QUEUE_PASSWORD", ""},
                {"REDIS_NODES_CLUSTER_NODES", "n1:7000,n2:7001"},
                {"REDIS_NODES_PASSWORD", ""},
                // '?' would be a glob to a shell.
                {"REDIS_SOCK_URL", "'unix:///run/redis.sock?db=2'"},
                {"REDIS_SOCK_PASSWORD", ""},
                {"REDIS_LOST_URL", ""},
                {"REDIS_LOST_PASSWORD", ""}}));
  EXPECT_CONTAINS(Text, "# REDIS_QUEUE_PASSWORD: required: rehost fix moved "
                        "the code's password out of it.\nREDIS_QUEUE_PASSWORD="
                        "\n");
  EXPECT_CONTAINS(Text, "# Profile lost: rehost.toml does not say its "
                        "endpoint: set REDIS_LOST_URL.\n");
}

TEST(EnvWriter, KubernetesAndComposeKeepSecretsOut) {
  std::vector<rehost::EnvProfile> Profiles = {
      envProfile("default", "redis://127.0.0.1:6379"),
      envProfile("queue", "redis://10.0.0.12:6380", true)};
  std::string K8s = render(Profiles, rehost::EnvFormat::Kubernetes);
  EXPECT_CONTAINS(K8s, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
                       "rehost\ndata:\n");
  EXPECT_CONTAINS(K8s, "  REDIS_QUEUE_URL: \"redis://10.0.0.12:6380/0\"\n");
  EXPECT_CONTAINS(K8s, "kind: Secret\nmetadata:\n  name: rehost\ntype: "
                       "Opaque\nstringData:\n");
  EXPECT_CONTAINS(K8s, "  REDIS_QUEUE_PASSWORD: \"\"\n");
  std::string Compose = render(Profiles, rehost::EnvFormat::Compose);
  EXPECT_CONTAINS(Compose, "services:\n  rehost:\n    environment:\n");
  EXPECT_CONTAINS(Compose, "      REDIS_PASSWORD: \"${REDIS_PASSWORD:-}\"\n");
  EXPECT_CONTAINS(Compose, "      REDIS_QUEUE_PASSWORD: "
                           "\"${REDIS_QUEUE_PASSWORD:?set "
                           "REDIS_QUEUE_PASSWORD}\"\n");
  // The same input, the same text.
  EXPECT_EQ(K8s, render(Profiles, rehost::EnvFormat::Kubernetes));
}

TEST(EnvWriter, KubernetesNames) {
  for (const char *Good : {"rehost", "a", "my-app.redis", "x1-2"})
    EXPECT_FALSE(bool(rehost::checkKubernetesName(Good))) << Good;
  for (const char *Bad : {"", "Rehost", "-a", "a-", "a..b", "a_b", "a b"}) {
    llvm::Error Err = rehost::checkKubernetesName(Bad);
    EXPECT_TRUE(bool(Err)) << Bad;
    llvm::consumeError(std::move(Err));
  }
  llvm::Error Long = rehost::checkKubernetesName(std::string(254, 'a'));
  EXPECT_CONTAINS(toString(std::move(Long)), "longer than 253");
}

TEST(EnvWriter, FormatNames) {
  EXPECT_EQ(*rehost::parseEnvFormat("k8s"), rehost::EnvFormat::Kubernetes);
  llvm::Expected<rehost::EnvFormat> Bad = rehost::parseEnvFormat("yaml");
  ASSERT_FALSE(bool(Bad));
  EXPECT_EQ(toString(Bad.takeError()),
            "unknown format 'yaml'; expected dotenv, k8s or compose");
}

/// Sets and then unsets environment variables.
class ScopedEnv {
public:
  ~ScopedEnv() {
    for (const std::string &Name : Names)
      ::unsetenv(Name.c_str());
  }
  void set(const std::string &Name, const std::string &Value) {
    Names.push_back(Name);
    ::setenv(Name.c_str(), Value.c_str(), 1);
  }

private:
  std::vector<std::string> Names;
};

// One place decides the names (profileVariable); this proves the runtime
// reads every name `rehost env` writes, the _FILE form its header offers
// included, so a rename on either side fails here.
TEST(EnvWriter, TheRuntimeReadsWhatEnvNames) {
  TempDir Dir("rehost-env");
  std::string Config = Dir.path("rehost.toml");
  writeFile(Config, "");
  ScopedEnv Env;
  Env.set("REHOST_CONFIG", Config);
  std::vector<rehost::EnvProfile> Profiles = {
      envProfile("default", "redis://10.0.0.5:6390/3", true),
      envProfile("env-queue", "redis://10.0.0.12:6380", true, true),
      envProfile("env-nodes", "redis://n1:7000,n2:7001")};
  for (const auto &[Name, Value] :
       dotenvLines(render(Profiles, rehost::EnvFormat::Dotenv)))
    Env.set(Name, Value.empty() ? "from-env-" + Name : Value);

  EXPECT_STREQ(rehost_host("default", "fallback"), "10.0.0.5")
      << rehost_last_error();
  EXPECT_EQ(rehost_port("default", 1), 6390);
  EXPECT_EQ(rehost_db("default", 0), 3);
  EXPECT_STREQ(rehost_password("default", nullptr), "from-env-REDIS_PASSWORD");
  EXPECT_STREQ(rehost_host("env-queue", "fallback"), "10.0.0.12");
  EXPECT_EQ(rehost_port("env-queue", 1), 6380);
  EXPECT_EQ(rehost_db("env-queue", 7), 0);
  EXPECT_STREQ(rehost_username("env-queue", nullptr),
               "from-env-REDIS_ENV_QUEUE_USERNAME");
  EXPECT_STREQ(rehost_password("env-queue", nullptr),
               "from-env-REDIS_ENV_QUEUE_PASSWORD");
  EXPECT_STREQ(rehost_cluster_nodes("env-nodes", nullptr), "n1:7000,n2:7001")
      << rehost_last_error();

  // NAME_FILE, as the header comment offers instead of NAME=.
  std::string Secret = Dir.path("queue-password");
  writeFile(Secret, "from-file\n");
  std::string Variable = rehost::secretVariables(Profiles[1]).back();
  ::unsetenv(Variable.c_str());
  Env.set(Variable + "_FILE", Secret);
  EXPECT_STREQ(rehost_password("env-queue", nullptr), "from-file")
      << rehost_last_error();
}

// profileVariables lists what rehost.toml's comments and the fix report say
// overrides a profile: each must be a variable the runtime reads.
TEST(EnvWriter, TheRuntimeReadsEveryProfileVariable) {
  TempDir Dir("rehost-env");
  std::string Config = Dir.path("rehost.toml");
  writeFile(Config, "");
  ScopedEnv Env;
  Env.set("REHOST_CONFIG", Config);
  for (const std::string &Variable : rehost::profileVariables("pv-one")) {
    llvm::StringRef Part = llvm::StringRef(Variable).rsplit('_').second;
    Env.set(Variable, Part == "URL"      ? "redis://from-url:6001"
                      : Part == "HOST"   ? "from-host"
                      : Part == "PORT"   ? "6002"
                      : Part == "SOCKET" ? "/run/from-socket.sock"
                                         : "from-password");
    if (Part == "URL")
      EXPECT_STREQ(rehost_host("pv-one", "fallback"), "from-url") << Variable;
    else if (Part == "HOST")
      EXPECT_STREQ(rehost_host("pv-one", "fallback"), "from-host") << Variable;
    else if (Part == "PORT")
      EXPECT_EQ(rehost_port("pv-one", 1), 6002) << Variable;
    else if (Part == "SOCKET")
      EXPECT_STREQ(rehost_socket("pv-one", ""), "/run/from-socket.sock")
          << Variable;
    else if (Part == "PASSWORD")
      EXPECT_STREQ(rehost_password("pv-one", nullptr), "from-password")
          << Variable;
    else
      ADD_FAILURE() << Variable << ": no check for this variable yet";
    ::unsetenv(Variable.c_str());
  }
}

} // namespace
