// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/hiredis.h>

redisContext *over_socket(void) {
  return redisConnectUnix("/var/run/redis/redis.sock");
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'unix:///var/run/redis/redis.sock' in call to 'redisConnectUnix' [rehost-hardcoded-endpoint]
}
