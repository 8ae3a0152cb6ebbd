// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.c -- -I%S/fakes/hiredis1
// RUN: grep -q 'rehost_redisConnectWithOptions(&options, "default")' %t/app.c
// RUN: %e2e-cc -I%S/fakes/hiredis1 %t/app.c -o %t/app
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/3' \
// RUN:   --expect '3 visits 1' --expect '0 visits (none)' -- %t/app | FileCheck %s
// RUN: cd %t && env REDIS_URL='redis://127.0.0.1:notaport' %expect-exit 1 %t/app 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD
// A db the server refuses fails the async connect itself (its handshake is
// tried before the context is handed out), naming the variable; nothing is
// written anywhere.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/99' \
// RUN:   --expect-fail --expect-empty -- %t/app 2>&1 | FileCheck %s --check-prefix=REFUSED --implicit-check-not=visits=
// hiredis 1.x's options API (over Debian's hiredis 0.14, test/e2e/fakes/
// hiredis1), migrated, then run against a server that only REDIS_URL names:
// the options' host and port follow the profile, and the rewritten connect
// sends its password and selects db 3, which the code never wrote. Under a
// malformed REDIS_URL the program gets a failed context naming the variable
// (the accessors' NULL never reaches hiredis), for the async form too.

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <stdio.h>

static int async_form(void) {
  redisOptions options = {0};
  REDIS_OPTIONS_SET_TCP(&options, "10.0.0.21", 6390);
  redisAsyncContext *ac = redisAsyncConnectWithOptions(&options);
  if (ac == NULL || ac->err) {
    fprintf(stderr, "async connect: %s\n", ac ? ac->errstr : "out of memory");
    if (ac)
      redisAsyncFree(ac);
    return 1;
  }
  redisAsyncFree(ac);
  return 0;
}

int main(void) {
  int async_failed = async_form();
  redisOptions options = {0};
  REDIS_OPTIONS_SET_TCP(&options, "10.0.0.21", 6390);
  redisContext *c = redisConnectWithOptions(&options);
  if (c == NULL || c->err) {
    fprintf(stderr, "connect: %s\n", c ? c->errstr : "out of memory");
    return 1;
  }
  redisReply *visits = redisCommand(c, "INCR visits");
  if (visits == NULL || visits->type != REDIS_REPLY_INTEGER) {
    fprintf(stderr, "INCR: %s\n", visits ? visits->str : c->errstr);
    return 1;
  }
  printf("visits=%lld\n", visits->integer);
  freeReplyObject(visits);
  redisFree(c);
  return async_failed;
}

// CHECK: visits=1
// CHECK: with-redis: server 1 db 3 visits = 1
// CHECK: with-redis: ok

// BAD: async connect: {{.*}}REDIS_URL{{.*}}
// BAD: connect: {{.*}}REDIS_URL{{.*}}
// REFUSED: async connect: REDIS_URL: SELECT 99 failed: {{.*}}
// REFUSED: connect: REDIS_URL: SELECT 99 failed: {{.*}}
// REFUSED: with-redis: ok
