// Profile sets ("match:a,b"): the listed profile configured for the
// endpoint a call gives is the connection's profile; none: the call as
// written. Against a real redis-server on loopback.
#include "async_driver.hpp"
#include "client_standins.hpp"
#include "redis_server.hpp"
#include "scoped_env.hpp"
#include "test_support.hpp"

using namespace rehost;
using namespace rehost::test;

namespace {

const char *const set = "match:default,sessions";

std::string url_for(const RedisServer &server, const std::string &password,
                    int db) {
  return "redis://:" + password +
         "@127.0.0.1:" + std::to_string(server.port()) + "/" +
         std::to_string(db);
}

// GET `key` in `db`, on a raw connection of the test's own.
std::string get_in_db(const RedisServer &server, int db, const char *key,
                      const std::string &password = "") {
  Context admin(server.admin_connect());
  if (!password.empty())
    text_of(admin.get(), ("AUTH " + password).c_str());
  text_of(admin.get(), ("SELECT " + std::to_string(db)).c_str());
  Reply r = run(admin.get(), (std::string("GET ") + key).c_str());
  return r && r->str ? std::string(r->str, r->len) : "<none>";
}

std::string last_error() {
  const char *error = rehost_last_error();
  return error ? error : "<none>";
}

long long auth_calls(const RedisServer &server) {
  Context admin(server.admin_connect());
  Reply r = run(admin.get(), "INFO commandstats");
  std::string info = r && r->str ? std::string(r->str, r->len) : "";
  auto at = info.find("cmdstat_auth:calls=");
  return at == std::string::npos ? 0 : std::stoll(info.substr(at + 19));
}

// What rehost_redisConnect gave: "" for a connection, else its errstr.
std::string connect_error(const char *profile, int port) {
  Context c(rehost_redisConnect(profile, "127.0.0.1", port));
  return c && !c->err ? "" : c ? c->errstr : "<null>";
}

// The full message of resolving `profile` for a TCP call site (the C
// contexts' errstr holds 127 bytes of it).
std::string resolve_error(const std::string &profile, int port) {
  standin::ConnectionOptions opts;
  opts.port = port;
  try {
    rehost::configure(opts, profile);
  } catch (const ConfigError &error) {
    return error.what();
  }
  return "<no error>";
}

TEST(ProfileSet, UrlProfileAtTheCallsEndpointGivesItsPasswordAndDb) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_URL", url_for(server, secret, 3));
  Context c(rehost_redisConnect(set, "127.0.0.1", server.port()));
  ASSERT_TRUE(c && !c->err) << (c ? c->errstr : "");
  EXPECT_EQ(text_of(c.get(), "SET k three"), "OK");
  EXPECT_EQ(get_in_db(server, 3, "k", secret), "three");
}

TEST(ProfileSet, TheSecondProfileMatches) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  RedisServer other;
  env.set("REDIS_URL", url_for(other, "wrong-" + secret, 1));
  env.set("REDIS_SESSIONS_URL", url_for(server, secret, 5));
  Context c(rehost_redisConnect(set, "127.0.0.1", server.port()));
  ASSERT_TRUE(c && !c->err) << (c ? c->errstr : "");
  EXPECT_EQ(text_of(c.get(), "SET k five"), "OK");
  EXPECT_EQ(get_in_db(server, 5, "k", secret), "five");
  // The same set at the other endpoint picks the other profile (the cache
  // keys on the call site): its wrong password is refused.
  EXPECT_EQ(connect_error(set, other.port()).rfind("REDIS_URL: AUTH failed", 0),
            0u);
}

TEST(ProfileSet, NoneMatchesConnectsAsWritten) {
  ScopedEnv env;
  RedisServer server;
  // Unconfigured, then configured elsewhere, then with a password but no
  // address of its own: none is a match, so nothing of them is sent.
  EXPECT_EQ(connect_error(set, server.port()), "");
  env.set("REDIS_SESSIONS_URL", "redis://:" + secret + "@127.0.0.1:1/2");
  EXPECT_EQ(connect_error(set, server.port()), "");
  env.set("REDIS_PASSWORD", secret);
  env.set("REDIS_DB", "4");
  Context c(rehost_redisConnect(set, "127.0.0.1", server.port()));
  ASSERT_TRUE(c && !c->err) << (c ? c->errstr : "");
  EXPECT_EQ(text_of(c.get(), "SET k zero"), "OK");
  EXPECT_EQ(get_in_db(server, 0, "k"), "zero");
  EXPECT_EQ(auth_calls(server), 0);
}

