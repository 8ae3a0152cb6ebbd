// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/hiredis.h>

redisContext *over_socket_nonblocking(void) {
  return redisConnectUnixNonBlock("/tmp/queue.sock");
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'unix:///tmp/queue.sock' in call to 'redisConnectUnixNonBlock' [rehost-hardcoded-endpoint]
}
