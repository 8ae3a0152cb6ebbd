// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t
// RUN: %e2e-cc %s -o %t/app
// The control: with the right password the program's write lands ...
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/3' \
// RUN:   --expect '3 visits 1' -- %t/app | FileCheck %s --check-prefix=RIGHT
// ... and with a wrong one in REDIS_URL, the harness must report failure:
// the program exits non-zero and its write is missing.
// RUN: cd %t && not %with-redis --env 'REDIS_URL=redis://:wrong-{password}@127.0.0.1:{port}/3' \
// RUN:   --expect '3 visits 1' -- %t/app > %t/wrong.out 2>&1
// RUN: FileCheck %s --input-file=%t/wrong.out --check-prefix=WRONG
// So do a missing password and a write that lands in another db.
// RUN: cd %t && not %with-redis --env 'REDIS_URL=redis://127.0.0.1:{port}/3' \
// RUN:   --expect '3 visits 1' -- %t/app | FileCheck %s --check-prefix=WRONG
// RUN: cd %t && not %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/4' \
// RUN:   --expect '3 visits 1' -- %t/app | FileCheck %s --check-prefix=OTHER-DB
// A program already written against the runtime: no rewrite involved, so
// this proves the harness, not the tool.

#include <hiredis/hiredis.h>
#include <rehost/rehost.h>
#include <stdio.h>

int main(void) {
  redisContext *c = rehost_redisConnect("default", "127.0.0.1", 6379);
  if (c == NULL || c->err) {
    fprintf(stderr, "connect: %s\n", c ? c->errstr : rehost_last_error());
    return 1;
  }
  redisReply *reply = redisCommand(c, "INCR visits");
  if (reply == NULL || reply->type != REDIS_REPLY_INTEGER) {
    fprintf(stderr, "INCR: %s\n", reply ? reply->str : c->errstr);
    return 1;
  }
  freeReplyObject(reply);
  redisFree(c);
  return 0;
}

// RIGHT: with-redis: server 1 db 3 visits = 1
// RIGHT-NEXT: with-redis: ok
// RIGHT-NEXT: with-redis: stopped 1 server(s)

// WRONG: with-redis: FAIL: '{{.*}}app' exited with 1
// WRONG-NEXT: with-redis: FAIL: server 1 db 3 visits: none (none), expected 1
// WRONG-NOT: with-redis: ok
// WRONG: with-redis: stopped 1 server(s)

// OTHER-DB: with-redis: FAIL: server 1 db 3 visits: none (none), expected 1
// OTHER-DB: with-redis: server 1 keyspace: db4:keys=1
// OTHER-DB-NOT: with-redis: ok
