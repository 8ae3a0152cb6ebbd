// REQUIRES: redis-server, hiredict
// RUN: %e2e-cc-valkey-tls %s -o %t
// RUN: %with-redis --tls --password 'tls-secret-4711' \
// RUN:   --env 'REDIS_URL=rediss://:{password}@127.0.0.1:{tls_port}/3' \
// RUN:   --env 'REDIS_TLS_CA_CERT_FILE={tls_ca}' \
// RUN:   --expect-empty -- %t {port} 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=tls-secret-4711
// rehost_valkeyAuth, what `rehost fix` writes for an AUTH command, sends a
// TLS profile's password only on a TLS connection: on a plaintext one (here
// to the server's plaintext port, which no migrated connect would make) it
// sends nothing and fails the context, saying why; on the profile's own
// (TLS) connection it authenticates.

#include <stdio.h>
#include <stdlib.h>
#include <valkey/valkey.h>
/* After valkey.h, and before rehost/valkey.h, which starts TLS only then. */
#include <valkey/tls.h>

#include <rehost/valkey.h>

static void auth_on(valkeyContext *c, const char *form) {
  valkeyReply *reply;
  if (c == NULL || c->err) {
    printf("%s: connect: %s\n", form, c ? c->errstr : "out of memory");
    return;
  }
  reply = rehost_valkeyAuth(c, "default");
  if (reply)
    printf("%s: AUTH %s\n", form, reply->str);
  else
    printf("%s: refused: %s\n", form, c->errstr);
  if (reply)
    freeReplyObject(reply);
  valkeyFree(c);
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  auth_on(valkeyConnect("127.0.0.1", atoi(argv[1])), "plaintext");
  auth_on(rehost_valkeyConnect("default", NULL, 0), "tls");
  return 0;
}

// CHECK: plaintext: refused: rehost: profile 'default' is TLS, and this connection is not, so its credentials are not sent on it
// CHECK: tls: AUTH OK
// CHECK: with-redis: ok
