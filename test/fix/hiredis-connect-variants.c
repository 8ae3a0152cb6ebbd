// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 0 %rehost fix app.c -- 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: %clang-syntax %t/app.c
// The other hiredis connects (non-blocking, bound, unix, async): each
// becomes the runtime's drop-in of the same name, the profile first and the
// written endpoint as its fallback; the other arguments stay.

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
// FIXED: #include <hiredis/async.h>
// FIXED-NEXT: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.h>

redisContext *non_block(void) {
  return redisConnectNonBlock("10.0.0.5", 6380);
  // FIXED: return rehost_redisConnectNonBlock("default", "10.0.0.5", 6380);
}

redisContext *bound_with_reuse(void) {
  return redisConnectBindNonBlockWithReuse("10.0.0.5", 6380, "10.0.0.1");
  // FIXED: return rehost_redisConnectBindNonBlockWithReuse("default", "10.0.0.5", 6380, "10.0.0.1");
}

redisContext *unix_with_timeout(void) {
  struct timeval tv = {1, 0};
  return redisConnectUnixWithTimeout("/run/redis/queue.sock", tv);
  // FIXED: return rehost_redisConnectUnixWithTimeout("queue", "/run/redis/queue.sock", tv);
}

redisContext *unix_non_block(void) {
  return redisConnectUnixNonBlock("/run/redis/queue.sock");
  // FIXED: return rehost_redisConnectUnixNonBlock("queue", "/run/redis/queue.sock");
}

redisAsyncContext *async_bound(void) {
  return redisAsyncConnectBind("10.0.0.5", 6380, "10.0.0.1");
  // FIXED: return rehost_redisAsyncConnectBind("default", "10.0.0.5", 6380, "10.0.0.1");
}

redisAsyncContext *async_bound_with_reuse(void) {
  return redisAsyncConnectBindWithReuse("10.0.0.5", 6380, "10.0.0.1");
  // FIXED: return rehost_redisAsyncConnectBindWithReuse("default", "10.0.0.5", 6380, "10.0.0.1");
}

redisAsyncContext *async_unix(void) {
  return redisAsyncConnectUnix("/run/redis/queue.sock");
  // FIXED: return rehost_redisAsyncConnectUnix("queue", "/run/redis/queue.sock");
}

redisContext *configured(const char *host, int port) {
  return redisConnectNonBlock(host, port);
  // FIXED: return redisConnectNonBlock(host, port);
}

// OUT: rehost: fixed 7 of 7 findings in 1 file (1 file changed); 0 manual; 1 translation unit scanned
