// REQUIRES: redis-server, hiredict
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.c -- -I%inputs/libvalkey
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/app.c
// RUN: not grep -n 'code[-]pw' %t/app.c
// RUN: %e2e-cc-valkey-tls %t/app.c -o %t/app
// RUN: cd %t && %with-redis --tls --password 'tls-secret-4711' \
// RUN:   --env 'REDIS_URL=rediss://:{password}@127.0.0.1:{tls_port}/3' \
// RUN:   --env 'REDIS_TLS_CA_CERT_FILE={tls_ca}' \
// RUN:   --expect '3 visits 3' --expect '0 visits (none)' -- %t/app 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=tls-secret-4711
// A server whose certificate the profile's CA did not sign, or whose name
// is not the one checked, fails both connects before the password is sent
// and anything is written, naming the endpoint, the variable and why.
// RUN: cd %t && %with-redis --tls --password 'tls-secret-4711' \
// RUN:   --env 'REDIS_URL=rediss://:{password}@127.0.0.1:{tls_port}/3' \
// RUN:   --env 'REDIS_TLS_CA_CERT_FILE={tls_other_ca}' \
// RUN:   --expect-fail --expect-empty -- %t/app 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNTRUSTED --implicit-check-not=tls-secret-4711
// RUN: cd %t && %with-redis --tls --password 'tls-secret-4711' \
// RUN:   --env 'REDIS_URL=rediss://:{password}@127.0.0.1:{tls_port}/3' \
// RUN:   --env 'REDIS_TLS_CA_CERT_FILE={tls_ca}' --env 'REDIS_TLS_SERVER_NAME=other.example' \
// RUN:   --expect-fail --expect-empty -- %t/app 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MISMATCH --implicit-check-not=tls-secret-4711
// A TLS profile on a unix socket is an error, never a plaintext connect.
// RUN: cd %t && env REDIS_SOCKET=%t/none.sock REDIS_TLS=true %expect-exit 1 %t/app 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNIX
// Without <valkey/tls.h> the header cannot start TLS: a TLS profile is
// refused, saying what to include, and nothing is written.
// RUN: %e2e-cc-valkey-tls -DWITHOUT_TLS_H %t/app.c -o %t/app-without-tls-h
// RUN: cd %t && %with-redis --tls --password 'tls-secret-4711' \
// RUN:   --env 'REDIS_URL=rediss://:{password}@127.0.0.1:{tls_port}/3' \
// RUN:   --env 'REDIS_TLS_CA_CERT_FILE={tls_ca}' \
// RUN:   --expect-fail --expect-empty -- %t/app-without-tls-h 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NOHEADER --implicit-check-not=tls-secret-4711
// libvalkey code (against test/e2e/fakes/libvalkey.c built over hiredict,
// whose valkeyInitiateTLS is hiredis_ssl's) with a hardcoded endpoint,
// migrated, built against the runtime built with TLS, then run against a
// TLS port that only the environment names: the drop-in connect, the
// options connect and the async connect start TLS with the profile's CA,
// check the certificate's address against 127.0.0.1, then send the
// password and select db 3, none of which the code wrote; the rewritten
// AUTH command sends the profile's password on the TLS connection.

#include <poll.h>
#include <stdio.h>
#include <time.h>
#include <valkey/async.h>
#include <valkey/valkey.h>
#ifndef WITHOUT_TLS_H
#include <valkey/tls.h>
#endif
// FIXED: #include <valkey/tls.h>
// FIXED-NEXT: #endif
// FIXED: #include <rehost/valkey.h>

static int count_visit(valkeyContext *c, const char *form) {
  valkeyReply *visits;
  if (c == NULL || c->err) {
    fprintf(stderr, "%s: %s\n", form, c ? c->errstr : "out of memory");
    if (c)
      valkeyFree(c);
    return 1;
  }
  visits = valkeyCommand(c, "INCR visits");
  if (visits == NULL || visits->type != VALKEY_REPLY_INTEGER) {
    fprintf(stderr, "%s INCR: %s\n", form, visits ? visits->str : c->errstr);
    valkeyFree(c);
    return 1;
  }
  printf("%s visits=%lld\n", form, visits->integer);
  freeReplyObject(visits);
  valkeyFree(c);
  return 0;
}

struct outcome {
  int done;
  int failed;
};

