// The cache of resolved profiles: reused while its inputs are unchanged,
// redone as soon as the environment, rehost.toml, the working directory or
// a secret file changes.
#include "redis_server.hpp"
#include "scoped_env.hpp"
#include "test_support.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <thread>

using namespace rehost;
using namespace rehost::test;
using std::chrono::milliseconds;

namespace {

// Longer than the cache's settle time (inputs.cpp), after which a file's
// stamp is trusted.
void let_files_settle() { std::this_thread::sleep_for(milliseconds(150)); }

std::string port_config(const std::string &profile, int port) {
  return "[profiles." + profile + "]\nport = " + std::to_string(port) + "\n";
}

TEST(ProfileCache, ReusesAProfileWhoseInputsAreUnchanged) {
  ScopedEnv env;
  TempDir dir;
  ScopedCwd cwd(dir.path());
  const std::string path =
      dir.write("rehost.toml", port_config("reused", 16001));
  let_files_settle();
  EXPECT_EQ(rehost_port("reused", 0), 16001);

  // Same size, same inode, and the old modification time put back: nothing
  // a stat can see changed, so the cached profile is used. (A real edit
  // always moves the modification time.)
  struct stat before;
  ASSERT_EQ(stat(path.c_str(), &before), 0);
  dir.write("rehost.toml", port_config("reused", 16002));
  const timespec times[2] = {before.st_atim, before.st_mtim};
  ASSERT_EQ(utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
  EXPECT_EQ(rehost_port("reused", 0), 16001);
  // The inspection API always resolves afresh.
  EXPECT_EQ(resolve("reused").port.value, 16002);
}

TEST(ProfileCache, RehostTomlRewrittenAtOnceWithTheSameSize) {
  ScopedEnv env;
  TempDir dir;
  ScopedCwd cwd(dir.path());
  dir.write("rehost.toml", port_config("rewritten", 16001));
  EXPECT_EQ(rehost_port("rewritten", 0), 16001);
  // Within one file-system clock tick the modification time may not move.
  dir.write("rehost.toml", port_config("rewritten", 16002));
  EXPECT_EQ(rehost_port("rewritten", 0), 16002);
  let_files_settle();
  EXPECT_EQ(rehost_port("rewritten", 0), 16002);
  dir.write("rehost.toml", port_config("rewritten", 16003));
  EXPECT_EQ(rehost_port("rewritten", 0), 16003);
  std::filesystem::remove(dir.path() / "rehost.toml");
  EXPECT_EQ(rehost_port("rewritten", 7), 7);
}

TEST(ProfileCache, EnvironmentChangesTakeEffect) {
  ScopedEnv env;
  env.set("REDIS_ENVCACHE_PORT", "1001");
  EXPECT_EQ(rehost_port("envcache", 0), 1001);
  EXPECT_EQ(rehost_port("envcache", 0), 1001);
  env.set("REDIS_ENVCACHE_PORT", "1002");
  EXPECT_EQ(rehost_port("envcache", 0), 1002);
  unsetenv("REDIS_ENVCACHE_PORT");
  EXPECT_EQ(rehost_port("envcache", 5), 5);
  env.set("REHOST_CONFIG", "/nonexistent/rehost.toml");
  EXPECT_EQ(rehost_port("envcache", 5), -1);
  EXPECT_NE(std::string(rehost_last_error()).find("REHOST_CONFIG"),
            std::string::npos);
}

TEST(ProfileCache, EachCallSiteHasItsOwnEntry) {
  ScopedEnv env;
  EXPECT_EQ(rehost_port("sites", 1001), 1001);
  EXPECT_EQ(rehost_port("sites", 1002), 1002);
  EXPECT_EQ(rehost_port("sites", 1001), 1001);
}

TEST(ProfileCache, FollowsTheWorkingDirectory) {
  ScopedEnv env;
  TempDir first, second;
  first.write("rehost.toml", port_config("cwd", 16001));
  second.write("rehost.toml", port_config("cwd", 16002));
  let_files_settle();
  {
    ScopedCwd cwd(first.path());
    EXPECT_EQ(rehost_port("cwd", 0), 16001);
  }
  {
    ScopedCwd cwd(second.path());
    EXPECT_EQ(rehost_port("cwd", 0), 16002);
  }
}

TEST(ProfileCache, RotatedPasswordFileTakesEffectOnTheNextConnection) {
  ScopedEnv env;
  RedisServer server({"--requirepass", "first-pw"});
  TempDir dir;
  const std::string file = dir.write("pw", "first-pw\n");
  env.set("REDIS_ROTATE_PORT", std::to_string(server.port()));
  env.set("REDIS_ROTATE_PASSWORD_FILE", file);
  auto connects = [] {
    redisContext *c = rehost_redisConnect("rotate", nullptr, 0);
    const bool ok = c && !c->err;
    if (c)
      redisFree(c);
    return ok;
  };
  auto rotate = [&](const std::string &from, const std::string &to) {
    redisContext *admin = server.admin_connect();
    freeReplyObject(redisCommand(admin, "AUTH %s", from.c_str()));
    freeReplyObject(
        redisCommand(admin, "CONFIG SET requirepass %s", to.c_str()));
    redisFree(admin);
    dir.write("pw", to + "\n");
  };
  ASSERT_TRUE(connects());
  rotate("first-pw", "other-pw"); // at once, and the same size
  EXPECT_TRUE(connects());
  let_files_settle();
  EXPECT_TRUE(connects());
  EXPECT_TRUE(connects());
  rotate("other-pw", "third-pw");
  EXPECT_TRUE(connects());
}

} // namespace
