// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/async.h>

redisAsyncContext *events(void) {
  return redisAsyncConnect("127.0.0.1", 6379);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://127.0.0.1:6379' in call to 'redisAsyncConnect' [rehost-hardcoded-endpoint]
}
