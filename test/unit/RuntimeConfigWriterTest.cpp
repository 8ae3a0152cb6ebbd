//===- RuntimeConfigWriterTest.cpp ----------------------------------------===//

#include "rehost/RuntimeConfigWriter.h"

#include "rehost/LLVMCompat.h"
#include "rehost/Project.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

// The runtime's C API: its names carry the rehost_ prefix, so they cannot
// meet the tool's C++ names.
#include <rehost/rehost.h>

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace {

using rehost::testing::readFile;
using rehost::testing::TempDir;

rehost::ProfileInfo profile(llvm::StringRef Name, llvm::StringRef Address,
                            llvm::StringRef Endpoint = "") {
  rehost::ProfileInfo Info;
  Info.Name = Name.str();
  Info.Address = Address.str();
  Info.Endpoint = Endpoint.empty() ? Address.str() : Endpoint.str();
  Info.Variables = rehost::profileVariables(Name);
  Info.Sites = 1;
  return Info;
}

std::string render(llvm::StringRef Existing,
                   llvm::ArrayRef<rehost::ProfileInfo> Profiles, bool Strict,
                   std::vector<std::string> &Added) {
  llvm::Expected<std::string> Text =
      rehost::renderRuntimeConfig(Existing, Profiles, Strict, Added);
  if (!Text) {
    ADD_FAILURE() << toString(Text.takeError());
    return {};
  }
  return *Text;
}

std::string render(llvm::StringRef Existing,
                   llvm::ArrayRef<rehost::ProfileInfo> Profiles, bool Strict) {
  std::vector<std::string> Added;
  return render(Existing, Profiles, Strict, Added);
}

/// The lines of \p Text that are neither comments nor blank.
std::vector<std::string> settingLines(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 32> Lines;
  Text.split(Lines, '\n');
  std::vector<std::string> Out;
  for (llvm::StringRef Line : Lines) {
    Line = Line.trim();
    if (!Line.empty() && !rehost::startsWith(Line, "#"))
      Out.push_back(Line.str());
  }
  return Out;
}

TEST(RuntimeConfigWriter, NonStrictRecordsTheCallSiteFallback) {
  std::vector<std::string> Added;
  std::string Text = render("",
                            {profile("default", "redis://127.0.0.1:6379"),
                             profile("queue", "redis://10.0.0.12:6380")},
                            /*Strict=*/false, Added);
  EXPECT_EQ(Added, (std::vector<std::string>{"default", "queue"}));
  // call_site is for rehost-doctor only: the runtime never resolves it.
  EXPECT_EQ(settingLines(Text),
            (std::vector<std::string>{
                "[profiles.default]", "call_site = \"redis://127.0.0.1:6379\"",
                "[profiles.queue]", "call_site = \"redis://10.0.0.12:6380\""}));
  EXPECT_CONTAINS(Text, "# Profile queue: fallback in code: "
                        "redis://10.0.0.12:6380\n"
                        "# Overridden by REDIS_QUEUE_URL, REDIS_QUEUE_HOST, ");
  EXPECT_CONTAINS(Text, "# Overridden by REDIS_URL, REDIS_HOST, ");
  // A new file says whose it is.
  EXPECT_EQ(Text.rfind("# rehost.toml: connection profiles for the rehost "
                       "runtime",
                       0),
            0u);
}

TEST(RuntimeConfigWriter, StrictWritesTheEndpointAsKeys) {
  std::string Text =
      render("",
             {profile("default", "redis://127.0.0.1:6379"),
              profile("secure", "rediss://cache.internal:6380/2"),
              profile("local-sock", "unix:///run/redis/redis.sock"),
              profile("v6", "redis://[::1]:7000"),
              profile("nodes", "redis://n1:7000,n2:7001")},
             /*Strict=*/true);
  EXPECT_EQ(settingLines(Text),
            (std::vector<std::string>{
                "[profiles.default]", "host = \"127.0.0.1\"", "port = 6379",
                "[profiles.secure]", "host = \"cache.internal\"", "port = 6380",
                "db = 2", "tls = true", "[profiles.local-sock]",
                "socket = \"/run/redis/redis.sock\"", "[profiles.v6]",
                "host = \"::1\"", "port = 7000", "[profiles.nodes]",
                "cluster_nodes = [\"n1:7000\", \"n2:7001\"]"}));
  EXPECT_CONTAINS(Text, "# Profile secure: the endpoint moved here from the "
                        "code (rehost fix --strict).\n");
}

TEST(RuntimeConfigWriter, CredentialsAreNeverWritten) {
  for (bool Strict : {false, true}) {
    rehost::ProfileInfo Queue = profile("queue", "redis://10.0.0.12:6380",
                                        "redis://alice:***@10.0.0.12:6380");
    Queue.MustSet = {"REDIS_QUEUE_USERNAME", "REDIS_QUEUE_PASSWORD"};
    std::string Text = render("", {Queue}, Strict);
    EXPECT_CONTAINS(Text, "# The code's password left it and is not copied "
                          "here: set REDIS_QUEUE_PASSWORD (or "
                          "REDIS_QUEUE_URL) where the service runs.");
    EXPECT_CONTAINS(Text, "# The code's ACL user name left it and is not "
                          "copied here: set REDIS_QUEUE_USERNAME (or "
                          "REDIS_QUEUE_URL) where the service runs.");
    EXPECT_LACKS(Text, "***");
    EXPECT_LACKS(Text, "alice");
    EXPECT_LACKS(Text, "password =");
    EXPECT_LACKS(Text, "username =");
  }
  rehost::ProfileInfo Default =
      profile("default", "redis://h:6379", "tcp://***@h:6379");
  Default.MustSet = {"REDIS_PASSWORD"};
  EXPECT_CONTAINS(render("", {Default}, true),
                  "set REDIS_PASSWORD (or REDIS_URL)");
}

TEST(RuntimeConfigWriter, EscapesStringsAndComments) {
  std::string Text = render(
      "", {profile("odd", "unix:///run/a \"b\"\\c\n[profiles.evil]")}, true);
  EXPECT_CONTAINS(Text,
                  "socket = \"/run/a \\\"b\\\"\\\\c\\u000A[profiles.evil]\"");
  EXPECT_LACKS(Text, "\n[profiles.evil]");
  // Valid TOML: merging into it parses it.
  std::vector<std::string> Added;
  EXPECT_EQ(render(Text, {profile("odd", "unix:///x")}, true, Added), Text);

  std::string Comments =
      render("", {profile("odd", "redis://h\n[profiles.evil]:1")}, false);
  EXPECT_LACKS(Comments, "\n[profiles.evil]");
}

TEST(RuntimeConfigWriter, MergeKeepsTheFileAndAppendsOnlyNewProfiles) {
  const std::string Existing = "# ops: do not touch the default profile\n"
                               "[profiles.default]\n"
                               "host   =   'redis.prod'   # pinned\n"
                               "\n"
                               "[environments.kubernetes.profiles.queue]\n"
                               "socket = \"/var/run/redis.sock\"";
  std::vector<std::string> Added;
  std::string Text = render(Existing,
                            {profile("default", "redis://127.0.0.1:6379"),
                             profile("queue", "redis://10.0.0.12:6380")},
                            /*Strict=*/true, Added);
  EXPECT_EQ(Added, std::vector<std::string>{"queue"});
  ASSERT_EQ(Text.compare(0, Existing.size(), Existing), 0) << Text;
  EXPECT_EQ(Text.substr(Existing.size()),
            "\n\n# Profile queue: the endpoint moved here from the code "
            "(rehost fix --strict).\n"
            "# Overridden by REDIS_QUEUE_URL, REDIS_QUEUE_HOST, "
            "REDIS_QUEUE_PORT, REDIS_QUEUE_SOCKET, REDIS_QUEUE_PASSWORD.\n"
            "[profiles.queue]\n"
            "host = \"10.0.0.12\"\n"
            "port = 6380\n");
}

TEST(RuntimeConfigWriter, SecondRunChangesNothing) {
  std::vector<rehost::ProfileInfo> Profiles = {
      profile("default", "redis://127.0.0.1:6379"),
      profile("cache", "unix:///run/cache.sock")};
  for (bool Strict : {false, true}) {
    std::vector<std::string> Added;
    std::string Once = render("", Profiles, Strict, Added);
    EXPECT_EQ(Added.size(), 2u);
    std::string Twice = render(Once, Profiles, Strict, Added);
    EXPECT_EQ(Twice, Once);
    EXPECT_TRUE(Added.empty());
  }
}

TEST(RuntimeConfigWriter, KeepsCrlfLineEndings) {
  std::string Text =
      render("[profiles.default]\r\nport = 1\r\n",
             {profile("queue", "redis://q:6379")}, /*Strict=*/true);
  EXPECT_CONTAINS(Text, "\r\n[profiles.queue]\r\nhost = \"q\"\r\n");
  EXPECT_LACKS(llvm::StringRef(Text).drop_back().str(), "port = 6379\n");
}

TEST(RuntimeConfigWriter, Errors) {
  std::vector<std::string> Added;
  llvm::Expected<std::string> Text = rehost::renderRuntimeConfig(
      "[profiles.default]\nhost = \n", {profile("q", "redis://q:1")}, true,
      Added, "/srv/app/rehost.toml");
  ASSERT_FALSE(bool(Text));
  std::string Message = toString(Text.takeError());
  EXPECT_CONTAINS(Message,
                  "/srv/app/rehost.toml:2:8: invalid TOML, nothing was "
                  "written: ");

  Text = rehost::renderRuntimeConfig("profiles = { default = { port = 1 } }\n",
                                     {profile("q", "redis://q:1")}, true, Added,
                                     "/srv/app/rehost.toml");
  ASSERT_FALSE(bool(Text));
  Message = toString(Text.takeError());
  EXPECT_CONTAINS(
      Message,
      "/srv/app/rehost.toml:1:12: profiles: not a [profiles.NAME] table");

  Text = rehost::renderRuntimeConfig("", {profile("a b", "redis://q:1")}, true,
                                     Added, "/srv/app/rehost.toml");
  ASSERT_FALSE(bool(Text));
  EXPECT_EQ(toString(Text.takeError()),
            "/srv/app/rehost.toml: profiles.a b: a profile name may hold "
            "only letters, digits, '_' and '-'");
}

void writeFile(llvm::StringRef Path, llvm::StringRef Text) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  ASSERT_FALSE(EC);
  OS << Text;
}

