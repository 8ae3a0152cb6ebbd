// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 0 %rehost fix app.c -- 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// When no name the code gives says anything (REDIS_HOST, a context `c`,
// main), the profile is named after the server (a DNS label, a socket's
// stem) and last after the address.

#include <hiredis/hiredis.h>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.h>

#define REDIS_HOST "10.9.5.9"

// OUT: rehost: added profiles default, ip-10-9-5-9-6380, sessions to the runtime's rehost.toml

int main(void) {
  redisContext *c = redisConnect(REDIS_HOST, 6380);
  // FIXED: redisContext *c = rehost_redisConnect("ip-10-9-5-9-6380", REDIS_HOST, 6380);
  redisContext *ctx = redisConnectUnix("/run/sessions.sock");
  // FIXED: redisContext *ctx = rehost_redisConnectUnix("sessions", "/run/sessions.sock");
  redisContext *c2 = redisConnect("127.0.0.1", 6379);
  // FIXED: redisContext *c2 = rehost_redisConnect("default", "127.0.0.1", 6379);
  redisContext *c3 = redisConnect("127.0.0.1", 6379);
  // FIXED: redisContext *c3 = rehost_redisConnect("default", "127.0.0.1", 6379);
  redisFree(c);
  redisFree(ctx);
  redisFree(c2);
  redisFree(c3);
  return 0;
}
