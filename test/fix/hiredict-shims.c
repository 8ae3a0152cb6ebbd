// REQUIRES: hiredict
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 1 %rehost scan --format text app.c -- -I%hiredict-include 2>&1 | FileCheck %s --check-prefix=SCAN
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.c -- -I%hiredict-include 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: %clang-syntax -I%hiredict-include %t/app.c
// hiredis code built against the real hiredict (hiredis 1.x as Debian ships
// it, unpacked by `make deps`): its shims' <hiredis/hiredis.h> #defines every
// redis… name as hiredict's redict…, so each call resolves to a redict…
// declaration. The catalog knows both spellings; the sites are reported by
// their hiredis names, and each edit changes the name where this file spells
// it, never the shim's macro. fix warns that the runtime of this build tree
// (hiredis 0.14) is of the other generation.

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/hiredis_options.h>
// FIXED-NEXT: #include <rehost/rehost.h>

redisContext *plain(void) { return redisConnect("10.0.0.5", 6380); }
// SCAN: app.c:[[@LINE-1]]:{{[0-9]+}}: warning: hardcoded Redis endpoint 'redis://10.0.0.5:6380' in call to 'redisConnect'
// FIXED: redisContext *plain(void) { return rehost_redisConnect("default", "10.0.0.5", 6380); }

redisAsyncContext *later(void) { return redisAsyncConnect("10.0.0.5", 6380); }
// FIXED: redisAsyncContext *later(void) { return rehost_redisAsyncConnect("default", "10.0.0.5", 6380); }

redisContext *with_options(void) {
  redisOptions options = {0};
  REDIS_OPTIONS_SET_TCP(&options, "10.0.0.5", 6380);
  // FIXED: REDIS_OPTIONS_SET_TCP(&options, rehost_host("default", "10.0.0.5"), rehost_port("default", 6380));
  return redisConnectWithOptions(&options);
  // FIXED: return rehost_redisConnectWithOptions(&options, "default");
}

void login(void) {
  redisContext *c = redisConnectWithTimeout("10.0.0.5", 6380, (struct timeval){1, 0});
  // FIXED: redisContext *c = rehost_redisConnectWithTimeout("default", "10.0.0.5", 6380, (struct timeval){1, 0});
  freeReplyObject(redisCommand(c, "AUTH %s", "s3cret"));
  // FIXED: freeReplyObject(rehost_redisAuth(c, "default"));
  redisFree(c);
}

// SCAN: rehost: 5 findings
// OUT: rehost: warning: {{.*}}app.c is compiled against hiredis 1.3.1, but the rehost runtime is built against hiredis 0.14.1: the migrated program would fail its first connect; build the runtime against hiredis 1.x
// OUT: rehost: fixed 5 of 5 findings