TEST(RuntimeConfigWriter, WritesANewFileAndThenNothing) {
  TempDir Dir("rehost-runtimeconfig");
  std::string Path = Dir.path("rehost.toml");
  std::vector<rehost::ProfileInfo> Profiles = {
      profile("default", "redis://127.0.0.1:6379")};

  std::vector<std::string> Added;
  ASSERT_FALSE(rehost::writeRuntimeConfig(Path, Profiles, false, &Added));
  EXPECT_EQ(Added, std::vector<std::string>{"default"});
  std::string First = readFile(Path);
  EXPECT_EQ(First, render("", Profiles, false));

  llvm::sys::fs::file_status Before, After;
  ASSERT_FALSE(llvm::sys::fs::status(Path, Before));
  ASSERT_FALSE(rehost::writeRuntimeConfig(Path, Profiles, false, &Added));
  ASSERT_FALSE(llvm::sys::fs::status(Path, After));
  EXPECT_TRUE(Added.empty());
  EXPECT_EQ(readFile(Path), First);
  // Not rewritten at all: the same file, not an equal copy.
  EXPECT_EQ(Before.getUniqueID(), After.getUniqueID());
  EXPECT_EQ(Dir.entries(), std::vector<std::string>{"rehost.toml"});
}

TEST(RuntimeConfigWriter, NothingToWriteCreatesNoFile) {
  TempDir Dir("rehost-runtimeconfig");
  std::string Path = Dir.path("rehost.toml");
  ASSERT_FALSE(rehost::writeRuntimeConfig(Path, {}, true));
  EXPECT_FALSE(llvm::sys::fs::exists(Path));
}

