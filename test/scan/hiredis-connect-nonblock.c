// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/hiredis.h>

redisContext *nonblocking(void) {
  return redisConnectNonBlock("10.1.2.3", 6379);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://10.1.2.3:6379' in call to 'redisConnectNonBlock' [rehost-hardcoded-endpoint]
}
