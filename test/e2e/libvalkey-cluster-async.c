// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.c -- -I%inputs/libvalkey
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/app.c
// RUN: not grep -n 'async[-]cluster[-]pw' %t/app.c
// RUN: %e2e-cc-valkey %t/app.c -o %t/app
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/3' \
// RUN:   --expect '3 written yes' --expect '0 written (none)' -- %t/app | FileCheck %s
// RUN: cd %t && env REDIS_URL='redis://127.0.0.1:notaport' %expect-exit 1 %t/app 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD
// RUN: cd %t && %with-redis --env 'REDIS_URL=rediss://:{password}@127.0.0.1:{port}/3' \
// RUN:   --expect-fail --expect-empty -- %t/app 2>&1 | FileCheck %s --check-prefix=TLS
// A db or a password the server refuses: the async connect fails before the
// program queued anything, so nothing reaches db 0.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/99' \
// RUN:   --expect-fail --expect-empty -- %t/app 2>&1 | FileCheck %s --check-prefix=DB
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:wrong@127.0.0.1:{port}/3' \
// RUN:   --expect-fail --expect-empty -- %t/app 2>&1 | FileCheck %s --check-prefix=AUTH
// libvalkey's async cluster connect (against the fake libvalkey of
// test/e2e/fakes: one node of a plain redis-server, its async context handed
// to the options' attach_fn as libvalkey hands it to an event library
// adapter) with its nodes and password written in it, migrated, then run
// against a server that only REDIS_URL names: the write lands in db 3 with
// the profile's password. Under a malformed REDIS_URL the connect fails
// naming the variable, a TLS profile is refused, and a refused SELECT or
// AUTH fails the connect itself. Driven by a poll loop over valkeyAsyncHandleRead/Write.

#include <poll.h>
#include <stdio.h>
#include <time.h>
#include <valkey/cluster.h>
// FIXED: #include <valkey/cluster.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/valkey.h>

/* The event "library": the node's async context, driven by main's loop. */
static int attach(valkeyAsyncContext *ac, void *data) {
  *(valkeyAsyncContext **)data = ac;
  return VALKEY_OK;
}

static void on_reply(valkeyClusterAsyncContext *acc, void *r, void *privdata) {
  valkeyReply *reply = r;
  int *outcome = privdata;
  if (reply == NULL || reply->type == VALKEY_REPLY_ERROR) {
    fprintf(stderr, "reply: %s\n", reply ? reply->str : acc->errstr);
    *outcome = -1;
  } else
    *outcome = 1;
}

int main(void) {
  valkeyAsyncContext *node = NULL;
  int outcome = 0;
  valkeyClusterOptions options = {0};
  options.initial_nodes = "10.0.0.71:7000,10.0.0.72:7000";
  // FIXED: options.initial_nodes = rehost_cluster_nodes("default", "10.0.0.71:7000,10.0.0.72:7000");
  options.password = "async-cluster-pw";
  // FIXED: options.password = rehost_password("default", NULL);
  options.attach_fn = attach;
  options.attach_data = &node;
  valkeyClusterAsyncContext *acc = valkeyClusterAsyncConnectWithOptions(&options);
  // FIXED: valkeyClusterAsyncContext *acc = rehost_valkeyClusterAsyncConnectWithOptions(&options, "default");
  if (acc == NULL || acc->err) {
    fprintf(stderr, "async cluster connect: %s\n",
            acc ? acc->errstr : "out of memory");
    return 1;
  }
  if (node == NULL) {
    fprintf(stderr, "async cluster connect: no node attached\n");
    return 1;
  }
  if (valkeyClusterAsyncCommand(acc, on_reply, &outcome, "SET written yes") !=
      VALKEY_OK) {
    fprintf(stderr, "SET: %s\n", acc->errstr);
    return 1;
  }
  time_t deadline = time(NULL) + 5;
  while (outcome == 0 && !acc->err && time(NULL) < deadline) {
    struct pollfd pfd = {node->c.fd, POLLIN | POLLOUT, 0};
    if (poll(&pfd, 1, 10) <= 0)
      continue;
    if (pfd.revents & POLLOUT)
      valkeyAsyncHandleWrite(node);
    if (pfd.revents & POLLIN)
      valkeyAsyncHandleRead(node);
  }
  if (outcome != 1) {
    fprintf(stderr, "async cluster: %s\n", acc->err ? acc->errstr : "no reply");
    return 1;
  }
  printf("written\n");
  valkeyClusterAsyncFree(acc);
  return 0;
}

// CHECK: written
// CHECK: with-redis: server 1 db 3 written = yes
// CHECK: with-redis: ok
// BAD: async cluster connect: {{.*}}REDIS_URL{{.*}}
// TLS: async cluster connect: REDIS_URL: TLS {{.*}}
// TLS: with-redis: ok
// DB: async cluster connect: SELECT: {{.*}}
// DB: with-redis: ok
// AUTH: async cluster connect: AUTH: WRONGPASS {{.*}}
// AUTH: with-redis: ok
