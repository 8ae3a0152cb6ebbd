// REQUIRES: redis-server, hiredict
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.c -- -I%inputs/libvalkey
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/app.c
// RUN: not grep -n 'cluster[-]tls[-]pw' %t/app.c
// RUN: %e2e-cc-valkey-tls %t/app.c -o %t/app
// RUN: cd %t && %with-redis --tls --password 'tls-secret-4712' \
// RUN:   --env 'REDIS_URL=rediss://:{password}@127.0.0.1:{tls_port}/0' \
// RUN:   --env 'REDIS_TLS_CA_CERT_FILE={tls_ca}' \
// RUN:   --expect '0 visits 3' -- %t/app 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=tls-secret-4712
// A node whose certificate the profile's CA did not sign, or whose name is
// not the one checked, fails each connect (the async one at its blocking
// probe) before the password is sent and anything is written, naming the
// node, the variable and why.
// RUN: cd %t && %with-redis --tls --password 'tls-secret-4712' \
// RUN:   --env 'REDIS_URL=rediss://:{password}@127.0.0.1:{tls_port}/0' \
// RUN:   --env 'REDIS_TLS_CA_CERT_FILE={tls_other_ca}' \
// RUN:   --expect-fail --expect-empty -- %t/app 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNTRUSTED --implicit-check-not=tls-secret-4712
// RUN: cd %t && %with-redis --tls --password 'tls-secret-4712' \
// RUN:   --env 'REDIS_URL=rediss://:{password}@127.0.0.1:{tls_port}/0' \
// RUN:   --env 'REDIS_TLS_CA_CERT_FILE={tls_ca}' --env 'REDIS_TLS_SERVER_NAME=other.example' \
// RUN:   --expect-fail --expect-empty -- %t/app 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MISMATCH --implicit-check-not=tls-secret-4712
// Without <valkey/tls.h> the header cannot start TLS: a TLS profile is
// refused, saying what to include, and nothing is written.
// RUN: %e2e-cc-valkey-tls -DWITHOUT_TLS_H %t/app.c -o %t/app-without-tls-h
// RUN: cd %t && %with-redis --tls --password 'tls-secret-4712' \
// RUN:   --env 'REDIS_URL=rediss://:{password}@127.0.0.1:{tls_port}/0' \
// RUN:   --env 'REDIS_TLS_CA_CERT_FILE={tls_ca}' \
// RUN:   --expect-fail --expect-empty -- %t/app-without-tls-h 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NOHEADER --implicit-check-not=tls-secret-4712
// libvalkey's cluster API, sync and async (against test/e2e/fakes/libvalkey.c
// built over hiredict: one node of a plain redis-server, connected as
// libvalkey connects each node, calling the options' tls_init_fn on it),
// with its node list and password written in it, migrated, built against
// the runtime built with TLS, then run against a TLS port that only the
// environment names: each node connection starts TLS with the profile's CA,
// checks the certificate against the node's own address (127.0.0.1), then
// sends the password, none of which the code wrote.

#include <poll.h>
#include <stdio.h>
#include <time.h>
#include <valkey/cluster.h>
#ifndef WITHOUT_TLS_H
#include <valkey/tls.h>
#endif
// FIXED: #include <valkey/tls.h>
// FIXED-NEXT: #endif
// FIXED: #include <rehost/valkey.h>

static int incr(valkeyClusterContext *cc, const char *form) {
  if (cc == NULL || cc->err) {
    fprintf(stderr, "%s: %s\n", form, cc ? cc->errstr : "out of memory");
    return 1;
  }
  valkeyReply *reply = valkeyClusterCommand(cc, "INCR visits");
  if (reply == NULL || reply->type != VALKEY_REPLY_INTEGER) {
    fprintf(stderr, "%s INCR: %s\n", form, reply ? reply->str : cc->errstr);
    return 1;
  }
  printf("%s visits=%lld\n", form, reply->integer);
  freeReplyObject(reply);
  valkeyClusterFree(cc);
  return 0;
}

/* The event "library": the node's async context, driven by async_incr. */
static int attach(valkeyAsyncContext *ac, void *data) {
  *(valkeyAsyncContext **)data = ac;
  return VALKEY_OK;
}

static void on_reply(valkeyClusterAsyncContext *acc, void *r, void *privdata) {
  valkeyReply *reply = r;
  long long *visits = privdata;
  if (reply == NULL || reply->type != VALKEY_REPLY_INTEGER) {
    fprintf(stderr, "async reply: %s\n", reply ? reply->str : acc->errstr);
    *visits = -1;
  } else
    *visits = reply->integer;
}

