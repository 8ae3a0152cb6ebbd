// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.c -- -I%inputs/libvalkey
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/app.c
// RUN: %e2e-cc-valkey %t/app.c -o %t/app
// RUN: cd %t && %with-redis --env 'REDIS_PORT={port}' --env 'REDIS_HOST=127.0.0.1' \
// RUN:   --env 'REDIS_PASSWORD={password}' --env 'REDIS_DB=3' \
// RUN:   --expect '3 visits 1' --expect '3 events 1' --expect '0 visits (none)' -- %t/app | FileCheck %s
// A db the server refuses fails both connects (the async one's handshake is
// tried before the context is handed out), naming the variable; nothing is
// written anywhere.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/99' \
// RUN:   --expect-fail --expect-empty -- %t/app 2>&1 | FileCheck %s --check-prefix=REFUSED
// libvalkey's options API and its async context (against the fake libvalkey
// of test/e2e/fakes, over hiredis), migrated, then run against a server
// that only the environment names: the options' host and port follow the
// profile, and the rewritten connects send its password and select db 3,
// which the code never wrote. The async context is driven by a poll loop
// over valkeyAsyncHandleRead/Write.

#include <poll.h>
#include <stdio.h>
#include <time.h>
#include <valkey/async.h>
#include <valkey/valkey.h>
// FIXED: #include <valkey/valkey.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/valkey.h>

struct outcome {
  int done;
  int failed;
};

static void on_incr(valkeyAsyncContext *ac, void *r, void *privdata) {
  struct outcome *out = privdata;
  valkeyReply *reply = r;
  out->done = 1;
  if (reply == NULL || reply->type != VALKEY_REPLY_INTEGER) {
    fprintf(stderr, "async INCR: %s\n", reply ? reply->str : ac->errstr);
    out->failed = 1;
  }
}

static int async_form(void) {
  struct outcome out = {0, 0};
  valkeyOptions options = {0};
  VALKEY_OPTIONS_SET_TCP(&options, "10.0.0.41", 6390);
  // FIXED: VALKEY_OPTIONS_SET_TCP(&options, rehost_host("default", "10.0.0.41"), rehost_port("default", 6390));
  valkeyAsyncContext *ac = valkeyAsyncConnectWithOptions(&options);
  // FIXED: valkeyAsyncContext *ac = rehost_valkeyAsyncConnectWithOptions(&options, "default");
  if (ac == NULL || ac->err) {
    fprintf(stderr, "async connect: %s\n", ac ? ac->errstr : "out of memory");
    return 1;
  }
  valkeyAsyncCommand(ac, on_incr, &out, "INCR events");
  time_t deadline = time(NULL) + 5;
  while (!out.done && !ac->err && time(NULL) < deadline) {
    struct pollfd pfd = {ac->c.fd, POLLIN | POLLOUT, 0};
    if (poll(&pfd, 1, 10) <= 0)
      continue;
    if (pfd.revents & POLLOUT)
      valkeyAsyncHandleWrite(ac);
    if (pfd.revents & POLLIN)
      valkeyAsyncHandleRead(ac);
  }
  if (!out.done || out.failed) {
    fprintf(stderr, "async: %s\n", ac->err ? ac->errstr : "no reply");
    return 1;
  }
  valkeyAsyncFree(ac);
  return 0;
}

static int sync_form(void) {
  valkeyOptions options = {0};
  VALKEY_OPTIONS_SET_TCP(&options, "10.0.0.41", 6390);
  // FIXED: VALKEY_OPTIONS_SET_TCP(&options, rehost_host("default", "10.0.0.41"), rehost_port("default", 6390));
  valkeyContext *c = valkeyConnectWithOptions(&options);
  // FIXED: valkeyContext *c = rehost_valkeyConnectWithOptions(&options, "default");
  if (c == NULL || c->err) {
    fprintf(stderr, "connect: %s\n", c ? c->errstr : "out of memory");
    return 1;
  }
  valkeyReply *visits = valkeyCommand(c, "INCR visits");
  if (visits == NULL || visits->type != VALKEY_REPLY_INTEGER) {
    fprintf(stderr, "INCR: %s\n", visits ? visits->str : c->errstr);
    return 1;
  }
  printf("visits=%lld\n", visits->integer);
  freeReplyObject(visits);
  valkeyFree(c);
  return 0;
}

int main(void) {
  int failed = sync_form();
  return async_form() | failed;
}

// CHECK: visits=1
// CHECK: with-redis: server 1 db 3 events = 1
// CHECK: with-redis: ok
// REFUSED: connect: REDIS_URL: SELECT 99 failed: {{.*}}
// REFUSED: async connect: REDIS_URL: SELECT 99 failed: {{.*}}
// REFUSED: with-redis: ok
