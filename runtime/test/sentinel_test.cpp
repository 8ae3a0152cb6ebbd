// Sentinel profiles against real processes: a master, a replica and a
// redis-server --sentinel, through a SENTINEL FAILOVER; and the errors.
#include "redis_server.hpp"
#include "scoped_env.hpp"
#include "test_support.hpp"
#include "tls_certificates.hpp"

#include <sys/wait.h>

#include <fstream>
#include <thread>

using namespace rehost;
using namespace rehost::test;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

// The port a connection's server listens on.
int server_port(redisContext *c) {
  Reply r = run(c, "CONFIG GET port");
  return r && r->type == REDIS_REPLY_ARRAY && r->elements == 2
             ? std::stoi(r->element[1]->str)
             : -1;
}

// A redis-server --sentinel on a free loopback port, watching "mymaster";
// `extra` are more sentinel.conf lines (requirepass, auth-pass).
class Sentinel {
public:
  explicit Sentinel(int master_port, const std::string &extra = "")
      : port_(free_loopback_port()) {
    const std::string conf = dir_.write(
        "sentinel.conf", "port " + std::to_string(port_) +
                             "\nbind 127.0.0.1\n"
                             "sentinel monitor mymaster 127.0.0.1 " +
                             std::to_string(master_port) +
                             " 1\n"
                             "sentinel down-after-milliseconds mymaster 2000\n"
                             "sentinel failover-timeout mymaster 10000\n" +
                             extra);
    pid_ = fork();
    if (pid_ == 0) {
      execl(REHOST_REDIS_SERVER, REHOST_REDIS_SERVER, conf.c_str(),
            "--sentinel", "--loglevel", "warning",
            static_cast<char *>(nullptr));
      _exit(127);
    }
  }
  ~Sentinel() {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  int port() const { return port_; }

  // The reply of a SENTINEL command, or NULL while it is not up yet.
  Reply command(const char *text, const char *password = nullptr) const {
    timeval tv{1, 0};
    redisContext *c = redisConnectWithTimeout("127.0.0.1", port_, tv);
    if (c && !c->err && password)
      Reply(static_cast<redisReply *>(redisCommand(c, "AUTH %s", password)));
    Reply r = c && !c->err ? run(c, text) : nullptr;
    if (c)
      redisFree(c);
    return r;
  }

private:
  TempDir dir_;
  int port_;
  pid_t pid_ = -1;
};

// Polls `done` every 50ms for at most `limit`.
template <typename Done> bool eventually(Done done, milliseconds limit) {
  const Clock::time_point end = Clock::now() + limit;
  while (Clock::now() < end) {
    if (done())
      return true;
    std::this_thread::sleep_for(milliseconds(50));
  }
  return false;
}

int master_port_of(const Sentinel &sentinel) {
  Reply r = sentinel.command("SENTINEL get-master-addr-by-name mymaster");
  return r && r->type == REDIS_REPLY_ARRAY && r->elements == 2
             ? std::stoi(r->element[1]->str)
             : -1;
}

TEST(Sentinel, ConnectionsFollowAFailover) {
  ScopedEnv env;
  RedisServer master;
  RedisServer replica(
      {"--replicaof", "127.0.0.1", std::to_string(master.port())});
  Sentinel sentinel(master.port());
  ASSERT_TRUE(eventually(
      [&] {
        Reply r = sentinel.command("SENTINEL replicas mymaster");
        return r && r->type == REDIS_REPLY_ARRAY && r->elements == 1;
      },
      milliseconds(15000)))
      << "the sentinel did not see the replica";

  // A dead sentinel first: the next one is asked. The pool's profile names
  // the sentinels in a URL in the environment, another profile in
  // rehost.toml's url, a third with the separate keys.
  const std::string sentinels =
      "127.0.0.1:" + std::to_string(free_loopback_port()) +
      ",127.0.0.1:" + std::to_string(sentinel.port());
  env.set("REDIS_FAILOVER_URL",
          "redis+sentinel://" + sentinels + "/mymaster?pool_size=2");
  TempDir dir;
  ScopedCwd cwd(dir.path());
  dir.write("rehost.toml", "[profiles.fromfile]\nurl = \"redis+sentinel://" +
                               sentinels + "/mymaster/1\"\n");
  env.set("REDIS_KEYED_SENTINEL_NODES", sentinels);
  env.set("REDIS_KEYED_SENTINEL_MASTER", "mymaster");
  // Where each profile's new connections go now.
  auto direct_port = [](const char *profile) {
    redisContext *c = rehost_redisConnect(profile, "127.0.0.1", 1);
    EXPECT_TRUE(c && !c->err) << profile << ": " << (c ? c->errstr : "");
    const int port = c && !c->err ? server_port(c) : -1;
    redisFree(c);
    return port;
  };
  for (const char *profile : {"failover", "fromfile", "keyed"})
    EXPECT_EQ(direct_port(profile), master.port()) << profile;
  rehost_pool *pool = rehost_pool_get("failover", nullptr);
  ASSERT_NE(pool, nullptr) << rehost_last_error();
  redisContext *c = rehost_pool_acquire(pool, 0);
  ASSERT_NE(c, nullptr) << rehost_last_error();
  EXPECT_EQ(server_port(c), master.port());
  rehost_pool_release(pool, c);

  ASSERT_TRUE(eventually(
      [&] {
        Reply r = sentinel.command("SENTINEL FAILOVER mymaster");
        return r && r->type == REDIS_REPLY_STATUS;
      },
      milliseconds(15000)))
      << "the sentinel refused the failover";
  ASSERT_TRUE(
      eventually([&] { return master_port_of(sentinel) == replica.port(); },
                 milliseconds(20000)));

  // New connections go to the new master.
  for (const char *profile : {"failover", "fromfile", "keyed"})
    EXPECT_EQ(direct_port(profile), replica.port()) << profile;
  // The pool's connection to the old master is dropped (the sentinel kills
  // the old master's clients, and a READONLY reply discards it too), and
  // writes through the pool reach the new master.
  EXPECT_TRUE(eventually(
      [&] {
        redisContext *lease = rehost_pool_acquire(pool, 1000);
        Reply r = lease ? run(lease, "SET after-failover 1") : nullptr;
        const bool written = r && r->type == REDIS_REPLY_STATUS &&
                             server_port(lease) == replica.port();
        rehost_pool_release(pool, lease);
        return written;
      },
      milliseconds(15000)));
}

TEST(Sentinel, ErrorsNameTheSettingAndTheSentinels) {
  ScopedEnv env;
  env.set("REDIS_NOSENT_SENTINEL_MASTER", "mymaster");
  redisContext *c = rehost_redisConnect("nosent", "127.0.0.1", 1);
  ASSERT_NE(c, nullptr);
  EXPECT_STREQ(c->errstr, "REDIS_NOSENT_SENTINEL_MASTER: master 'mymaster' "
                          "has no sentinel_nodes to ask for its address");
  redisFree(c);

  const std::string dead = "127.0.0.1:" + std::to_string(free_loopback_port());
  env.set("REDIS_NOSENT_SENTINEL_NODES", dead);
  rehost_pool *pool = rehost_pool_get("nosent", nullptr);
  ASSERT_NE(pool, nullptr) << rehost_last_error();
  EXPECT_EQ(rehost_pool_acquire(pool, 0), nullptr);
  const std::string message = rehost_last_error();
  EXPECT_NE(message.find("server unreachable: REDIS_NOSENT_SENTINEL_MASTER: "
                         "no sentinel gave the address of master 'mymaster' (" +
                         dead + ": Connection refused)"),
            std::string::npos)
      << message;

  env.set("REDIS_NOSENT_SENTINEL_MASTER", "my master");
  expect_config_error("nosent", "REDIS_NOSENT_SENTINEL_MASTER: master name "
                                "'my master' contains spaces");
  env.set("REDIS_NOSENT_SENTINEL_MASTER", "mymaster");
  env.set("REDIS_NOSENT_SENTINEL_NODES", "h1:26379,h2");
  expect_config_error("nosent", "REDIS_NOSENT_SENTINEL_NODES: node 'h2' is "
                                "not host:port");
}

TEST(Sentinel, AHostFromAStrongerSourceWins) {
  ScopedEnv env;
  RedisServer server;
  TempDir dir;
  ScopedCwd cwd(dir.path());
  dir.write("rehost.toml", "[profiles.pinned]\n"
                           "sentinel_nodes = [\"127.0.0.1:1\"]\n"
                           "sentinel_master = \"mymaster\"\n");
  env.set("REDIS_PINNED_PORT", std::to_string(server.port()));
  redisContext *c = rehost_redisConnect("pinned", "127.0.0.1", 1);
  ASSERT_TRUE(c && !c->err) << (c ? c->errstr : "");
  EXPECT_EQ(server_port(c), server.port());
  redisFree(c);
}

TEST(Sentinel, SentinelsWithAPasswordGetTheirOwn) {
  ScopedEnv env;
  const std::string master_password = "m4ster-" + secret;
  const std::string sentinel_password = "s3ntinel-" + secret;
  RedisServer master({"--requirepass", master_password});
  Sentinel sentinel(master.port(), "requirepass " + sentinel_password +
                                       "\nsentinel auth-pass mymaster " +
                                       master_password + "\n");
  ASSERT_TRUE(eventually(
      [&] {
        return sentinel.command("PING", sentinel_password.c_str()) != nullptr;
      },
      milliseconds(10000)))
      << "the sentinel did not start";
  const std::string url = "redis+sentinel://:" + master_password +
                          "@127.0.0.1:" + std::to_string(sentinel.port()) +
                          "/mymaster";

  // The user info is the master's login, sentinel_password the sentinels'.
  env.set("REDIS_GUARDED_URL", url + "?sentinel_password=" + sentinel_password);
  redisContext *c = rehost_redisConnect("guarded", "127.0.0.1", 1);
  ASSERT_TRUE(c && !c->err) << (c ? c->errstr : "");
  EXPECT_EQ(server_port(c), master.port());
  redisFree(c);
  env.set("REDIS_GUARDED_SENTINEL_PASSWORD", sentinel_password);
  env.set("REDIS_GUARDED_URL", url);
  c = rehost_redisConnect("guarded", "127.0.0.1", 1);
  ASSERT_TRUE(c && !c->err) << (c ? c->errstr : "");
  redisFree(c);

  // Without it, or with a wrong one, the error names the sentinel and the
  // setting, never a password.
  env.set("REDIS_GUARDED_SENTINEL_PASSWORD", "");
  c = rehost_redisConnect("guarded", "127.0.0.1", 1);
  ASSERT_NE(c, nullptr);
  EXPECT_NE(std::string(c->errstr).find("NOAUTH"), std::string::npos)
      << c->errstr;
  redisFree(c);
  env.set("REDIS_GUARDED_SENTINEL_PASSWORD", "wrong-" + secret);
  rehost_pool *pool = rehost_pool_get("guarded", nullptr);
  ASSERT_NE(pool, nullptr) << rehost_last_error();
  EXPECT_EQ(rehost_pool_acquire(pool, 0), nullptr);
  const std::string message = rehost_last_error();
  // (cut where hiredis's errstr ends)
  EXPECT_NE(message.find("(127.0.0.1:" + std::to_string(sentinel.port()) +
                         ": REDIS_GUARDED_SENTINEL_PASSWORD: AUTH"),
            std::string::npos)
      << message;
  EXPECT_EQ(message.find(secret), std::string::npos) << message;
}

// The sentinels are asked in plaintext; the master they name gets the
// profile's TLS, its address checked against the certificate's addresses.
TEST(Sentinel, TheMasterGetsTheProfilesTls) {
  if (!REHOST_TEST_WITH_TLS)
    GTEST_SKIP() << "this runtime is built without hiredis_ssl";
  const TlsCertificates &certs = TlsCertificates::get();
  if (!certs.ok())
    GTEST_SKIP() << certs.why();
  ScopedEnv env;
  RedisServer master({"--requirepass", secret},
                     {certs.cert("server"), certs.key("server"), certs.ca()});
  Sentinel sentinel(master.tls_port());
  ASSERT_TRUE(eventually([&] { return master_port_of(sentinel) > 0; },
                         milliseconds(5000)));
  env.set("REDIS_SECURE_URL",
          "redis+sentinel://:" + secret +
              "@127.0.0.1:" + std::to_string(sentinel.port()) + "/mymaster/2");
  env.set("REDIS_SECURE_TLS", "true");
  env.set("REDIS_SECURE_TLS_CA_CERT_FILE", certs.ca());
  Context c(rehost_redisConnect("secure", nullptr, 0));
  ASSERT_TRUE(c);
  ASSERT_EQ(c->err, 0) << c->errstr;
  EXPECT_EQ(text_of(c.get(), "SET viasentinel tls"), "OK");
  EXPECT_EQ(last_tls_session().server_name, "127.0.0.1");
  // A CA that did not sign the master's certificate: refused.
  env.set("REDIS_SECURE_TLS_CA_CERT_FILE", certs.other_ca());
  Context refused(rehost_redisConnect("secure", nullptr, 0));
  ASSERT_TRUE(refused);
  EXPECT_NE(std::string(refused->errstr).find("certificate verify failed"),
            std::string::npos)
      << refused->errstr;
}

} // namespace