/* The async cluster connect, its node driven by a poll loop until INCR's
 * reply (TLS first, finished by the loop), for at most 5 seconds. */
static int async_incr(void) {
  valkeyAsyncContext *node = NULL;
  long long visits = 0;
  valkeyClusterOptions options = {0};
  options.initial_nodes = "10.0.0.61:7000,10.0.0.62:7000";
  // FIXED: options.initial_nodes = rehost_cluster_nodes("default", "10.0.0.61:7000,10.0.0.62:7000");
  options.password = "cluster-tls-pw";
  // FIXED: options.password = rehost_password("default", NULL);
  options.attach_fn = attach;
  options.attach_data = &node;
  valkeyClusterAsyncContext *acc = valkeyClusterAsyncConnectWithOptions(&options);
  // FIXED: valkeyClusterAsyncContext *acc = rehost_valkeyClusterAsyncConnectWithOptions(&options, "default");
  if (acc == NULL || acc->err || node == NULL) {
    fprintf(stderr, "async: %s\n", acc ? acc->errstr : "out of memory");
    return 1;
  }
  if (valkeyClusterAsyncCommand(acc, on_reply, &visits, "INCR visits") !=
      VALKEY_OK) {
    fprintf(stderr, "async INCR: %s\n", acc->errstr);
    return 1;
  }
  time_t deadline = time(NULL) + 5;
  while (visits == 0 && !acc->err && time(NULL) < deadline) {
    struct pollfd pfd = {node->c.fd, POLLIN | POLLOUT, 0};
    if (poll(&pfd, 1, 10) <= 0)
      continue;
    if (pfd.revents & POLLOUT)
      valkeyAsyncHandleWrite(node);
    if (pfd.revents & POLLIN)
      valkeyAsyncHandleRead(node);
  }
  if (visits <= 0) {
    fprintf(stderr, "async: %s\n", acc->err ? acc->errstr : "no reply");
    return 1;
  }
  printf("async visits=%lld\n", visits);
  valkeyClusterAsyncFree(acc);
  return 0;
}

int main(void) {
  valkeyClusterOptions options = {0};
  options.initial_nodes = "10.0.0.61:7000,10.0.0.62:7000";
  // FIXED: options.initial_nodes = rehost_cluster_nodes("default", "10.0.0.61:7000,10.0.0.62:7000");
  options.password = "cluster-tls-pw";
  // FIXED: options.password = rehost_password("default", NULL);
  int failed = incr(valkeyClusterConnectWithOptions(&options), "options");
  // FIXED: int failed = incr(rehost_valkeyClusterConnectWithOptions(&options, "default"), "options");
  failed |= incr(valkeyClusterConnect("10.0.0.61:7000,10.0.0.62:7000"), "direct");
  // FIXED: failed |= incr(rehost_valkeyClusterConnect("default", "10.0.0.61:7000,10.0.0.62:7000"), "direct");
  failed |= async_incr();
  return failed;
}

// CHECK: options visits=1
// CHECK: direct visits=2
// CHECK: async visits=3
// CHECK: with-redis: server 1 db 0 visits = 3
// CHECK: with-redis: ok

// UNTRUSTED: options: 127.0.0.1:{{[0-9]+}} (REDIS_URL): TLS handshake failed: certificate verify failed: {{.*}}
// UNTRUSTED: direct: 127.0.0.1:{{[0-9]+}} (REDIS_URL): TLS handshake failed: certificate verify failed: {{.*}}
// UNTRUSTED: async: 127.0.0.1:{{[0-9]+}} (REDIS_URL): TLS handshake failed: certificate verify failed: {{.*}}
// UNTRUSTED: with-redis: ok

// MISMATCH: options: {{.*}}TLS handshake failed: certificate verify failed: hostname mismatch (checked 'other.example'
// MISMATCH: direct: {{.*}}TLS handshake failed: certificate verify failed: hostname mismatch (checked 'other.example'
// MISMATCH: async: {{.*}}TLS handshake failed: certificate verify failed: hostname mismatch (checked 'other.example'
// MISMATCH: with-redis: ok

// NOHEADER: options: rehost: profile 'default' is TLS: include <valkey/tls.h> before rehost/valkey.h, link libvalkey_tls
// NOHEADER: direct: rehost: profile 'default' is TLS: include <valkey/tls.h> before rehost/valkey.h, link libvalkey_tls
// NOHEADER: async: rehost: profile 'default' is TLS: include <valkey/tls.h> before rehost/valkey.h, link libvalkey_tls
// NOHEADER: with-redis: ok
