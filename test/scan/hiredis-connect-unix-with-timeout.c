// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/hiredis.h>

redisContext *over_socket_with_deadline(void) {
  struct timeval tv = {2, 0};
  return redisConnectUnixWithTimeout("/tmp/redis.sock", tv);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'unix:///tmp/redis.sock' in call to 'redisConnectUnixWithTimeout' [rehost-hardcoded-endpoint]
}