TEST(ProfileSet, HostMatchesInAnyCaseAndAMissingPortIs6379) {
  ScopedEnv env;
  env.set("REDIS_SESSIONS_HOST", "Cache.Internal");
  env.set("REDIS_SESSIONS_DB", "7");
  const char *picked = nullptr;
  EXPECT_EQ(rehost_pick_profile(set, "cache.INTERNAL", 6379, nullptr, nullptr,
                                &picked),
            1);
  EXPECT_STREQ(picked, "sessions");
  EXPECT_EQ(rehost_pick_profile(set, "cache.internal", 6380, nullptr, nullptr,
                                &picked),
            0);
  EXPECT_EQ(picked, nullptr);
  // Built-in defaults are no address: a profile whose configuration sets
  // none is no match for 127.0.0.1:6379.
  env.set("REDIS_PASSWORD", secret);
  EXPECT_EQ(
      rehost_pick_profile(set, "127.0.0.1", 6379, nullptr, nullptr, &picked),
      0);
  // A plain name is its own pick, as a copy that outlives the argument
  // (libvalkey's cluster keeps it as its options' tls).
  char name[] = "queue";
  EXPECT_EQ(rehost_pick_profile(name, "h", 1, nullptr, nullptr, &picked), 1);
  name[0] = 'Q';
  EXPECT_STREQ(picked, "queue");
}

TEST(ProfileSet, UnixSocketAndNodeListMatchTheirOwnKind) {
  ScopedEnv env;
  env.set("REDIS_SESSIONS_SOCKET", "/run/redis/sessions.sock");
  const char *picked = nullptr;
  EXPECT_EQ(rehost_pick_profile(set, nullptr, 0, "/run/redis/sessions.sock",
                                nullptr, &picked),
            1);
  EXPECT_STREQ(picked, "sessions");
  EXPECT_EQ(
      rehost_pick_profile(set, "127.0.0.1", 6379, nullptr, nullptr, &picked),
      0);
  env.set("REDIS_CLUSTER_NODES", "10.0.0.1:7000,10.0.0.2:7000");
  env.set("REDIS_PASSWORD", secret);
  EXPECT_EQ(rehost_pick_profile(set, nullptr, 0, nullptr,
                                "10.0.0.2:7000,10.0.0.1:7000", &picked),
            1);
  EXPECT_STREQ(picked, "default");
  EXPECT_STREQ(rehost_cluster_nodes(set, "10.0.0.2:7000,10.0.0.1:7000"),
               "10.0.0.1:7000,10.0.0.2:7000");
  EXPECT_STREQ(rehost_cluster_nodes(set, "10.0.0.1:7000"), "10.0.0.1:7000");
}

// The accessors whose fallback is a whole endpoint take a set.
TEST(ProfileSet, UriAccessorMatchesItsFallback) {
  ScopedEnv env;
  env.set("REDIS_SESSIONS_URL", "redis://cache.internal:6380/2");
  EXPECT_STREQ(rehost_uri(set, "redis://CACHE.internal:6380"),
               "tcp://cache.internal:6380/2?connect_timeout=5000ms&keep_alive="
               "true");
  EXPECT_STREQ(rehost_uri(set, "redis://cache.internal:6379/5"),
               "tcp://cache.internal:6379/5?connect_timeout=5000ms&keep_alive="
               "true");
}

TEST(ProfileSet, SentinelProfileNeverMatches) {
  ScopedEnv env;
  env.set("REDIS_SESSIONS_HOST", "127.0.0.1");
  env.set("REDIS_SESSIONS_SENTINEL_NODES", "127.0.0.1:26379");
  env.set("REDIS_SESSIONS_SENTINEL_MASTER", "mymaster");
  const char *picked = nullptr;
  EXPECT_EQ(
      rehost_pick_profile(set, "127.0.0.1", 6379, nullptr, nullptr, &picked),
      0);
}

TEST(ProfileSet, TwoMatchesWithOtherSettingsAreAnError) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_URL", url_for(server, secret, 3));
  env.set("REDIS_SESSIONS_URL", url_for(server, "other-" + secret, 3));
  const std::string message = resolve_error(set, server.port());
  EXPECT_EQ(message, "profile set 'match:default,sessions': profiles 'default' "
                     "and 'sessions' both resolve to 127.0.0.1:" +
                         std::to_string(server.port()) +
                         " with different settings (password); rehost cannot "
                         "tell which one this connection is for (give them "
                         "different addresses)");
  EXPECT_EQ(message.find(secret), std::string::npos);
  const std::string errstr = connect_error(set, server.port());
  EXPECT_EQ(errstr, message.substr(0, 127));
}

TEST(ProfileSet, TwoMatchesWithTheSameSettingsAreOne) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_URL", url_for(server, secret, 2));
  env.set("REDIS_SESSIONS_HOST", "127.0.0.1");
  env.set("REDIS_SESSIONS_PORT", std::to_string(server.port()));
  env.set("REDIS_SESSIONS_PASSWORD", secret);
  env.set("REDIS_SESSIONS_DB", "2");
  Context c(rehost_redisConnect(set, "127.0.0.1", server.port()));
  ASSERT_TRUE(c && !c->err) << (c ? c->errstr : "");
  EXPECT_EQ(text_of(c.get(), "SET k two"), "OK");
  EXPECT_EQ(get_in_db(server, 2, "k", secret), "two");
}

TEST(ProfileSet, BadListedProfileFailsAsItsNameWould) {
  ScopedEnv env;
  env.set("REDIS_SESSIONS_PORT", "notaport");
  EXPECT_EQ(connect_error(set, 1),
            "REDIS_SESSIONS_PORT: port 'notaport' is not a number");
  EXPECT_EQ(connect_error("sessions", 1),
            "REDIS_SESSIONS_PORT: port 'notaport' is not a number");
}

