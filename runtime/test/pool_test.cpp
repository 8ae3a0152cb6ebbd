// The connection pool against real redis-servers on loopback: bounds,
// waits, failures, stale and broken connections, expiry, fork, SIGPIPE and
// its settings. Pools live as long as the process, one per profile, so each
// test uses a profile of its own.
#include "redis_server.hpp"
#include "scoped_env.hpp"
#include "test_support.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

using namespace rehost;
using namespace rehost::test;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

long long client_id(redisContext *c) {
  Reply r = run(c, "CLIENT ID");
  return r && r->type == REDIS_REPLY_INTEGER ? r->integer : -1;
}

// An INFO field of the server ("total_connections_received", or
// "cmdstat_ping" from INFO commandstats, whose calls= count is returned).
long long server_stat(const RedisServer &server, const std::string &field,
                      const std::string &password = "") {
  Context admin(server.admin_connect());
  if (!password.empty())
    Reply(static_cast<redisReply *>(
        redisCommand(admin.get(), "AUTH %s", password.c_str())));
  Reply r = run(admin.get(), "INFO all");
  if (!r || !r->str)
    return -1;
  std::string info(r->str, r->len);
  auto at = info.find(field + ":");
  if (at == std::string::npos)
    return 0;
  at += field.size() + 1;
  if (info.compare(at, 6, "calls=") == 0)
    at += 6;
  return std::stoll(info.substr(at));
}

void admin_command(const RedisServer &server, const char *command) {
  Context admin(server.admin_connect());
  Reply r = run(admin.get(), command);
  ASSERT_TRUE(r) << admin->errstr;
}

rehost_pool_stats stats_of(rehost_pool *pool) {
  rehost_pool_stats s{};
  EXPECT_EQ(rehost_pool_stats_get(pool, &s), 0);
  return s;
}

std::string last_error() {
  const char *e = rehost_last_error();
  return e ? e : "<none>";
}

bool contains(const std::string &text, const std::string &part) {
  return text.find(part) != std::string::npos;
}

// Points profile `name` at `server` through the environment, with `extra`
// as URL query keys (pool settings).
void configure(ScopedEnv &env, const std::string &name,
               const RedisServer &server, const std::string &extra = "") {
  std::string upper;
  for (char c : name)
    upper += c == '-' ? '_' : static_cast<char>(std::toupper(c));
  env.set("REDIS_" + upper + "_URL",
          server.url() + (extra.empty() ? "" : "?" + extra));
}

TEST(Pool, ManyThreadsSmallPoolExactCounts) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_HAMMER_URL", server.url() + "?pool_size=3");
  env.set("REDIS_HAMMER_PASSWORD", secret);
  const long long connections_before =
      server_stat(server, "total_connections_received", secret);
  rehost_pool *pool = rehost_pool_get("hammer", nullptr);
  ASSERT_NE(pool, nullptr) << last_error();

  constexpr int threads = 8, rounds = 400;
  std::atomic<int> failures{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&] {
      for (int i = 0; i < rounds; ++i) {
        redisContext *c = rehost_pool_acquire(pool, 5000);
        Reply r = c ? run(c, "INCR hammer") : nullptr;
        if (!r || r->type != REDIS_REPLY_INTEGER)
          ++failures;
        rehost_pool_release(pool, c);
      }
    });
  for (std::thread &w : workers)
    w.join();

  EXPECT_EQ(failures, 0);
  rehost_pool_stats s = stats_of(pool);
  EXPECT_EQ(s.acquired, static_cast<unsigned long long>(threads * rounds));
  EXPECT_GE(s.created, 1u);
  EXPECT_LE(s.created, 3u);
  EXPECT_EQ(s.closed, 0u);
  EXPECT_EQ(s.idle, s.created);
  EXPECT_EQ(s.in_use, 0u);
  EXPECT_EQ(s.waiters, 0u);
  EXPECT_EQ(s.connecting, 0u);
  EXPECT_EQ(s.acquire_timeouts, 0u);
  EXPECT_EQ(s.connect_failures, 0u);
  EXPECT_EQ(s.health_failures, 0u);
  EXPECT_EQ(s.release_discards, 0u);
  // The server agrees: exactly `created` connections, one INCR per acquire
  // (the admin connection of server_stat counts one more).
  EXPECT_EQ(server_stat(server, "total_connections_received", secret) -
                connections_before,
            static_cast<long long>(s.created) + 1);
  redisContext *c = rehost_pool_acquire(pool, 0);
  ASSERT_NE(c, nullptr) << last_error();
  EXPECT_EQ(text_of(c, "GET hammer"), std::to_string(threads * rounds));
  rehost_redisRelease(c);
}

