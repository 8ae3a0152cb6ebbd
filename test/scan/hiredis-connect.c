// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --strict-whitespace --implicit-check-not=warning:

#include <hiredis/hiredis.h>

redisContext *cache(void) {
  return redisConnect("127.0.0.1", 6379);
  // CHECK: hiredis-connect.c:[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://127.0.0.1:6379' in call to 'redisConnect' [rehost-hardcoded-endpoint]
  // CHECK-NEXT: {{^}}  return redisConnect("127.0.0.1", 6379);
  // CHECK-NEXT: {{^}}         ^
}

redisContext *ipv6(void) {
  return redisConnect("::1", 6380);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://[::1]:6380' in call to 'redisConnect'
}

// CHECK: rehost: 2 findings (2 hardcoded, 0 partially hardcoded, 0 credentials) in 1 file; 1 translation unit scanned
