// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/async.h>

redisAsyncContext *events_bound(void) {
  return redisAsyncConnectBind("pubsub.internal", 6379, "10.0.0.2");
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://pubsub.internal:6379' in call to 'redisAsyncConnectBind' [rehost-hardcoded-endpoint]
}

redisAsyncContext *events_bound_with_reuse(void) {
  return redisAsyncConnectBindWithReuse("pubsub.internal", 6379, "10.0.0.2");
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://pubsub.internal:6379' in call to 'redisAsyncConnectBindWithReuse' [rehost-hardcoded-endpoint]
}