TEST(Pool, SaturatedAcquireTimesOutAndSaysSo) {
  ScopedEnv env;
  RedisServer server;
  configure(env, "saturate", server, "pool_size=1");
  rehost_pool *pool = rehost_pool_get("saturate", nullptr);
  ASSERT_NE(pool, nullptr) << last_error();
  redisContext *held = rehost_pool_acquire(pool, 0);
  ASSERT_NE(held, nullptr) << last_error();

  const Clock::time_point start = Clock::now();
  EXPECT_EQ(rehost_pool_acquire(pool, 100), nullptr);
  const auto waited = Clock::now() - start;
  EXPECT_GE(waited, milliseconds(100));
  EXPECT_LT(waited, milliseconds(1000));
  const std::string message = last_error();
  EXPECT_TRUE(contains(message, "saturated")) << message;
  EXPECT_TRUE(contains(message, "'saturate'")) << message;
  EXPECT_TRUE(contains(message, "REDIS_SATURATE_URL")) << message;
  EXPECT_EQ(stats_of(pool).acquire_timeouts, 1u);

  // A waiter gets the connection as soon as it is returned.
  std::thread returner([&] {
    std::this_thread::sleep_for(milliseconds(50));
    rehost_pool_release(pool, held);
  });
  redisContext *next = rehost_pool_acquire(pool, 2000);
  returner.join();
  ASSERT_EQ(next, held) << last_error();
  rehost_pool_release(pool, next);
  EXPECT_EQ(stats_of(pool).created, 1u);
}

TEST(Pool, UnreachableServerBacksOffAndSaysSo) {
  ScopedEnv env;
  const int port = free_loopback_port(); // nothing listens there
  env.set("REDIS_NOWHERE_PORT", std::to_string(port));
  rehost_pool *pool = rehost_pool_get("nowhere", nullptr);
  ASSERT_NE(pool, nullptr) << last_error();

  const Clock::time_point start = Clock::now();
  EXPECT_EQ(rehost_pool_acquire(pool, 500), nullptr);
  EXPECT_LT(Clock::now() - start, milliseconds(1500));
  const std::string message = last_error();
  EXPECT_TRUE(contains(message, "server unreachable")) << message;
  EXPECT_TRUE(contains(message, "'nowhere'")) << message;
  EXPECT_TRUE(contains(message, std::to_string(port))) << message;
  // Retries double from 10ms (with jitter): 6 or 7 attempts fit in 500ms,
  // where retrying at once would make thousands.
  const unsigned long long failures = stats_of(pool).connect_failures;
  EXPECT_GE(failures, 4u);
  EXPECT_LE(failures, 9u);
  // Inside the backoff delay a no-wait acquire fails without an attempt.
  EXPECT_EQ(rehost_pool_acquire(pool, 0), nullptr);
  EXPECT_TRUE(contains(last_error(), "server unreachable")) << last_error();
  EXPECT_EQ(stats_of(pool).connect_failures, failures);
  EXPECT_EQ(stats_of(pool).acquire_timeouts, 0u);
}