TEST(RuntimeConfigWriter, MergeKeepsPermissionsAndLinks) {
  TempDir Dir("rehost-runtimeconfig");
  std::string Real = Dir.path("deploy.toml");
  std::string Link = Dir.path("rehost.toml");
  writeFile(Real, "# mine\n[profiles.default]\nport = 7000\n");
  ASSERT_FALSE(llvm::sys::fs::setPermissions(
      Real, static_cast<llvm::sys::fs::perms>(0640)));
  ASSERT_FALSE(llvm::sys::fs::create_link("deploy.toml", Link));

  ASSERT_FALSE(rehost::writeRuntimeConfig(
      Link, {profile("queue", "redis://q:6380")}, true));
  EXPECT_TRUE(llvm::sys::fs::is_symlink_file(Link));
  std::string Text = readFile(Real);
  EXPECT_EQ(Text.rfind("# mine\n[profiles.default]\nport = 7000\n\n", 0), 0u);
  EXPECT_CONTAINS(Text, "[profiles.queue]\nhost = \"q\"\nport = 6380\n");
  llvm::ErrorOr<llvm::sys::fs::perms> Perms =
      llvm::sys::fs::getPermissions(Real);
  ASSERT_TRUE(bool(Perms));
  EXPECT_EQ(static_cast<unsigned>(*Perms), 0640u);
  EXPECT_EQ(Dir.entries(),
            (std::vector<std::string>{"deploy.toml", "rehost.toml"}));
}

