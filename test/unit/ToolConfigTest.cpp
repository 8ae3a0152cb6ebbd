//===- ToolConfigTest.cpp -------------------------------------------------===//

#include "rehost/ToolConfig.h"

#include "rehost/Paths.h"
#include "rehost/RuntimeConfigWriter.h"
#include "rehost/TomlCheck.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

namespace {

using rehost::testing::TempDir;

const char *const ConfigPath = "/proj/.rehost.toml";

rehost::ToolConfig parse(llvm::StringRef Text) {
  llvm::Expected<rehost::ToolConfig> C =
      rehost::parseToolConfig(Text, ConfigPath);
  if (!C) {
    ADD_FAILURE() << toString(C.takeError());
    return {};
  }
  return std::move(*C);
}

std::string parseError(llvm::StringRef Text) {
  llvm::Expected<rehost::ToolConfig> C =
      rehost::parseToolConfig(Text, ConfigPath);
  if (C) {
    ADD_FAILURE() << "expected an error for:\n" << Text.str();
    return {};
  }
  return toString(C.takeError());
}

TEST(ToolConfig, ReadsEveryKey) {
  rehost::ToolConfig C = parse(R"(
[profiles]
queue = "redis://10.0.0.12:6380"
cache = "unix:///var/run/redis/cache.sock"
[scan]
exclude = ["third_party/**", "build/**"]
allow_hosts = ["redis.internal"]
[report]
format = "markdown"
output = "reports/rehost-report.md"
)");
  EXPECT_EQ(C.Path, ConfigPath);
  std::map<std::string, std::string> Names = {
      {"redis://10.0.0.12:6380", "queue"},
      {"unix:///var/run/redis/cache.sock", "cache"}};
  EXPECT_EQ(C.ProfileNames, Names);
  EXPECT_EQ(C.Exclude,
            (std::vector<std::string>{"third_party/**", "build/**"}));
  EXPECT_EQ(C.AllowHosts, std::vector<std::string>{"redis.internal"});
  EXPECT_EQ(C.ReportFormat, "markdown");
  EXPECT_EQ(C.ReportOutput, "/proj/reports/rehost-report.md");
}

TEST(ToolConfig, EmptyFileGivesDefaults) {
  rehost::ToolConfig C = parse("# nothing yet\n");
  EXPECT_TRUE(C.ProfileNames.empty());
  EXPECT_TRUE(C.Exclude.empty());
  EXPECT_TRUE(C.ReportFormat.empty());
  EXPECT_TRUE(C.ReportOutput.empty());
}

TEST(ToolConfig, ProfileKeysAreEndpointAddresses) {
  rehost::ToolConfig C = parse(R"([profiles]
default = "redis://cache.internal"
legacy = "tcp://10.0.0.5:6380/0"
secure = "rediss://secure.example.com:6390/2"
v6 = "redis://[::1]:7000"
nodes = "redis://n1:7000, n2:7001"
)");
  std::map<std::string, std::string> Names = {
      {"redis://cache.internal:6379", "default"},
      {"redis://10.0.0.5:6380", "legacy"},
      {"rediss://secure.example.com:6390/2", "secure"},
      {"redis://127.0.0.1:7000", "v6"},
      {"redis://n1:7000,n2:7001", "nodes"}};
  EXPECT_EQ(C.ProfileNames, Names);
}

TEST(ToolConfig, SyntaxErrorNamesFileLineAndColumn) {
  std::string E = parseError("[profiles]\nqueue = \"redis://h\n");
  EXPECT_CONTAINS(E, ("/proj/.rehost.toml:2:"));
  EXPECT_CONTAINS(E, ("invalid TOML"));
}

TEST(ToolConfig, BadProfileName) {
  std::string E = parseError("[profiles]\n\"my queue\" = \"redis://h\"\n");
  EXPECT_CONTAINS(E, ("/proj/.rehost.toml:2:1: profiles.my queue: a "
                      "profile name may hold only letters, digits"));
}

TEST(ToolConfig, UriThatDoesNotParse) {
  EXPECT_EQ(parseError("[profiles]\nqueue = \"10.0.0.1:6379\"\n"),
            "/proj/.rehost.toml:2:9: profiles.queue: expected a URI such as "
            "redis://host:port or unix:///path");
  EXPECT_CONTAINS(parseError("[profiles]\nqueue = \"http://h\"\n"),
                  ("profiles.queue: unsupported URI scheme"));
  EXPECT_CONTAINS(parseError("[profiles]\nqueue = \"redis://\"\n"),
                  ("profiles.queue: the URI names no host"));
  EXPECT_CONTAINS(parseError("[profiles]\nqueue = \"unix://run/r.sock\"\n"),
                  ("profiles.queue: a unix socket path must be absolute"));
  EXPECT_CONTAINS(parseError("[profiles]\nqueue = \"redis://h/x\"\n"),
                  ("profiles.queue: the database after '/' must be a "
                   "number"));
  EXPECT_CONTAINS(parseError("[profiles]\nq = \"redis://a:1,b\"\n"),
                  ("profiles.q: each node of a node list"));
}

TEST(ToolConfig, CredentialsAreRefusedWithoutEchoingThem) {
  for (const char *Uri :
       {"redis://:hunter2@h", "redis://alice:hunter2@h:6380", "tcp://hunter2@h",
        "unix://hunter2@/run/r.sock", "redis://hunter2@h"}) {
    std::string E =
        parseError(std::string("[profiles]\nqueue = \"") + Uri + "\"\n");
    EXPECT_CONTAINS(E, ("/proj/.rehost.toml:2:9: profiles.queue: the "
                        "URI carries credentials"))
        << Uri;
    EXPECT_CONTAINS(E, ("REDIS_QUEUE_PASSWORD or "
                        "REDIS_QUEUE_PASSWORD_FILE"));
    EXPECT_LACKS(E, (("hunter2"))) << Uri;
  }
  // Passwords in odd places are not echoed either.
  for (const char *Uri : {"redis://h?password=hunter2", "redis://h:hunter2"}) {
    std::string E =
        parseError(std::string("[profiles]\nqueue = \"") + Uri + "\"\n");
    EXPECT_CONTAINS(E, ("profiles.queue: ")) << Uri;
    EXPECT_LACKS(E, (("hunter2"))) << Uri;
  }
}

TEST(ToolConfig, OneNamePerEndpoint) {
  EXPECT_EQ(parseError("[profiles]\na = \"redis://h\"\nb = "
                       "\"redis://h:6379/0\"\n"),
            "/proj/.rehost.toml:3:5: profiles.b: names the same endpoint "
            "(redis://h:6379) as profiles.a; give each endpoint one name");
  EXPECT_CONTAINS(parseError("[profiles]\nmy-cache = \"redis://a\"\nmy_cache = "
                             "\"redis://b\"\n"),
                  ("profiles.my_cache: reads the same environment "
                   "variables (REDIS_MY_CACHE_URL, ...) as "
                   "profiles.my-cache"));
}

TEST(ToolConfig, UnknownKeysAreErrors) {
  EXPECT_EQ(parseError("[scann]\nexclude = []\n"),
            "/proj/.rehost.toml:1:2: scann: unknown key; expected "
            "[profiles], [scan], [report], [check], [[sinks]] or "
            "[[endpoint_fields]]");
  EXPECT_EQ(parseError("[scan]\nexcludes = [\"build\"]\n"),
            "/proj/.rehost.toml:2:1: scan.excludes: unknown key; expected "
            "exclude or allow_hosts");
  EXPECT_CONTAINS(parseError("[report]\nfromat = \"json\"\n"),
                  (":2:1: report.fromat: unknown key; expected format "
                   "or output"));
}

TEST(ToolConfig, WrongValueTypes) {
  EXPECT_EQ(parseError("profiles = 1\n"),
            "/proj/.rehost.toml:1:12: profiles: expected a table, found an "
            "integer");
  EXPECT_EQ(parseError("[profiles]\nqueue = 6380\n"),
            "/proj/.rehost.toml:2:9: profiles.queue: expected a string, "
            "found an integer");
  EXPECT_CONTAINS(parseError("[scan]\nexclude = \"build/**\"\n"),
                  (":2:11: scan.exclude: expected an array of strings, "
                   "found a string"));
  EXPECT_CONTAINS(parseError("[scan]\nexclude = [\"a\", 1]\n"),
                  (":2:17: scan.exclude[1]: expected a string, found an "
                   "integer"));
  EXPECT_CONTAINS(parseError("[report]\nformat = true\n"),
                  ("report.format: expected a string, found a boolean"));
  EXPECT_CONTAINS(parseError("[report]\noutput = \"\"\n"),
                  ("report.output: must not be empty"));
}

TEST(ToolConfig, BadScanEntries) {
  EXPECT_CONTAINS(parseError("[scan]\nexclude = [\"[a\"]\n"),
                  ("scan.exclude: bad glob pattern"));
  EXPECT_CONTAINS(parseError("[scan]\nexclude = [\"/abs/**\"]\n"),
                  ("scan.exclude: patterns are relative"));
  EXPECT_CONTAINS(parseError("[scan]\nallow_hosts = [\"redis://mesh\"]\n"),
                  ("scan.allow_hosts: expected a host name, not a URI"));
  EXPECT_CONTAINS(parseError("[scan]\nallow_hosts = [\"mesh:6379\"]\n"),
                  ("scan.allow_hosts: expected a host name without a "
                   "port"));
}

TEST(ToolConfig, ReadsDeclaredSinksAndEndpointFields) {
  rehost::ToolConfig C = parse(R"([[sinks]]
function = "RedisConnector::Connect"
host = 1
port = 2
password = 3

[[sinks]]
function = "open_cache"
uri = 2
host = 1

[[endpoint_fields]]
type = "REDIS_ENDPOINT"
host = "host"
port = "port"
)");
  using rehost::ArgRole;
  ASSERT_EQ(C.Sinks.size(), 2u);
  EXPECT_EQ(C.Sinks[0].Function, "RedisConnector::Connect");
  EXPECT_EQ(
      C.Sinks[0].Parameters,
      (std::vector<std::pair<ArgRole, unsigned>>{
          {ArgRole::Host, 0}, {ArgRole::Port, 1}, {ArgRole::Password, 2}}));
  EXPECT_EQ(C.Sinks[0].Line, 1u);
  // Any roles, in the order written (not the keys' sorted order).
  EXPECT_EQ(C.Sinks[1].Function, "open_cache");
  EXPECT_EQ(C.Sinks[1].Parameters, (std::vector<std::pair<ArgRole, unsigned>>{
                                       {ArgRole::Uri, 1}, {ArgRole::Host, 0}}));
  EXPECT_EQ(C.Sinks[1].Line, 7u);
  ASSERT_EQ(C.EndpointFields.size(), 1u);
  EXPECT_EQ(C.EndpointFields[0].Type, "REDIS_ENDPOINT");
  EXPECT_EQ(C.EndpointFields[0].Fields,
            (std::vector<std::pair<ArgRole, std::string>>{
                {ArgRole::Host, "host"}, {ArgRole::Port, "port"}}));
  EXPECT_EQ(C.EndpointFields[0].Line, 12u);
}

TEST(ToolConfig, EveryRoleKeyOfADeclaration) {
  rehost::ToolConfig C = parse(R"([[sinks]]
function = "ns::Pool::open"
host = 1
port = 2
unix_path = 3
uri = 4
nodes = 5
db = 6
user = 7
password = 64
[[endpoint_fields]]
type = "pool_cfg"
unix_path = "sock"
uri = "url"
nodes = "cluster"
db = "db_index"
user = "acl_user"
password = "_pw2"
)");
  using rehost::ArgRole;
  ASSERT_EQ(C.Sinks.size(), 1u);
  EXPECT_EQ(C.Sinks[0].Parameters, (std::vector<std::pair<ArgRole, unsigned>>{
                                       {ArgRole::Host, 0},
                                       {ArgRole::Port, 1},
                                       {ArgRole::UnixPath, 2},
                                       {ArgRole::Uri, 3},
                                       {ArgRole::Nodes, 4},
                                       {ArgRole::Db, 5},
                                       {ArgRole::User, 6},
                                       {ArgRole::Password, 63}}));
  ASSERT_EQ(C.EndpointFields.size(), 1u);
  EXPECT_EQ(C.EndpointFields[0].Fields,
            (std::vector<std::pair<ArgRole, std::string>>{
                {ArgRole::UnixPath, "sock"},
                {ArgRole::Uri, "url"},
                {ArgRole::Nodes, "cluster"},
                {ArgRole::Db, "db_index"},
                {ArgRole::User, "acl_user"},
                {ArgRole::Password, "_pw2"}}));
}

TEST(ToolConfig, BadDeclaredSinks) {
  const char *const Keys = "expected function, host, port, unix_path, uri, "
                           "nodes, db, user or password";
  EXPECT_EQ(
      parseError("[[sinks]]\nfunction = \"f\"\nhots = 1\n"),
      std::string("/proj/.rehost.toml:3:1: sinks[0].hots: unknown key; ") +
          Keys);
  EXPECT_EQ(parseError("[[sinks]]\nhost = 1\n"),
            "/proj/.rehost.toml:1:1: sinks[0].function: missing; give the "
            "qualified name of the function");
  EXPECT_EQ(parseError("[[sinks]]\nfunction = \"\"\nhost = 1\n"),
            "/proj/.rehost.toml:2:12: sinks[0].function: must not be empty");
  EXPECT_EQ(parseError("[[sinks]]\nfunction = 3\nhost = 1\n"),
            "/proj/.rehost.toml:2:12: sinks[0].function: expected a string, "
            "found an integer");
  EXPECT_EQ(parseError("[[sinks]]\nfunction = \"f(const char *, int)\"\n"
                       "host = 1\n"),
            "/proj/.rehost.toml:2:12: sinks[0].function: give the qualified "
            "name alone, without a parameter list");
  EXPECT_EQ(parseError("[[sinks]]\nfunction = \"f\"\nhost = \"1\"\n"),
            "/proj/.rehost.toml:3:8: sinks[0].host: expected a parameter "
            "position (1 for the first parameter), found a string");
  EXPECT_EQ(parseError("[[sinks]]\nfunction = \"f\"\nport = 1.5\n"),
            "/proj/.rehost.toml:3:8: sinks[0].port: expected a parameter "
            "position (1 for the first parameter), found a float");
  EXPECT_EQ(parseError("[[sinks]]\nfunction = \"f\"\nhost = 0\n"),
            "/proj/.rehost.toml:3:8: sinks[0].host: parameter positions start "
            "at 1");
  EXPECT_EQ(parseError("[[sinks]]\nfunction = \"f\"\nhost = -2\n"),
            "/proj/.rehost.toml:3:8: sinks[0].host: parameter positions start "
            "at 1");
  EXPECT_EQ(parseError("[[sinks]]\nfunction = \"f\"\nhost = 65\n"),
            "/proj/.rehost.toml:3:8: sinks[0].host: a parameter position is "
            "at most 64");
  // The later key is the one reported, although "host" sorts first.
  EXPECT_EQ(parseError("[[sinks]]\nfunction = \"f\"\nport = 2\nhost = 2\n"),
            "/proj/.rehost.toml:4:8: sinks[0].host: parameter 2 is already "
            "the port; one parameter has one role");
  EXPECT_EQ(parseError("[[sinks]]\nfunction = \"f\"\nhost = 1\n\n"
                       "[[sinks]]\nfunction = \"f\"\nport = 2\n"),
            "/proj/.rehost.toml:6:12: sinks[1].function: f is already "
            "declared at line 1; give all its roles in one table");
  EXPECT_EQ(parseError("[[sinks]]\nfunction = \"f\"\n"),
            "/proj/.rehost.toml:1:1: sinks[0]: gives no role; expected at "
            "least one of host, port, unix_path, uri, nodes, db, user or "
            "password");
  EXPECT_EQ(parseError("[sinks]\nfunction = \"f\"\nhost = 1\n"),
            "/proj/.rehost.toml:1:1: sinks: expected an array of tables "
            "([[sinks]]), found a table");
  EXPECT_EQ(parseError("sinks = [1]\n"),
            "/proj/.rehost.toml:1:10: sinks[0]: expected a table, found an "
            "integer");
}

TEST(ToolConfig, BadDeclaredEndpointFields) {
  EXPECT_EQ(parseError("[[endpoint_fields]]\ntype = \"T\"\nport = 2\n"),
            "/proj/.rehost.toml:3:8: endpoint_fields[0].port: expected a "
            "string, found an integer");
  EXPECT_EQ(parseError("[[endpoint_fields]]\ntype = \"T\"\nport = \"\"\n"),
            "/proj/.rehost.toml:3:8: endpoint_fields[0].port: must not be "
            "empty");
  EXPECT_EQ(parseError("[[endpoint_fields]]\ntype = \"T\"\nhost = \"a.b\"\n"),
            "/proj/.rehost.toml:3:8: endpoint_fields[0].host: expected a "
            "field name (letters, digits and '_', not starting with a "
            "digit)");
  EXPECT_CONTAINS(
      parseError("[[endpoint_fields]]\ntype = \"T\"\nhost = \"1st\"\n"),
      "endpoint_fields[0].host: expected a field name");
  EXPECT_EQ(parseError("[[endpoint_fields]]\nhost = \"h\"\n"),
            "/proj/.rehost.toml:1:1: endpoint_fields[0].type: missing; give "
            "the qualified name of the struct or class");
  EXPECT_EQ(parseError("[[endpoint_fields]]\ntype = \"T\"\nhost = \"ip\"\n"
                       "uri = \"ip\"\n"),
            "/proj/.rehost.toml:4:7: endpoint_fields[0].uri: field ip is "
            "already the host; one field has one role");
  EXPECT_EQ(parseError("[[endpoint_fields]]\ntype = \"T\"\nhost = \"h\"\n"
                       "[[endpoint_fields]]\ntype = \"T\"\nport = \"p\"\n"),
            "/proj/.rehost.toml:5:8: endpoint_fields[1].type: T is already "
            "declared at line 1; give all its roles in one table");
  EXPECT_CONTAINS(parseError("[[endpoint_fields]]\ntype = \"T\"\nfield = "
                             "\"h\"\n"),
                  ":3:1: endpoint_fields[0].field: unknown key; expected "
                  "type, host, port");
  EXPECT_CONTAINS(parseError("[[endpoint_fields]]\ntype = \"T\"\n"),
                  ":1:1: endpoint_fields[0]: gives no role");
  EXPECT_EQ(parseError("endpoint_fields = \"T\"\n"),
            "/proj/.rehost.toml:1:19: endpoint_fields: expected an array of "
            "tables ([[endpoint_fields]]), found a string");
}

TEST(ToolConfig, ExcludesRelativeToTheConfigDirectory) {
  rehost::ToolConfig C = parse(
      "[scan]\nexclude = [\"third_party/**\", \"./build\", \"*.pb.cc\"]\n");
  EXPECT_TRUE(C.isExcluded("/proj/third_party/lib/a.c"));
  EXPECT_TRUE(C.isExcluded("/proj/build/gen/a.c"));
  EXPECT_TRUE(C.isExcluded("/proj/src/gen/msg.pb.cc"));
  EXPECT_TRUE(C.isExcluded("/proj/src/../third_party/a.c"));
  EXPECT_FALSE(C.isExcluded("/proj/src/main.c"));
  EXPECT_FALSE(C.isExcluded("/proj/buildtools/a.c"));
  EXPECT_FALSE(C.isExcluded("/other/third_party/a.c"));
  EXPECT_FALSE(C.isExcluded("/projx/third_party/a.c"));
  EXPECT_FALSE(rehost::ToolConfig().isExcluded("/proj/build/a.c"));
}

TEST(ToolConfig, CommandLineExcludesUseTheSameMatcher) {
  // --exclude patterns are relative to the working directory, and apply with
  // or without a .rehost.toml.
  rehost::ToolConfig C;
  C.CommandLineExclude = {"gen", "src/*.pb.cc"};
  C.CommandLineExcludeDir = "/proj/sub";
  EXPECT_TRUE(C.isExcluded("/proj/sub/gen/a.c"));
  EXPECT_TRUE(C.isExcluded("/proj/sub/src/deep/msg.pb.cc"));
  EXPECT_FALSE(C.isExcluded("/proj/gen/a.c"));
  EXPECT_FALSE(C.isExcluded("/proj/sub/generator/a.c"));

  rehost::ToolConfig Both = parse("[scan]\nexclude = [\"third_party\"]\n");
  Both.CommandLineExclude = {"tools"};
  Both.CommandLineExcludeDir = "/proj";
  EXPECT_TRUE(Both.isExcluded("/proj/third_party/a.c"));
  EXPECT_TRUE(Both.isExcluded("/proj/tools/a.c"));
  EXPECT_FALSE(Both.isExcluded("/proj/src/a.c"));
}

TEST(ToolConfig, ChecksGlobsForTheCommandLine) {
  EXPECT_FALSE(static_cast<bool>(rehost::checkPathGlob("third_party/**")));
  llvm::Error Bad = rehost::checkPathGlob("[");
  ASSERT_TRUE(static_cast<bool>(Bad));
  EXPECT_NE(llvm::toString(std::move(Bad)).find("bad glob pattern '['"),
            std::string::npos);
}

TEST(ToolConfig, AllowedHostsIgnoreCaseAndBrackets) {
  rehost::ToolConfig C =
      parse("[scan]\nallow_hosts = [\"Redis.Internal\", \"[::1]\"]\n");
  EXPECT_TRUE(C.isAllowedHost("redis.internal"));
  EXPECT_TRUE(C.isAllowedHost("REDIS.internal."));
  EXPECT_TRUE(C.isAllowedHost("::1"));
  EXPECT_TRUE(C.isAllowedHost("[::1]"));
  EXPECT_FALSE(C.isAllowedHost("redis.internal.example"));
  EXPECT_FALSE(C.isAllowedHost("10.0.0.1"));
  // Loopback aliases are one host, as for profiles.
  EXPECT_TRUE(C.isAllowedHost("localhost"));
  EXPECT_TRUE(C.isAllowedHost("127.0.0.1"));
  EXPECT_FALSE(C.isAllowedHost("127.0.1.1"));
}

TEST(ToolConfig, SearchesUpwardsForTheNearestFile) {
  TempDir Dir("rehost-toolconfig");
  std::string Outer =
      Dir.write(".rehost.toml", "[profiles]\nouter = \"redis://o\"\n");
  llvm::sys::fs::create_directories(Dir.path("a/b/c"));

  llvm::Expected<rehost::ToolConfig> C =
      rehost::loadToolConfig("", Dir.path("a/b/c"));
  ASSERT_TRUE(bool(C)) << toString(C.takeError());
  EXPECT_EQ(C->Path, Outer);
  EXPECT_EQ(C->ProfileNames.at("redis://o:6379"), "outer");

  std::string Inner =
      Dir.write("a/.rehost.toml", "[profiles]\ninner = \"redis://i\"\n");
  C = rehost::loadToolConfig("", Dir.path("a/b/../b/c"));
  ASSERT_TRUE(bool(C)) << toString(C.takeError());
  EXPECT_EQ(C->Path, Inner);
}

TEST(ToolConfig, NoFileGivesDefaults) {
  TempDir Dir("rehost-toolconfig");
  llvm::Expected<rehost::ToolConfig> C = rehost::loadToolConfig("", Dir.Root);
  ASSERT_TRUE(bool(C)) << toString(C.takeError());
  EXPECT_TRUE(C->Path.empty());
  EXPECT_TRUE(C->ProfileNames.empty());
}

TEST(ToolConfig, ErrorsFromTheSearchNameTheFileFound) {
  TempDir Dir("rehost-toolconfig");
  std::string Path = Dir.write(".rehost.toml", "[scan]\nexclude = [1]\n");
  llvm::sys::fs::create_directories(Dir.path("src"));
  llvm::Expected<rehost::ToolConfig> C =
      rehost::loadToolConfig("", Dir.path("src"));
  ASSERT_FALSE(bool(C));
  EXPECT_EQ(toString(C.takeError()),
            Path + ":2:12: scan.exclude[0]: expected a string, found an "
                   "integer");
}

TEST(ToolConfig, ExplicitPath) {
  TempDir Dir("rehost-toolconfig");
  Dir.write(".rehost.toml", "[profiles]\nfound = \"redis://f\"\n");
  std::string Chosen =
      Dir.write("ci/tool.toml", "[report]\nformat = \"sarif\"\n");
  llvm::Expected<rehost::ToolConfig> C =
      rehost::loadToolConfig(Chosen, Dir.Root);
  ASSERT_TRUE(bool(C)) << toString(C.takeError());
  EXPECT_EQ(C->Path, Chosen);
  EXPECT_EQ(C->ReportFormat, "sarif");
  EXPECT_TRUE(C->ProfileNames.empty());

  std::string Missing = Dir.path("ci/missing.toml");
  C = rehost::loadToolConfig(Missing, Dir.Root);
  ASSERT_FALSE(bool(C));
  EXPECT_EQ(toString(C.takeError()),
            Missing + ": cannot read the tool's config file (--config): No "
                      "such file or directory");
}

// Files toml++ 3.3.0 mishandles are refused before it reads them, with the
// position; the runtime's check runs the same table (config_file_test.cpp).
struct TomlInput {
  const char *Text;
  unsigned Line;
  unsigned Column;
  const char *Reason;
};

const TomlInput BadToml[] = {
#define REHOST_BAD_TOML(Text, Line, Column, Reason)                            \
  {Text, Line, Column, Reason},
#define REHOST_GOOD_TOML(Text)
#include "../../runtime/test/toml_bad_inputs.inc"
#undef REHOST_BAD_TOML
#undef REHOST_GOOD_TOML
};

const char *const GoodToml[] = {
#define REHOST_BAD_TOML(Text, Line, Column, Reason)
#define REHOST_GOOD_TOML(Text) Text,
#include "../../runtime/test/toml_bad_inputs.inc"
#undef REHOST_BAD_TOML
#undef REHOST_GOOD_TOML
};

TEST(ToolConfig, InputsTomlPlusPlusMishandlesAreRefused) {
  for (const TomlInput &Bad : BadToml) {
    SCOPED_TRACE(Bad.Text);
    std::string Expected =
        std::string(ConfigPath) + ":" + std::to_string(Bad.Line) + ":" +
        std::to_string(Bad.Column) + ": invalid TOML: " + Bad.Reason;
    std::string E = parseError(Bad.Text);
    EXPECT_CONTAINS(E, Expected);
    EXPECT_LACKS(E, "Sup3r");
  }
}

TEST(ToolConfig, RuntimeConfigReaderRefusesThemToo) {
  TempDir Dir("rehost-toolconfig");
  for (const TomlInput &Bad : BadToml) {
    SCOPED_TRACE(Bad.Text);
    std::string Path = Dir.write("rehost.toml", Bad.Text);
    llvm::Expected<rehost::ExistingProfiles> Profiles =
        rehost::readExistingProfiles(Path);
    ASSERT_FALSE(Profiles);
    std::string E = toString(Profiles.takeError());
    EXPECT_CONTAINS(E, Path + ":" + std::to_string(Bad.Line) + ":" +
                           std::to_string(Bad.Column) +
                           ": invalid TOML: " + Bad.Reason);
  }
}

TEST(ToolConfig, NonAsciiInStringsAndCommentsPassesTheCheck) {
  for (const char *Good : GoodToml)
    EXPECT_FALSE(llvm::errorToBool(rehost::checkTomlText(Good, ConfigPath)))
        << Good;
  // A header-like '[' inside a value is not a header.
  EXPECT_FALSE(llvm::errorToBool(
      rehost::checkTomlText("x = [\n[1],\n{ a = 1 },\n]\n", ConfigPath)));
}

} // namespace
