// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.c --
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/app.c
// RUN: %e2e-cc %t/app.c -o %t/app
// A wrong password in REDIS_URL: the async connect returns a context whose
// err is set, naming REDIS_URL, before the program queued anything.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:wrong-secret-4711@127.0.0.1:{port}/3' \
// RUN:   --expect-fail --expect-empty -- %t/app > %t/wrong.out 2>&1
// RUN: FileCheck %s --check-prefix=WRONG --input-file=%t/wrong.out --implicit-check-not=wrong-secret
// A db the server refuses: nothing of the program's reaches db 0 (hiredis
// would have pipelined its SET right behind the failing SELECT).
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/99' \
// RUN:   --expect-fail --expect-empty -- %t/app > %t/db.out 2>&1
// RUN: FileCheck %s --check-prefix=DB --input-file=%t/db.out --implicit-check-not=pw-
// The control: configured right, the write lands in db 3.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/3' \
// RUN:   --expect '3 written yes' --expect '0 written (none)' -- %t/app | FileCheck %s --check-prefix=RIGHT
// hiredis's async connect, migrated, driven by a poll loop over
// redisAsyncHandleRead/Write (no event library needed).

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

struct outcome {
  int done;
  int failed;
};

static void on_set(redisAsyncContext *ac, void *r, void *privdata) {
  struct outcome *out = privdata;
  redisReply *reply = r;
  out->done = 1;
  if (reply == NULL || reply->type == REDIS_REPLY_ERROR) {
    fprintf(stderr, "SET: %s\n", reply ? reply->str : ac->errstr);
    out->failed = 1;
  }
}

static void on_disconnect(const redisAsyncContext *ac, int status) {
  struct outcome *out = ac->data;
  if (status != REDIS_OK) {
    fprintf(stderr, "disconnected: %s\n", ac->errstr);
    out->failed = 1;
  }
  out->done = 1;
}

int main(void) {
  redisAsyncContext *ac = redisAsyncConnect("127.0.0.1", 6379);
  // FIXED: redisAsyncContext *ac = rehost_redisAsyncConnect("default", "127.0.0.1", 6379);
  if (ac == NULL || ac->err) {
    fprintf(stderr, "connect: %s\n", ac ? ac->errstr : "out of memory");
    if (ac)
      redisAsyncFree(ac);
    return 1;
  }
  struct outcome out = {0, 0};
  ac->data = &out;
  redisAsyncSetDisconnectCallback(ac, on_disconnect);
  redisAsyncCommand(ac, on_set, &out, "SET written yes");
  /* A writable socket makes poll return at once: bound the loop by time. */
  time_t deadline = time(NULL) + 5;
  while (!out.done && time(NULL) < deadline) {
    struct pollfd pfd = {ac->c.fd, POLLIN | POLLOUT, 0};
    if (poll(&pfd, 1, 10) <= 0)
      continue;
    if (pfd.revents & POLLOUT)
      redisAsyncHandleWrite(ac);
    if (!out.done && (pfd.revents & (POLLIN | POLLHUP)))
      redisAsyncHandleRead(ac);
  }
  if (!out.done) {
    fprintf(stderr, "no reply\n");
    return 1;
  }
  if (out.failed)
    return 1;
  redisAsyncDisconnect(ac);
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
