// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --pool --format json -o %t/report.json app.c --
// RUN: FileCheck %s --check-prefix=REWRITE --input-file=%t/app.c
// RUN: %e2e-cc %t/app.c -o %t/app
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/3' \
// RUN:   --expect '3 hits 50' -- %t/app | FileCheck %s
// A service that opens a connection per request, migrated with --pool, then
// run against a server with a password and db 3 that only REDIS_URL names:
// 50 requests, each INCR and INFO stats, and the server sees no connection
// after the first request's (total_connections_received does not move).

#include <hiredis/hiredis.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char Received[] = "total_connections_received:";

/* One request: its own connection, as the code was written. */
static long long request(long long *received) {
  redisContext *c = redisConnect("10.0.0.12", 6380);
  if (c == NULL || c->err) {
    fprintf(stderr, "connect: %s\n", c ? c->errstr : "no connection");
    redisFree(c);
    return -1;
  }
  redisReply *hits = redisCommand(c, "INCR hits");
  long long n = hits && hits->type == REDIS_REPLY_INTEGER ? hits->integer : -1;
  freeReplyObject(hits);
  redisReply *info = redisCommand(c, "INFO stats");
  const char *at = info && info->type == REDIS_REPLY_STRING
                       ? strstr(info->str, Received)
                       : NULL;
  *received = at ? atoll(at + strlen(Received)) : -1;
  freeReplyObject(info);
  redisFree(c);
  return n;
}

int main(void) {
  long long first = 0, last = 0;
  for (int i = 0; i < 50; ++i) {
    long long received = 0;
    if (request(&received) < 0 || received < 0)
      return 1;
    if (i == 0)
      first = received;
    last = received;
  }
  printf("connections opened by the last 49 requests: %lld\n", last - first);
  return 0;
}

// REWRITE: #include <hiredis/hiredis.h>
// REWRITE-NEXT: #include <rehost/rehost.h>
// REWRITE-NEXT: #include <stdio.h>
// REWRITE: redisContext *c = rehost_pool_acquire(rehost_pool_get("default", "redis://10.0.0.12:6380"), -1);
// REWRITE: rehost_redisRelease(c);
// REWRITE: rehost_redisRelease(c);

// CHECK: connections opened by the last 49 requests: 0
// CHECK: with-redis: server 1 db 3 hits = 50
// CHECK: with-redis: ok