TEST(RuntimeConfigWriter, BadFileIsLeftAlone) {
  TempDir Dir("rehost-runtimeconfig");
  std::string Path = Dir.path("rehost.toml");
  writeFile(Path, "[profiles.default\n");
  llvm::Error Err = rehost::writeRuntimeConfig(
      Path, {profile("queue", "redis://q:6380")}, true);
  ASSERT_TRUE(bool(Err));
  std::string Message = toString(std::move(Err));
  EXPECT_CONTAINS(Message, Path + ":1:18: invalid TOML, nothing was written");
  EXPECT_EQ(readFile(Path), "[profiles.default\n");
  EXPECT_EQ(Dir.entries(), std::vector<std::string>{"rehost.toml"});
}

/// Sets REHOST_CONFIG for one test.
class ScopedConfig {
public:
  explicit ScopedConfig(const std::string &Path) {
    ::setenv("REHOST_CONFIG", Path.c_str(), 1);
  }
  ~ScopedConfig() { ::unsetenv("REHOST_CONFIG"); }
};

TEST(RuntimeConfigWriter, TheRuntimeReadsAStrictFile) {
  TempDir Dir("rehost-runtimeconfig");
  std::string Path = Dir.path("rehost.toml");
  ASSERT_FALSE(rehost::writeRuntimeConfig(
      Path,
      {profile("rw-tcp", "redis://10.0.0.12:6380/2",
               "redis://:***@10.0.0.12:6380/2"),
       profile("rw-v6", "redis://[::1]:7000"),
       profile("rw-sock", "unix:///run/redis/r.sock"),
       profile("rw-nodes", "redis://n1:7000,n2:7001")},
      /*Strict=*/true));
  ScopedConfig Config(Path);

  const char *Host = rehost_host("rw-tcp", "fallback");
  ASSERT_NE(Host, nullptr) << rehost_last_error();
  EXPECT_STREQ(Host, "10.0.0.12");
  EXPECT_EQ(rehost_port("rw-tcp", 1), 6380);
  EXPECT_EQ(rehost_db("rw-tcp", 0), 2);
  EXPECT_EQ(rehost_password("rw-tcp", nullptr), nullptr);
  EXPECT_STREQ(rehost_host("rw-v6", "fallback"), "::1");
  EXPECT_EQ(rehost_port("rw-v6", 1), 7000);
  const char *Uri = rehost_uri("rw-sock", nullptr);
  ASSERT_NE(Uri, nullptr) << rehost_last_error();
  EXPECT_CONTAINS(Uri, "/run/redis/r.sock");
  const char *Nodes = rehost_cluster_nodes("rw-nodes", nullptr);
  ASSERT_NE(Nodes, nullptr) << rehost_last_error();
  EXPECT_STREQ(Nodes, "n1:7000,n2:7001");
}

