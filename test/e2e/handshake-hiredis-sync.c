// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.c --
// RUN: %e2e-cc %t/app.c -o %t/app
// A wrong password in REDIS_URL: the connect fails naming REDIS_URL, and
// nothing is written in any db.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:wrong-secret-4711@127.0.0.1:{port}/3' \
// RUN:   --expect-fail --expect-empty -- %t/app > %t/wrong.out 2>&1
// RUN: FileCheck %s --check-prefix=WRONG --input-file=%t/wrong.out --implicit-check-not=wrong-secret
// A db the server refuses (it has 16): SELECT fails, nothing lands in db 0.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/99' \
// RUN:   --expect-fail --expect-empty -- %t/app > %t/db.out 2>&1
// RUN: FileCheck %s --check-prefix=DB --input-file=%t/db.out --implicit-check-not=pw-
// The control: configured right, the write lands in db 3.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/3' \
// RUN:   --expect '3 written yes' -- %t/app | FileCheck %s --check-prefix=RIGHT
// hiredis's synchronous connect, migrated: the handshake runs inside the
// connect, so the program's own error check sees a refusal.

#include <hiredis/hiredis.h>
#include <stdio.h>

int main(void) {
  redisContext *c = redisConnect("127.0.0.1", 6379);
  if (c == NULL || c->err) {
    fprintf(stderr, "connect: %s\n", c ? c->errstr : "out of memory");
    redisFree(c);
    return 1;
  }
  redisReply *reply = redisCommand(c, "SET written yes");
  if (reply == NULL || reply->type == REDIS_REPLY_ERROR) {
    fprintf(stderr, "SET: %s\n", reply ? reply->str : c->errstr);
    return 1;
  }
  freeReplyObject(reply);
  redisFree(c);
  puts("written");
  return 0;
}

// WRONG: connect: REDIS_URL: AUTH failed: WRONGPASS
// WRONG: with-redis: '{{.*}}app' exited with 1, as expected
// WRONG: with-redis: server 1 is empty (every db)
// WRONG: with-redis: ok

// DB: connect: REDIS_URL: SELECT 99 failed: ERR DB index is out of range
// DB: with-redis: server 1 is empty (every db)
// DB: with-redis: ok

// RIGHT: written
// RIGHT: with-redis: ok
