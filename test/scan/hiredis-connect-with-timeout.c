// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/hiredis.h>

redisContext *connect_with_deadline(void) {
  struct timeval tv = {1, 500000};
  return redisConnectWithTimeout("cache.internal", 6380, tv);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://cache.internal:6380' in call to 'redisConnectWithTimeout' [rehost-hardcoded-endpoint]
}
