// REQUIRES: redis-server
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.c -- -I%inputs/libvalkey
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/app.c
// RUN: not grep -n 'code[-]pw' %t/app.c
// RUN: %e2e-cc-valkey %t/app.c -o %t/app
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:{password}@127.0.0.1:{port}/3' \
// RUN:   --expect '3 visits 1' --expect '0 visits (none)' -- %t/app | FileCheck %s
// The pieces instead of a URL: host, port, password and db 5.
// RUN: cd %t && %with-redis --env 'REDIS_HOST=127.0.0.1' --env 'REDIS_PORT={port}' \
// RUN:   --env 'REDIS_PASSWORD={password}' --env 'REDIS_DB=5' \
// RUN:   --expect '5 visits 1' --expect '0 visits (none)' -- %t/app | FileCheck %s --check-prefix=PIECES
// A wrong password fails the connect itself, naming the variable.
// RUN: cd %t && %with-redis --env 'REDIS_URL=redis://:wrong-secret-4711@127.0.0.1:{port}/3' \
// RUN:   --expect-fail --expect-empty -- %t/app > %t/wrong.out 2>&1
// RUN: FileCheck %s --check-prefix=WRONG --input-file=%t/wrong.out --implicit-check-not=wrong-secret
// A malformed REDIS_URL: a failed context naming it, nothing reaches libvalkey.
// RUN: cd %t && env REDIS_URL='redis://127.0.0.1:notaport' %expect-exit 1 %t/app 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD
// A TLS profile is refused loudly, never connected as plaintext.
// RUN: cd %t && %with-redis --env 'REDIS_URL=rediss://:{password}@127.0.0.1:{port}/3' \
// RUN:   --expect-fail --expect-empty -- %t/app > %t/tls.out 2>&1
// RUN: FileCheck %s --check-prefix=TLS --input-file=%t/tls.out
// libvalkey code (against test/e2e/fakes/libvalkey.c, over hiredis) that
// connects to a hardcoded endpoint and sends a hardcoded AUTH, migrated,
// then run against a password-protected server that only the environment
// names: the connect reaches it in the profile's db, and the rewritten AUTH
// sends the profile's password.

#include <stdio.h>
#include <valkey/valkey.h>
// FIXED: #include <valkey/valkey.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/valkey.h>

int main(void) {
  valkeyContext *c = valkeyConnect("10.0.0.31", 6390);
  // FIXED: valkeyContext *c = rehost_valkeyConnect("default", "10.0.0.31", 6390);
  if (c == NULL || c->err) {
    fprintf(stderr, "connect: %s\n", c ? c->errstr : "out of memory");
    return 1;
  }
  valkeyReply *auth = valkeyCommand(c, "AUTH %s", "code-pw");
  // FIXED: valkeyReply *auth = rehost_valkeyAuth(c, "default");
  if (auth == NULL || auth->type == VALKEY_REPLY_ERROR) {
    fprintf(stderr, "AUTH: %s\n", auth ? auth->str : c->errstr);
    return 1;
  }
  freeReplyObject(auth);
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

// CHECK: visits=1
// CHECK: with-redis: server 1 db 3 visits = 1
// CHECK: with-redis: ok
// PIECES: with-redis: server 1 db 5 visits = 1
// PIECES: with-redis: ok
// WRONG: connect: REDIS_URL: AUTH failed: {{.*}}
// WRONG: with-redis: ok
// BAD: connect: {{.*}}REDIS_URL{{.*}}
// TLS: connect: REDIS_URL: TLS {{.*}}
// TLS: with-redis: ok
