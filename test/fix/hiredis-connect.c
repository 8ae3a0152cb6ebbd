// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.c -- 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: %clang-syntax %t/app.c

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <stdlib.h>
// FIXED: #include <hiredis/async.h>
// FIXED-NEXT: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.h>
// FIXED-NEXT: #include <stdlib.h>

redisContext *cache(void) {
  return redisConnect("127.0.0.1", 6379);
  // FIXED: return rehost_redisConnect("default", "127.0.0.1", 6379);
}

redisContext *cache_again(void) {
  struct timeval tv = {1, 0};
  return redisConnectWithTimeout("127.0.0.1", 6379, tv);
  // FIXED: return rehost_redisConnectWithTimeout("default", "127.0.0.1", 6379, tv);
}

redisContext *queue(void) {
  return redisConnectUnix("/var/run/redis/queue.sock");
  // FIXED: return rehost_redisConnectUnix("queue", "/var/run/redis/queue.sock");
}

redisAsyncContext *events(void) {
  return redisAsyncConnect("events.internal", 6379);
  // FIXED: return rehost_redisAsyncConnect("events", "events.internal", 6379);
}

redisContext *partial(int argc, char **argv) {
  // Partially hardcoded: left for a human, untouched.
  return redisConnect(argc > 1 ? argv[1] : "localhost", 6379);
  // FIXED: return redisConnect(argc > 1 ? argv[1] : "localhost", 6379);
}

redisContext *configured(void) {
  return redisConnect(getenv("REDIS_HOST"), 6379);
  // FIXED: return redisConnect(getenv("REDIS_HOST"), 6379);
}

// OUT: rehost: fixed 4 of 5 findings in 1 file (1 file changed); 1 manual; 1 translation unit scanned

// The JSON report records the rewrite.
// REPORT: "action": "fixed",
// REPORT: "after": "{{.*}}return rehost_redisConnect(\"default\", \"127.0.0.1\", 6379);{{.*}}",
