// REQUIRES: redis-server, hiredict
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.c -- -I%hiredict-include
// RUN: grep -q 'rehost_redisConnectWithOptions(&options, "default")' %t/app.c
// RUN: grep -q 'rehost_redisAsyncConnectWithOptions(&options, "default")' %t/app.c
// RUN: %e2e-cc-hiredict %t/app.c -o %t/app
// RUN: cd %t && %with-redis --tls \
// RUN:   --env 'REDIS_URL=rediss://:{password}@localhost:{tls_port}/5' \
// RUN:   --env 'REDIS_TLS_CA_CERT_FILE={tls_ca}' \
// RUN:   --expect '5 visits 1' --expect '0 visits (none)' -- %t/app | FileCheck %s
// A server whose certificate the profile's CA did not sign, or whose name
// is not the one checked, fails both connects, before anything is written.
// RUN: cd %t && %with-redis --tls \
// RUN:   --env 'REDIS_URL=rediss://:{password}@localhost:{tls_port}/5' \
// RUN:   --env 'REDIS_TLS_CA_CERT_FILE={tls_other_ca}' \
// RUN:   --expect-fail --expect-empty -- %t/app 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNTRUSTED --implicit-check-not=visits=
// RUN: cd %t && %with-redis --tls \
// RUN:   --env 'REDIS_URL=rediss://:{password}@localhost:{tls_port}/5?sni=other.example' \
// RUN:   --env 'REDIS_TLS_CA_CERT_FILE={tls_ca}' \
// RUN:   --expect-fail --expect-empty -- %t/app 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MISMATCH --implicit-check-not=visits=
// hiredis 1.x's options API (the real one: hiredict), migrated, built
// against the runtime built with hiredict and its hiredis_ssl, then run
// against a TLS port that only the environment names: the rewritten connect
// starts TLS with the profile's CA and checks the certificate's name against
// the host, then sends the password and selects db 5, none of which the code
// wrote.

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
// CHECK: with-redis: server 1 db 5 visits = 1
// CHECK: with-redis: server 1 db 0 visits = (none)
// CHECK: with-redis: ok

// UNTRUSTED: async connect: localhost:{{[0-9]+}} (REDIS_URL): TLS handshake failed: certificate verify failed: {{.*}}
// UNTRUSTED: connect: localhost:{{[0-9]+}} (REDIS_URL): TLS handshake failed: certificate verify failed: {{.*}}
// UNTRUSTED: with-redis: ok

// MISMATCH: async connect: {{.*}}TLS handshake failed: certificate verify failed: hostname mismatch
// MISMATCH: connect: {{.*}}TLS handshake failed: certificate verify failed: hostname mismatch
// MISMATCH: with-redis: ok
