/* Every C entry point called from C99 (-std=c99 -pedantic), compiled by
 * header_test.sh and run against the library. */
/* As in migrated code, the file chooses its hiredis; rehost.h chooses none. */
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <rehost/rehost.h>

#include <stdio.h>
#include <string.h>

static int failures = 0;

static void expect(int ok, const char *what, int line) {
  if (!ok) {
    fprintf(stderr, "line %d: %s\n", line, what);
    ++failures;
  }
}
#define EXPECT(condition) expect((condition), #condition, __LINE__)

static int is(const char *value, const char *expected) {
  return value != NULL && strcmp(value, expected) == 0;
}

int main(void) {
  struct timeval tv;
  redisContext *contexts[8];
  redisAsyncContext *async_contexts[4];
  rehost_pool *pool;
  rehost_pool_stats stats;
  size_t i;
  tv.tv_sec = 0;
  tv.tv_usec = 1000;

  EXPECT(is(rehost_host("calls", "10.1.2.3"), "10.1.2.3"));
  EXPECT(rehost_port("calls", 6380) == 6380);
  EXPECT(rehost_password("calls", NULL) == NULL);
  EXPECT(is(rehost_auth_password("calls"), ""));
  EXPECT(rehost_username("calls", NULL) == NULL);
  EXPECT(rehost_db("calls", 2) == 2);
  EXPECT(is(rehost_socket("calls", "/run/redis.sock"), "/run/redis.sock"));
  EXPECT(rehost_uri("calls", "redis://h:1") != NULL);
  EXPECT(is(rehost_cluster_nodes("calls", "a:1,b:2"), "a:1,b:2"));
  {
    const char *user, *password;
    int db;
    EXPECT(rehost_cluster_credentials("calls", "u", NULL, 2, &user, &password,
                                      &db) == 0);
    EXPECT(is(user, "u") && password == NULL && db == 2);
  }
  EXPECT(rehost_last_error() == NULL);
  EXPECT(rehost_host("not a profile", NULL) == NULL);
  EXPECT(rehost_last_error() != NULL);
  EXPECT(rehost_check("calls") == NULL);
  EXPECT(rehost_check("not a profile") != NULL);
  EXPECT(rehost_connect_check("calls") == NULL);
  EXPECT(rehost_connect_check("not a profile") != NULL);
  EXPECT(rehost_uses_tls("calls") == 0);
  EXPECT(rehost_uses_tls("not a profile") == -1);
  /* "calls" has no TLS: no session; a failure report frees a NULL one. */
  EXPECT(rehost_tls_session_new("calls", "h", 1) == NULL);
  EXPECT(rehost_last_error() != NULL);
  EXPECT(rehost_tls_session_failed(NULL, "calls", "h", 1, "why", NULL) != NULL);
  EXPECT(rehost_connect_timeout_ms("calls", 1500) == 1500);
  EXPECT(rehost_command_timeout_ms("calls", 0) == 0);
  {
    int argc;
    const char **argv;
    const size_t *lens;
    const char *what;
    EXPECT(rehost_handshake_step("calls", 0, &argc, &argv, &lens, &what) == 0);
  }

  /* A configuration error: each connector returns a context carrying it. */
  contexts[0] = rehost_redisConnect("bad profile", "127.0.0.1", 1);
  contexts[1] = rehost_redisConnectWithTimeout("bad profile", "h", 1, tv);
  contexts[2] = rehost_redisConnectNonBlock("bad profile", "h", 1);
  contexts[3] = rehost_redisConnectBindNonBlock("bad profile", "h", 1, NULL);
  contexts[4] =
      rehost_redisConnectBindNonBlockWithReuse("bad profile", "h", 1, NULL);
  contexts[5] = rehost_redisConnectUnix("bad profile", "/p");
  contexts[6] = rehost_redisConnectUnixWithTimeout("bad profile", "/p", tv);
  contexts[7] = rehost_redisConnectUnixNonBlock("bad profile", "/p");
  for (i = 0; i < sizeof contexts / sizeof contexts[0]; ++i) {
    EXPECT(contexts[i] != NULL && contexts[i]->err == REDIS_ERR_OTHER);
    redisFree(contexts[i]);
  }
  async_contexts[0] = rehost_redisAsyncConnect("bad profile", "h", 1);
  async_contexts[1] = rehost_redisAsyncConnectBind("bad profile", "h", 1, NULL);
  async_contexts[2] =
      rehost_redisAsyncConnectBindWithReuse("bad profile", "h", 1, NULL);
  async_contexts[3] = rehost_redisAsyncConnectUnix("bad profile", "/p");
  for (i = 0; i < sizeof async_contexts / sizeof async_contexts[0]; ++i) {
    EXPECT(async_contexts[i] != NULL && async_contexts[i]->err != 0);
    redisAsyncFree(async_contexts[i]);
  }

  /* The rewritten AUTH command's three forms (no connection: NULL in). */
  EXPECT(rehost_redisAuth(NULL, "calls") == NULL);
  EXPECT(rehost_redisAppendAuth(NULL, "calls") == REDIS_ERR);
  EXPECT(rehost_redisAsyncAuth(NULL, NULL, NULL, "calls") == REDIS_ERR);
  EXPECT(rehost_redisInitiateTls(NULL, "calls") == REDIS_ERR);
  EXPECT(rehost_redisAsyncInitiateTls(NULL, "calls") == REDIS_ERR);

  /* The pool: nothing listens on port 1, so acquiring fails, and says so. */
  pool = rehost_pool_get("calls", "redis://127.0.0.1:1");
  EXPECT(pool != NULL);
  EXPECT(rehost_pool_get("calls", NULL) == pool);
  EXPECT(rehost_pool_acquire(pool, 0) == NULL);
  EXPECT(rehost_last_error() != NULL &&
         strstr(rehost_last_error(), "unreachable") != NULL);
  EXPECT(rehost_pool_stats_get(pool, &stats) == 0);
  EXPECT(stats.connect_failures == 1 && stats.created == 0);
  EXPECT(rehost_pool_stats_get(NULL, &stats) == -1);
  EXPECT(rehost_pool_get("bad profile", NULL) == NULL);
  rehost_pool_release(pool, NULL);
  /* A context no pool holds is freed. */
  rehost_pool_release(pool, rehost_redisConnect("bad profile", "h", 1));
  rehost_redisRelease(rehost_redisConnect("bad profile", "h", 1));
  rehost_redisRelease(NULL);

  if (failures == 0)
    printf("ok (C %ld)\n", (long)__STDC_VERSION__);
  return failures == 0 ? 0 : 1;
}