static void on_incr(valkeyAsyncContext *ac, void *r, void *privdata) {
  struct outcome *out = privdata;
  valkeyReply *reply = r;
  out->done = 1;
  if (reply == NULL || reply->type != VALKEY_REPLY_INTEGER)
    out->failed = 1;
  else
    printf("async visits=%lld\n", reply->integer);
  (void)ac;
}

/* The async context, driven by a poll loop until INCR's reply (TLS and the
 * handshake first, by the event loop), for at most 5 seconds. */
static int async_visit(void) {
  struct outcome out = {0, 0};
  valkeyAsyncContext *ac = valkeyAsyncConnect("10.0.0.31", 6390);
  // FIXED: rehost_valkeyAsyncConnect("default", "10.0.0.31", 6390)
  time_t deadline = time(NULL) + 5;
  if (ac == NULL || ac->err) {
    fprintf(stderr, "async: %s\n", ac ? ac->errstr : "out of memory");
    if (ac)
      valkeyAsyncFree(ac);
    return 1;
  }
  valkeyAsyncCommand(ac, on_incr, &out, "INCR visits");
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
    fprintf(stderr, "async INCR: %s\n", ac->err ? ac->errstr : "no reply");
    return 1;
  }
  valkeyAsyncFree(ac);
  return 0;
}

int main(void) {
  valkeyContext *c = valkeyConnect("10.0.0.31", 6390);
  // FIXED: valkeyContext *c = rehost_valkeyConnect("default", "10.0.0.31", 6390);
  if (c && !c->err) {
    valkeyReply *auth = valkeyCommand(c, "AUTH %s", "code-pw");
    // FIXED: valkeyReply *auth = rehost_valkeyAuth(c, "default");
    if (auth && auth->type != VALKEY_REPLY_ERROR)
      printf("AUTH %s\n", auth->str);
    if (auth)
      freeReplyObject(auth);
  }
  int failed = count_visit(c, "connect");
  valkeyOptions options = {0};
  VALKEY_OPTIONS_SET_TCP(&options, "10.0.0.31", 6390);
  // FIXED: VALKEY_OPTIONS_SET_TCP(&options, rehost_host("default", "10.0.0.31"), rehost_port("default", 6390));
  failed |= count_visit(valkeyConnectWithOptions(&options), "options");
  // FIXED: rehost_valkeyConnectWithOptions(&options, "default")
  failed |= async_visit();
  return failed;
}

// CHECK: AUTH OK
// CHECK: connect visits=1
// CHECK: options visits=2
// CHECK: async visits=3
// CHECK: with-redis: server 1 db 3 visits = 3
// CHECK: with-redis: server 1 db 0 visits = (none)
// CHECK: with-redis: ok

// UNTRUSTED: connect: 127.0.0.1:{{[0-9]+}} (REDIS_URL): TLS handshake failed: certificate verify failed: {{.*}}
// UNTRUSTED: options: 127.0.0.1:{{[0-9]+}} (REDIS_URL): TLS handshake failed: certificate verify failed: {{.*}}
// UNTRUSTED: async: 127.0.0.1:{{[0-9]+}} (REDIS_URL): TLS handshake failed: certificate verify failed: {{.*}}
// UNTRUSTED: with-redis: ok

// MISMATCH: connect: {{.*}}TLS handshake failed: certificate verify failed: hostname mismatch (checked 'other.example'
// MISMATCH: options: {{.*}}TLS handshake failed: certificate verify failed: hostname mismatch (checked 'other.example'
// MISMATCH: async: {{.*}}TLS handshake failed: certificate verify failed: hostname mismatch (checked 'other.example'
// MISMATCH: with-redis: ok

// UNIX: connect: REDIS_TLS: TLS is on, but REDIS_SOCKET makes profile 'default' a unix socket, which has no TLS
// UNIX: options: REDIS_TLS: TLS is on, but REDIS_SOCKET makes profile 'default' a unix socket, which has no TLS
// UNIX: async: REDIS_TLS: TLS is on, but REDIS_SOCKET makes profile 'default' a unix socket, which has no TLS

// NOHEADER: connect: rehost: profile 'default' is TLS: include <valkey/tls.h> before rehost/valkey.h, link libvalkey_tls
// NOHEADER: options: rehost: profile 'default' is TLS: include <valkey/tls.h> before rehost/valkey.h, link libvalkey_tls
// NOHEADER: async: rehost: profile 'default' is TLS: include <valkey/tls.h> before rehost/valkey.h, link libvalkey_tls
// NOHEADER: with-redis: ok