TEST(ProfileSet, MalformedSetsAreNamed) {
  ScopedEnv env;
  const std::string usage = " (write match:NAME,NAME...)";
  const std::string rule = " (use letters, digits, '_' and '-')";
  const std::pair<std::string, std::string> cases[] = {
      {"match:", "names no profile" + usage},
      {"match:a,", "has an empty profile name" + usage},
      {"match:,a", "has an empty profile name" + usage},
      {"match:a,,b", "has an empty profile name" + usage},
      {"match:a,b c", "has an invalid profile name 'b c'" + rule},
      {"match:a:b", "has an invalid profile name 'a:b'" + rule},
      {"match:a,b,a", "names profile 'a' twice"},
  };
  for (const auto &[profile, why] : cases)
    EXPECT_EQ(resolve_error(profile, 6379),
              "profile set '" + profile + "' " + why);
}

TEST(ProfileSet, AValueAccessorTakesNoSet) {
  ScopedEnv env;
  env.set("REDIS_URL", "redis://10.0.0.5:6379");
  const std::string why = "profile set 'match:default,sessions': a profile set "
                          "only names the profile of a connection to the "
                          "endpoint the call gives, and this call gives none; "
                          "give one profile name";
  std::string thrown = "<no error>";
  try {
    rehost::host(set, "10.0.0.5");
  } catch (const ConfigError &error) {
    thrown = error.what();
  }
  EXPECT_EQ(thrown, why);
  EXPECT_EQ(rehost_port(set, 6379), -1);
  EXPECT_EQ(last_error(), why);
  EXPECT_EQ(rehost_password(set, nullptr), nullptr);
  EXPECT_EQ(last_error(), why);
  EXPECT_NE(rehost_check(set), nullptr);
  EXPECT_THROW(rehost::resolve(set), ConfigError);
}

TEST(ProfileSet, AsyncConnector) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_SESSIONS_URL", url_for(server, secret, 3));
  Context admin(server.admin_connect());
  text_of(admin.get(), ("AUTH " + secret).c_str());
  text_of(admin.get(), "SELECT 3");
  text_of(admin.get(), "SET k async");
  redisAsyncContext *ac =
      rehost_redisAsyncConnect(set, "127.0.0.1", server.port());
  ASSERT_TRUE(ac && !ac->err) << (ac ? ac->errstr : "");
  struct Result {
    bool finished = false;
    std::string text;
  } result;
  redisAsyncCommand(
      ac,
      [](redisAsyncContext *, void *reply, void *data) {
        auto *r = static_cast<redisReply *>(reply);
        auto *result = static_cast<Result *>(data);
        result->text = r && r->str ? std::string(r->str, r->len) : "<none>";
        result->finished = true;
      },
      &result, "GET k");
  drive(ac, result.finished);
  redisAsyncFree(ac);
  EXPECT_EQ(result.text, "async");
}

TEST(ProfileSet, CppAdapters) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_SESSIONS_URL", url_for(server, secret, 6));
  standin::client client;
  rehost::connect(client, set, "127.0.0.1", server.port());
  client.sync_commit();
  EXPECT_EQ(client.connection.sent, (std::vector<std::vector<std::string>>{
                                        {"AUTH", secret}, {"SELECT", "6"}}));

  standin::ConnectionOptions opts;
  opts.port = server.port();
  rehost::configure(opts, set);
  EXPECT_EQ(opts.password, secret);
  EXPECT_EQ(opts.db, 6);
  standin::ConnectionOptions elsewhere;
  elsewhere.port = 1;
  rehost::configure(elsewhere, set);
  EXPECT_EQ(elsewhere.password, "");
  EXPECT_EQ(elsewhere.db, 0);
}

TEST(ProfileSet, PoolPerEndpoint) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  RedisServer plain;
  env.set("REDIS_POOLSET_URL", url_for(server, secret, 4));
  const char *pool_set = "match:poolset,default";
  rehost_pool *pool = rehost_pool_get(
      pool_set, ("redis://127.0.0.1:" + std::to_string(server.port())).c_str());
  ASSERT_NE(pool, nullptr) << rehost_last_error();
  redisContext *c = rehost_pool_acquire(pool, -1);
  ASSERT_NE(c, nullptr) << rehost_last_error();
  EXPECT_EQ(text_of(c, "SET k pooled"), "OK");
  rehost_pool_release(pool, c);
  EXPECT_EQ(get_in_db(server, 4, "k", secret), "pooled");

  // Another endpoint, another pool: no profile matches it.
  rehost_pool *other = rehost_pool_get(pool_set, plain.url().c_str());
  ASSERT_NE(other, nullptr) << rehost_last_error();
  EXPECT_NE(other, pool);
  c = rehost_pool_acquire(other, -1);
  ASSERT_NE(c, nullptr) << rehost_last_error();
  EXPECT_EQ(text_of(c, "PING"), "PONG");
  rehost_pool_release(other, c);
  EXPECT_EQ(auth_calls(plain), 0);
}

} // namespace