TEST(RuntimeConfigWriter, TheRuntimeKeepsTheCallSiteWithoutStrict) {
  TempDir Dir("rehost-runtimeconfig");
  std::string Path = Dir.path("rehost.toml");
  ASSERT_FALSE(rehost::writeRuntimeConfig(
      Path, {profile("rw-tcp", "redis://10.0.0.12:6380")}, /*Strict=*/false));
  ScopedConfig Config(Path);
  const char *Host = rehost_host("rw-tcp", "10.0.0.12");
  ASSERT_NE(Host, nullptr) << rehost_last_error();
  EXPECT_STREQ(Host, "10.0.0.12");
  EXPECT_EQ(rehost_port("rw-tcp", 6380), 6380);
  // The file pins nothing: a changed call site is what the runtime uses.
  EXPECT_STREQ(rehost_host("rw-tcp", "moved.internal"), "moved.internal");
}

} // namespace

namespace {

/// Reads \p Text back as an existing rehost.toml, from a file of its own.
llvm::Expected<rehost::ExistingProfiles> readBack(llvm::StringRef Text) {
  llvm::SmallString<128> Dir;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueDirectory("rehost-existing", Dir))
    return llvm::errorCodeToError(EC);
  llvm::SmallString<128> Path(Dir);
  llvm::sys::path::append(Path, "rehost.toml");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << Text;
  }
  auto Existing = rehost::readExistingProfiles(Path);
  llvm::sys::fs::remove_directories(Dir);
  return Existing;
}

TEST(ExistingProfiles, ReadsKeysCommentsAndNames) {
  llvm::Expected<rehost::ExistingProfiles> Existing = readBack(
      "# Profile cache: fallback in code: redis://cache.internal:6379\n"
      "[profiles.cache]\n"
      "[profiles.queue]\nhost = \"10.0.0.12\"\nport = 6380\n"
      "[profiles.sock]\nsocket = \"/tmp/r.sock\"\n"
      "[profiles.handwritten]\nconnect_timeout = \"1s\"\n");
  ASSERT_TRUE(bool(Existing)) << llvm::toString(Existing.takeError());
  EXPECT_EQ(Existing->ByAddress["redis://cache.internal:6379"], "cache");
  EXPECT_EQ(Existing->ByAddress["redis://10.0.0.12:6380"], "queue");
  EXPECT_EQ(Existing->ByAddress["unix:///tmp/r.sock"], "sock");
  EXPECT_EQ(Existing->ByAddress.size(), 3u);
  EXPECT_EQ(Existing->Names.count("handwritten"), 1u);
}

TEST(ExistingProfiles, AddressesAreNormalisedAsTheToolNormalisesSites) {
  // An older rehost wrote loopback aliases as the code spelled them.
  llvm::Expected<rehost::ExistingProfiles> Existing =
      readBack("# Profile local: fallback in code: redis://localhost:6379\n"
               "[profiles.local]\n"
               "[profiles.v6]\nhost = \"::1\"\nport = 7000\n"
               "[profiles.secure]\nhost = \"tls.internal\"\ntls = true\n"
               "[profiles.sock]\nsocket = \"/tmp/r.sock\"\ndb = 2\n"
               "[profiles.url]\nurl = \"Redis+TLS://u.internal/3\"\n");
  ASSERT_TRUE(bool(Existing)) << llvm::toString(Existing.takeError());
  EXPECT_EQ(Existing->ByAddress["redis://127.0.0.1:6379"], "local");
  EXPECT_EQ(Existing->ByAddress["redis://127.0.0.1:7000"], "v6");
  EXPECT_EQ(Existing->ByAddress["rediss://tls.internal:6379"], "secure");
  EXPECT_EQ(Existing->ByAddress["unix:///tmp/r.sock?db=2"], "sock");
  EXPECT_EQ(Existing->ByAddress["rediss://u.internal:6379/3"], "url");
  EXPECT_EQ(Existing->ByAddress.size(), 5u);
}

TEST(ExistingProfiles, AMissingFileHasNone) {
  llvm::Expected<rehost::ExistingProfiles> Existing =
      rehost::readExistingProfiles("/nonexistent/rehost.toml");
  ASSERT_TRUE(bool(Existing));
  EXPECT_TRUE(Existing->Names.empty());
}

} // namespace