TEST(Pool, WrongPasswordIsAConnectFailureThatHidesThePassword) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  configure(env, "wrongpw", server);
  env.set("REDIS_WRONGPW_PASSWORD", "not-" + secret);
  rehost_pool *pool = rehost_pool_get("wrongpw", nullptr);
  ASSERT_NE(pool, nullptr) << last_error();
  EXPECT_EQ(rehost_pool_acquire(pool, 0), nullptr);
  const std::string message = last_error();
  EXPECT_TRUE(contains(message, "cannot connect")) << message;
  EXPECT_TRUE(contains(message, "REDIS_WRONGPW_PASSWORD: AUTH failed"))
      << message;
  EXPECT_FALSE(contains(message, secret)) << message;
  EXPECT_EQ(stats_of(pool).connect_failures, 1u);
}

TEST(Pool, ServerRestartDiscardsStaleIdleConnections) {
  ScopedEnv env;
  RedisServer server;
  configure(env, "restart", server);
  rehost_pool *pool = rehost_pool_get("restart", nullptr);
  ASSERT_NE(pool, nullptr) << last_error();
  redisContext *a = rehost_pool_acquire(pool, 0);
  redisContext *b = rehost_pool_acquire(pool, 0);
  ASSERT_TRUE(a && b) << last_error();
  rehost_pool_release(pool, a);
  rehost_pool_release(pool, b);

  server.restart();
  redisContext *c = rehost_pool_acquire(pool, 1000);
  ASSERT_NE(c, nullptr) << last_error();
  EXPECT_EQ(text_of(c, "PING"), "PONG");
  rehost_pool_release(pool, c);
  rehost_pool_stats s = stats_of(pool);
  EXPECT_EQ(s.health_failures, 2u);
  EXPECT_EQ(s.created, 3u);
  EXPECT_EQ(s.closed, 2u);
  EXPECT_EQ(s.idle, 1u);
}

size_t open_descriptors() {
  return static_cast<size_t>(
      std::distance(std::filesystem::directory_iterator("/proc/self/fd"),
                    std::filesystem::directory_iterator()));
}

TEST(Pool, ServerKilledMidLoadRecoversWithoutLeaks) {
  ScopedEnv env;
  RedisServer server;
  configure(env, "midload", server, "pool_size=3&socket_timeout=1s");
  rehost_pool *pool = rehost_pool_get("midload", nullptr);
  ASSERT_NE(pool, nullptr) << last_error();
  rehost_redisRelease(rehost_pool_acquire(pool, 0));
  const size_t descriptors_before = open_descriptors();

  std::atomic<bool> stop{false};
  std::atomic<long long> ok{0}, failed{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t)
    workers.emplace_back([&] {
      while (!stop) {
        redisContext *c = rehost_pool_acquire(pool, 200);
        Reply r = c ? run(c, "INCR midload") : nullptr;
        (r && r->type == REDIS_REPLY_INTEGER ? ok : failed)++;
        rehost_pool_release(pool, c);
      }
    });
  std::this_thread::sleep_for(milliseconds(100));
  server.kill();
  std::this_thread::sleep_for(milliseconds(200));
  const long long failed_while_down = failed;
  server.restart();
  // Back within the backoff cap (1s) plus a margin.
  const long long ok_at_restart = ok;
  const Clock::time_point restarted = Clock::now();
  while (ok < ok_at_restart + 100 &&
         Clock::now() - restarted < milliseconds(3000))
    std::this_thread::sleep_for(milliseconds(10));
  stop = true;
  for (std::thread &w : workers)
    w.join();

  EXPECT_GT(failed_while_down, 0);
  EXPECT_GE(ok, ok_at_restart + 100) << "no recovery after the restart";
  rehost_pool_stats s = stats_of(pool);
  EXPECT_EQ(s.in_use, 0u);
  EXPECT_EQ(s.created - s.closed, s.idle);
  EXPECT_LE(s.idle, 3u);
  EXPECT_GT(s.connect_failures, 0u);
  // No descriptor outlives its connection: at most the idle ones are open.
  EXPECT_LE(open_descriptors(), descriptors_before - 1 + s.idle);
}

