// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/hiredis.h>

#define DOMAIN ".prod.internal"

redisContext *joined(void) {
  return redisConnect("redis" DOMAIN, 6379);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://redis.prod.internal:6379' in call to 'redisConnect'
}

redisContext *joined_socket(void) {
  return redisConnectUnix("/var/run/" "redis" ".sock");
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'unix:///var/run/redis.sock' in call to 'redisConnectUnix'
}
