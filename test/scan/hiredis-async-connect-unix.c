// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/async.h>

redisAsyncContext *events_over_socket(void) {
  return redisAsyncConnectUnix("/run/redis.sock");
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'unix:///run/redis.sock' in call to 'redisAsyncConnectUnix' [rehost-hardcoded-endpoint]
}