TEST(Pool, KilledIdleConnectionsAreDetectedOnBorrow) {
  ScopedEnv env;
  RedisServer server;
  configure(env, "killed", server);
  rehost_pool *pool = rehost_pool_get("killed", nullptr);
  ASSERT_NE(pool, nullptr) << last_error();
  redisContext *c = rehost_pool_acquire(pool, 0);
  ASSERT_NE(c, nullptr) << last_error();
  const long long first = client_id(c);
  rehost_pool_release(pool, c);

  admin_command(server, "CLIENT KILL TYPE normal SKIPME yes");
  // Past the clock tick in which a just-returned connection is trusted
  // without a poll.
  std::this_thread::sleep_for(milliseconds(20));
  c = rehost_pool_acquire(pool, 0);
  ASSERT_NE(c, nullptr) << last_error();
  EXPECT_NE(client_id(c), first);
  rehost_pool_release(pool, c);
  EXPECT_EQ(stats_of(pool).health_failures, 1u);
}

TEST(Pool, CommandTimeoutDiscardsTheConnectionOnRelease) {
  ScopedEnv env;
  RedisServer server;
  configure(env, "sleepy", server, "socket_timeout=100ms");
  rehost_pool *pool = rehost_pool_get("sleepy", nullptr);
  ASSERT_NE(pool, nullptr) << last_error();
  redisContext *c = rehost_pool_acquire(pool, 0);
  ASSERT_NE(c, nullptr) << last_error();
  EXPECT_EQ(run(c, "DEBUG SLEEP 0.3"), nullptr);
  EXPECT_NE(c->err, 0);
  rehost_pool_release(pool, c);
  EXPECT_EQ(stats_of(pool).release_discards, 1u);
  EXPECT_EQ(stats_of(pool).idle, 0u);

  std::this_thread::sleep_for(milliseconds(300)); // the server wakes up
  c = rehost_pool_acquire(pool, 0);
  ASSERT_NE(c, nullptr) << last_error();
  EXPECT_EQ(text_of(c, "PING"), "PONG");
  rehost_pool_release(pool, c);
  EXPECT_EQ(stats_of(pool).created, 2u);
}

TEST(Pool, TransactionsSubscriptionsAndUnreadRepliesAreNotReused) {
  ScopedEnv env;
  RedisServer server;
  configure(env, "dirty", server);
  rehost_pool *pool = rehost_pool_get("dirty", nullptr);
  ASSERT_NE(pool, nullptr) << last_error();

  redisContext *c = rehost_pool_acquire(pool, 0);
  ASSERT_NE(c, nullptr) << last_error();
  EXPECT_EQ(text_of(c, "MULTI"), "OK");
  EXPECT_EQ(text_of(c, "SET dirty 1"), "QUEUED");
  rehost_pool_release(pool, c);
  EXPECT_EQ(stats_of(pool).release_discards, 1u);
  c = rehost_pool_acquire(pool, 0);
  ASSERT_NE(c, nullptr) << last_error();
  EXPECT_EQ(text_of(c, "SET dirty 2"), "OK"); // not queued: a new connection
  // A finished transaction leaves the connection reusable.
  EXPECT_EQ(text_of(c, "MULTI"), "OK");
  EXPECT_EQ(text_of(c, "INCR dirty"), "QUEUED");
  Reply exec = run(c, "EXEC");
  ASSERT_TRUE(exec && exec->type == REDIS_REPLY_ARRAY);
  rehost_pool_release(pool, c);
  EXPECT_EQ(stats_of(pool).release_discards, 1u);
  EXPECT_EQ(stats_of(pool).idle, 1u);

  c = rehost_pool_acquire(pool, 0);
  ASSERT_NE(c, nullptr) << last_error();
  Reply subscribed = run(c, "SUBSCRIBE news");
  ASSERT_TRUE(subscribed && subscribed->type == REDIS_REPLY_ARRAY);
  rehost_pool_release(pool, c);
  EXPECT_EQ(stats_of(pool).release_discards, 2u);

  c = rehost_pool_acquire(pool, 0);
  ASSERT_NE(c, nullptr) << last_error();
  ASSERT_EQ(redisAppendCommand(c, "PING"), REDIS_OK); // never sent
  rehost_pool_release(pool, c);
  EXPECT_EQ(stats_of(pool).release_discards, 3u);
  EXPECT_EQ(stats_of(pool).idle, 0u);
}

