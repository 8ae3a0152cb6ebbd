// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.c -- -I%inputs/libvalkey
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/app.c
// RUN: not grep -n 'async[-]pw' %t/app.c
// RUN: %e2e-cc-valkey %t/app.c -o %t/app
// RUN: cd %t && %with-redis --env 'REDIS_HOST=127.0.0.1' --env 'REDIS_PORT={port}' \
// RUN:   --env 'REDIS_PASSWORD={password}' --env 'REDIS_DB=6' \
// RUN:   --expect '6 written yes' --expect '0 written (none)' -- %t/app | FileCheck %s
// A db the server refuses: the async connect fails before the program
// queued anything, so nothing reaches db 0.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/99' \
// RUN:   --expect-fail --expect-empty -- %t/app 2>&1 | FileCheck %s --check-prefix=DB
// libvalkey's async connect and an AUTH sent on it (against the fake
// libvalkey of test/e2e/fakes, over hiredis), migrated, then run against a
// server that only REDIS_HOST, _PORT, _PASSWORD and _DB name: the write
// lands in db 6, and the rewritten AUTH sends the profile's password.
// Driven by a poll loop over valkeyAsyncHandleRead/Write.

#include <poll.h>
#include <stdio.h>
#include <time.h>
#include <valkey/async.h>
// FIXED: #include <valkey/async.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/valkey.h>

struct outcome {
  int replies;
  int failed;
};

static void on_reply(valkeyAsyncContext *ac, void *r, void *privdata) {
  struct outcome *out = privdata;
  valkeyReply *reply = r;
  out->replies++;
  if (reply == NULL || reply->type == VALKEY_REPLY_ERROR) {
    fprintf(stderr, "reply: %s\n", reply ? reply->str : ac->errstr);
    out->failed = 1;
  }
}

int main(void) {
  struct outcome out = {0, 0};
  valkeyAsyncContext *ac = valkeyAsyncConnect("10.0.0.61", 6390);
  // FIXED: valkeyAsyncContext *ac = rehost_valkeyAsyncConnect("default", "10.0.0.61", 6390);
  if (ac == NULL || ac->err) {
    fprintf(stderr, "async connect: %s\n", ac ? ac->errstr : "out of memory");
    return 1;
  }
  valkeyAsyncCommand(ac, on_reply, &out, "AUTH %s", "async-pw");
  // FIXED: rehost_valkeyAsyncAuth(ac, on_reply, &out, "default");
  valkeyAsyncCommand(ac, on_reply, &out, "SET written yes");
  time_t deadline = time(NULL) + 5;
  while (out.replies < 2 && !ac->err && time(NULL) < deadline) {
    struct pollfd pfd = {ac->c.fd, POLLIN | POLLOUT, 0};
    if (poll(&pfd, 1, 10) <= 0)
      continue;
    if (pfd.revents & POLLOUT)
      valkeyAsyncHandleWrite(ac);
    if (pfd.revents & POLLIN)
      valkeyAsyncHandleRead(ac);
  }
  if (out.replies < 2 || out.failed) {
    fprintf(stderr, "async: %s\n", ac->err ? ac->errstr : "no reply");
    return 1;
  }
  printf("replies=%d\n", out.replies);
  valkeyAsyncFree(ac);
  return 0;
}

// CHECK: replies=2
// CHECK: with-redis: server 1 db 6 written = yes
// CHECK: with-redis: ok
// DB: async connect: REDIS_URL: SELECT 99 failed: {{.*}}
// DB: with-redis: ok
