// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.c --
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: not grep -n -e 'cache[-]pw' -e 'queue[-]pw' %t/app.c
// RUN: %e2e-cc %t/app.c -o %t/app
// RUN: cd %t && %with-redis --servers 2 \
// RUN:   --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/3' \
// RUN:   --env 'REDIS_QUEUE_URL=redis://:{password2}@127.0.0.1:{port2}/5' \
// RUN:   --expect '@1 3 visits 1' --expect '@1 3 jobs (none)' \
// RUN:   --expect '@2 5 jobs 1' --expect '@2 5 visits (none)' -- %t/app | FileCheck %s
// Two hardcoded endpoints become two profiles ("default" and, from its
// host, "queue"), each with an AUTH literal on its own connection. Run with
// two servers that have different passwords and dbs: each connection, and
// the AUTH it sends, must follow its own profile for both writes to land.

#include <hiredis/hiredis.h>
#include <stdio.h>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.h>
// FIXED-NEXT: #include <stdio.h>

static int connected(redisContext *c, const char *name) {
  if (c != NULL && !c->err)
    return 1;
  fprintf(stderr, "%s: connect: %s\n", name, c ? c->errstr : "out of memory");
  return 0;
}

static int replied(redisContext *c, const char *name, const char *what, redisReply *reply, int type) {
  if (reply != NULL && reply->type == type) {
    if (type == REDIS_REPLY_INTEGER)
      printf("%s: %s -> %lld\n", name, what, reply->integer);
    freeReplyObject(reply);
    return 1;
  }
  fprintf(stderr, "%s: %s: %s\n", name, what, reply ? reply->str : c->errstr);
  return 0;
}

int main(void) {
  redisContext *cache = redisConnect("cache.internal", 6379);
  // FIXED: redisContext *cache = rehost_redisConnect("default", "cache.internal", 6379);
  if (!connected(cache, "cache"))
    return 1;
  redisReply *cache_auth = redisCommand(cache, "AUTH %s", "cache-pw");
  // FIXED: redisReply *cache_auth = rehost_redisAuth(cache, "default");
  if (!replied(cache, "cache", "AUTH", cache_auth, REDIS_REPLY_STATUS))
    return 1;

  redisContext *queue = redisConnect("queue.internal", 6379);
  // FIXED: redisContext *queue = rehost_redisConnect("queue", "queue.internal", 6379);
  if (!connected(queue, "queue"))
    return 1;
  redisReply *queue_auth = redisCommand(queue, "AUTH %s", "queue-pw");
  // FIXED: redisReply *queue_auth = rehost_redisAuth(queue, "queue");
  if (!replied(queue, "queue", "AUTH", queue_auth, REDIS_REPLY_STATUS))
    return 1;

  if (!replied(cache, "cache", "INCR visits", redisCommand(cache, "INCR visits"), REDIS_REPLY_INTEGER) ||
      !replied(queue, "queue", "RPUSH jobs", redisCommand(queue, "RPUSH jobs job-1"), REDIS_REPLY_INTEGER))
    return 1;
  redisFree(queue);
  redisFree(cache);
  return 0;
}

// CHECK: cache: INCR visits -> 1
// CHECK: queue: RPUSH jobs -> 1
// CHECK: with-redis: server 1 db 3 visits = 1
// CHECK: with-redis: server 2 db 5 jobs = 1
// CHECK: with-redis: ok