TEST(Pool, ConnectionsToAReplicaAreNotReusedAfterReadonly) {
  ScopedEnv env;
  RedisServer master;
  RedisServer replica(
      {"--replicaof", "127.0.0.1", std::to_string(master.port())});
  configure(env, "demoted", replica);
  rehost_pool *pool = rehost_pool_get("demoted", nullptr);
  ASSERT_NE(pool, nullptr) << last_error();
  redisContext *c = rehost_pool_acquire(pool, 0);
  ASSERT_NE(c, nullptr) << last_error();
  EXPECT_EQ(text_of(c, "EXISTS k"), "0"); // reads are fine on a replica
  rehost_pool_release(pool, c);
  EXPECT_EQ(stats_of(pool).release_discards, 0u);
  c = rehost_pool_acquire(pool, 0);
  EXPECT_EQ(text_of(c, "SET k v").substr(0, 8), "READONLY");
  rehost_pool_release(pool, c);
  EXPECT_EQ(stats_of(pool).release_discards, 1u);
}

TEST(Pool, LifetimeAndIdleTimeExpire) {
  ScopedEnv env;
  RedisServer server;
  configure(env, "lifetime", server,
            "pool_connection_lifetime=150ms&pool_connection_idle_time=0");
  configure(env, "idletime", server,
            "pool_connection_lifetime=0&pool_connection_idle_time=100ms");
  rehost_pool *by_age = rehost_pool_get("lifetime", nullptr);
  rehost_pool *by_idle = rehost_pool_get("idletime", nullptr);
  ASSERT_TRUE(by_age && by_idle) << last_error();

  // Lifetime counts from the connect, however busy the connection is.
  redisContext *c = rehost_pool_acquire(by_age, 0);
  ASSERT_NE(c, nullptr) << last_error();
  const long long first = client_id(c);
  rehost_pool_release(by_age, c);
  std::this_thread::sleep_for(milliseconds(80));
  c = rehost_pool_acquire(by_age, 0);
  EXPECT_EQ(client_id(c), first);
  std::this_thread::sleep_for(milliseconds(100));
  rehost_pool_release(by_age, c); // 180ms old: closed on return
  EXPECT_EQ(stats_of(by_age).expired, 1u);
  EXPECT_EQ(stats_of(by_age).idle, 0u);

  // Idle time counts from the last return.
  c = rehost_pool_acquire(by_idle, 0);
  ASSERT_NE(c, nullptr) << last_error();
  const long long idle_first = client_id(c);
  for (int i = 0; i < 3; ++i) {
    rehost_pool_release(by_idle, c);
    std::this_thread::sleep_for(milliseconds(50));
    c = rehost_pool_acquire(by_idle, 0);
    EXPECT_EQ(client_id(c), idle_first);
  }
  rehost_pool_release(by_idle, c);
  std::this_thread::sleep_for(milliseconds(150));
  c = rehost_pool_acquire(by_idle, 0);
  ASSERT_NE(c, nullptr) << last_error();
  EXPECT_NE(client_id(c), idle_first);
  rehost_pool_release(by_idle, c);
  EXPECT_EQ(stats_of(by_idle).expired, 1u);
  EXPECT_EQ(stats_of(by_idle).created, 2u);
}

TEST(Pool, PingsOnlyAfterTheHealthCheckInterval) {
  ScopedEnv env;
  RedisServer server;
  configure(env, "health", server, "health_check_interval=100ms");
  rehost_pool *pool = rehost_pool_get("health", nullptr);
  ASSERT_NE(pool, nullptr) << last_error();
  rehost_redisRelease(rehost_pool_acquire(pool, 0));
  const long long pings = server_stat(server, "cmdstat_ping");
  for (int i = 0; i < 5; ++i)
    rehost_redisRelease(rehost_pool_acquire(pool, 0));
  EXPECT_EQ(server_stat(server, "cmdstat_ping"), pings);
  std::this_thread::sleep_for(milliseconds(150));
  rehost_redisRelease(rehost_pool_acquire(pool, 0));
  EXPECT_EQ(server_stat(server, "cmdstat_ping"), pings + 1);
  EXPECT_EQ(stats_of(pool).created, 1u);
}

TEST(Pool, ForkedChildNeverUsesTheParentsConnections) {
  ScopedEnv env;
  RedisServer server;
  configure(env, "forked", server, "pool_size=4");
  rehost_pool *pool = rehost_pool_get("forked", nullptr);
  ASSERT_NE(pool, nullptr) << last_error();
  redisContext *c = rehost_pool_acquire(pool, 0);
  ASSERT_NE(c, nullptr) << last_error();
  const long long parent_id = client_id(c);
  rehost_pool_release(pool, c);
  redisContext *held = rehost_pool_acquire(pool, 0); // held across the fork
  ASSERT_EQ(held, c);

  // Other threads keep using the pool while the process forks.
  std::atomic<bool> stop{false};
  std::vector<std::thread> busy;
  for (int t = 0; t < 2; ++t)
    busy.emplace_back([&] {
      while (!stop)
        rehost_redisRelease(rehost_pool_acquire(pool, 1000));
    });
  std::this_thread::sleep_for(milliseconds(20));
  pid_t child = fork();
  if (child == 0) {
    // Exit codes say which check failed.
    redisContext *mine = rehost_pool_acquire(pool, 1000);
    if (!mine)
      _exit(2);
    const long long id = client_id(mine);
    if (id < 0 || id == parent_id)
      _exit(3);
    rehost_pool_release(pool, mine);
    // The connection held at the fork is severed, not shared.
    if (redisCommand(held, "PING") != nullptr)
      _exit(4);
    rehost_pool_release(pool, held);
    rehost_pool_stats s{};
    rehost_pool_stats_get(pool, &s);
    if (s.in_use != 0 || s.idle != 1)
      _exit(5);
    _exit(0);
  }
  ASSERT_GT(child, 0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  stop = true;
  for (std::thread &t : busy)
    t.join();
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  // The parent's held connection is intact.
  EXPECT_EQ(client_id(held), parent_id);
  rehost_pool_release(pool, held);
  EXPECT_EQ(stats_of(pool).in_use, 0u);
}

TEST(Pool, SigpipeDoesNotKillTheProcess) {
  ScopedEnv env;
  RedisServer server;
  configure(env, "sigpipe", server);
  rehost_pool *pool = rehost_pool_get("sigpipe", nullptr);
  ASSERT_NE(pool, nullptr) << last_error();
  struct sigaction current {};
  ASSERT_EQ(sigaction(SIGPIPE, nullptr, &current), 0);
  EXPECT_EQ(current.sa_handler, SIG_IGN);

  redisContext *c = rehost_pool_acquire(pool, 0);
  ASSERT_NE(c, nullptr) << last_error();
  server.restart();
  // The first write reaches a closed socket and draws a reset; later ones
  // fail with EPIPE, which would raise SIGPIPE.
  for (int i = 0; i < 3; ++i)
    run(c, "PING");
  EXPECT_NE(c->err, 0);
  rehost_pool_release(pool, c);
  EXPECT_EQ(stats_of(pool).release_discards, 1u);
}

TEST(Pool, RedisReleaseFreesContextsNoPoolHolds) {
  ScopedEnv env;
  RedisServer server;
  configure(env, "plain", server);
  const long long before = server_stat(server, "connected_clients");
  redisContext *c = rehost_redisConnect("plain", nullptr, 0);
  ASSERT_TRUE(c && !c->err) << (c ? c->errstr : "");
  EXPECT_EQ(server_stat(server, "connected_clients"), before + 1);
  rehost_redisRelease(c);
  EXPECT_EQ(rehost_last_error(), nullptr);
  long long after = before + 1;
  for (int i = 0; i < 100 && after != before; ++i) {
    std::this_thread::sleep_for(milliseconds(10));
    after = server_stat(server, "connected_clients");
  }
  EXPECT_EQ(after, before);

  rehost_pool *pool = rehost_pool_get("plain", nullptr);
  ASSERT_NE(pool, nullptr) << last_error();
  c = rehost_pool_acquire(pool, 0);
  rehost_redisRelease(c);
  EXPECT_EQ(stats_of(pool).idle, 1u);
  rehost_redisRelease(c);
  EXPECT_TRUE(contains(last_error(), "released twice")) << last_error();
  EXPECT_EQ(stats_of(pool).idle, 1u);
}

TEST(Pool, MinIdleConnectionsAreOpenedUpFrontAndKept) {
  ScopedEnv env;
  RedisServer server;
  configure(env, "warm", server, "pool_size=4&pool_min_idle=2");
  rehost_pool *pool = rehost_pool_get("warm", nullptr);
  ASSERT_NE(pool, nullptr) << last_error();
  rehost_pool_stats s = stats_of(pool);
  EXPECT_EQ(s.created, 2u);
  EXPECT_EQ(s.idle, 2u);
  EXPECT_EQ(s.acquired, 0u);

  // Three leases take both idle connections and open a third; the first
  // return tops the idle ones up to two, within pool_size.
  redisContext *leases[3];
  for (redisContext *&c : leases)
    ASSERT_NE(c = rehost_pool_acquire(pool, 0), nullptr) << last_error();
  EXPECT_EQ(stats_of(pool).idle, 0u);
  rehost_pool_release(pool, leases[0]);
  s = stats_of(pool);
  EXPECT_EQ(s.idle, 2u);
  EXPECT_EQ(s.in_use, 2u);
  EXPECT_EQ(s.created, 4u);
  rehost_pool_release(pool, leases[1]);
  rehost_pool_release(pool, leases[2]);
  s = stats_of(pool);
  EXPECT_EQ(s.idle, 4u);
  EXPECT_EQ(s.created, 4u);

  // Killed idle connections are found on the next borrow, and that lease's
  // return opens connections until two are idle again.
  admin_command(server, "CLIENT KILL TYPE normal SKIPME yes");
  std::this_thread::sleep_for(milliseconds(20));
  redisContext *c = rehost_pool_acquire(pool, 0);
  ASSERT_NE(c, nullptr) << last_error();
  EXPECT_EQ(text_of(c, "PING"), "PONG");
  rehost_pool_release(pool, c);
  s = stats_of(pool);
  EXPECT_EQ(s.health_failures, 4u);
  EXPECT_EQ(s.idle, 2u);
  EXPECT_EQ(s.in_use, 0u);
  EXPECT_EQ(s.created, 6u);
  EXPECT_EQ(s.created - s.closed, 2u);
}

TEST(Pool, CxxPoolAndLease) {
  ScopedEnv env;
  RedisServer server;
  configure(env, "cxx", server, "pool_size=1");
  Pool pool("cxx");
  EXPECT_EQ(Pool("cxx").get(), pool.get());
  {
    Lease lease = pool.acquire();
    ASSERT_TRUE(lease);
    EXPECT_EQ(text_of(lease.get(), "PING"), "PONG");
    EXPECT_EQ(pool.stats().in_use, 1u);
    Lease moved = std::move(lease);
    EXPECT_FALSE(lease);
    EXPECT_TRUE(moved);
    EXPECT_EQ(moved->err, 0);
    try {
      pool.acquire(milliseconds(0));
      ADD_FAILURE() << "acquired past pool_size";
    } catch (const PoolError &error) {
      EXPECT_TRUE(contains(error.what(), "saturated")) << error.what();
    }
  }
  EXPECT_EQ(pool.stats().in_use, 0u);
  EXPECT_EQ(pool.stats().idle, 1u);
  Lease again = pool.acquire(milliseconds(0));
  again.reset();
  EXPECT_FALSE(again);
  EXPECT_EQ(pool.stats().idle, 1u);

  env.set("REDIS_CXX_BAD_POOL_SIZE", "many");
  try {
    Pool bad("cxx-bad");
    ADD_FAILURE() << "no error";
  } catch (const ConfigError &error) {
    EXPECT_TRUE(contains(error.what(), "REDIS_CXX_BAD_POOL_SIZE"))
        << error.what();
  }
}

TEST(Pool, FallbackUrlIsTheCallSite) {
  ScopedEnv env;
  RedisServer server;
  rehost_pool *pool = rehost_pool_get("fallback", server.url().c_str());
  ASSERT_NE(pool, nullptr) << last_error();
  redisContext *c = rehost_pool_acquire(pool, 0);
  ASSERT_NE(c, nullptr) << last_error();
  EXPECT_EQ(text_of(c, "PING"), "PONG");
  rehost_redisRelease(c);
}

struct BadPoolSetting {
  std::string variable; // set to `value` in the environment
  std::string value;
  std::string expected; // in rehost_last_error()
};

class BadPoolSettings : public ::testing::TestWithParam<BadPoolSetting> {};

TEST_P(BadPoolSettings, NameTheVariableAndCreateNoPool) {
  ScopedEnv env;
  env.set("REDIS_BADPOOL_PASSWORD", secret);
  env.set(GetParam().variable, GetParam().value);
  EXPECT_EQ(rehost_pool_get("badpool", nullptr), nullptr);
  const std::string message = last_error();
  EXPECT_TRUE(contains(message, GetParam().expected)) << message;
  EXPECT_FALSE(contains(message, secret)) << message;
}

INSTANTIATE_TEST_SUITE_P(
    Pool, BadPoolSettings,
    ::testing::Values(
        BadPoolSetting{"REDIS_BADPOOL_POOL_SIZE", "0",
                       "REDIS_BADPOOL_POOL_SIZE: pool size '0' is out of "
                       "range 1..100000"},
        BadPoolSetting{"REDIS_BADPOOL_POOL_WAIT_TIMEOUT", "soon",
                       "REDIS_BADPOOL_POOL_WAIT_TIMEOUT: duration 'soon'"},
        BadPoolSetting{"REDIS_BADPOOL_POOL_MIN_IDLE", "-1",
                       "REDIS_BADPOOL_POOL_MIN_IDLE: pool min idle '-1' is "
                       "out of range"},
        BadPoolSetting{"REDIS_BADPOOL_POOL_MIN_IDLE", "9",
                       "REDIS_BADPOOL_POOL_MIN_IDLE: pool min idle 9 is "
                       "larger than pool_size 8 (default)"},
        BadPoolSetting{"REDIS_BADPOOL_POOL_CONNECTION_LIFETIME", "10x",
                       "REDIS_BADPOOL_POOL_CONNECTION_LIFETIME: duration "
                       "'10x' has unit 'x'"},
        BadPoolSetting{"REDIS_BADPOOL_POOL_CONNECTION_IDLE_TIME", "-5s",
                       "REDIS_BADPOOL_POOL_CONNECTION_IDLE_TIME: duration "
                       "'-5s'"},
        BadPoolSetting{"REDIS_BADPOOL_HEALTH_CHECK_INTERVAL", "often",
                       "REDIS_BADPOOL_HEALTH_CHECK_INTERVAL: duration "
                       "'often'"},
        BadPoolSetting{"REDIS_BADPOOL_URL",
                       "redis://:" + secret + "@h?health_check_interval=2y",
                       "REDIS_BADPOOL_URL: duration '2y' has unit 'y'"}),
    [](const auto &info) { return "case" + std::to_string(info.index); });

TEST(Pool, BadHealthCheckIntervalInRehostTomlNamesTheKey) {
  ScopedEnv env;
  TempDir dir;
  ScopedCwd cwd(dir.path());
  dir.write("rehost.toml", "[profiles.tomlpool]\n"
                           "health_check_interval = \"every now and then\"\n");
  EXPECT_EQ(rehost_pool_get("tomlpool", nullptr), nullptr);
  EXPECT_TRUE(contains(last_error(),
                       "rehost.toml: profiles.tomlpool.health_check_interval: "
                       "duration 'every now and then'"))
      << last_error();
}

} // namespace
