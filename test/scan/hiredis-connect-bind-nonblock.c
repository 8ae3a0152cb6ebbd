// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
// The source address is not part of the endpoint: only host and port count.

#include <hiredis/hiredis.h>

redisContext *bound(void) {
  return redisConnectBindNonBlock("redis.svc", 6379, "192.168.0.10");
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://redis.svc:6379' in call to 'redisConnectBindNonBlock' [rehost-hardcoded-endpoint]
}

redisContext *bound_with_reuse(void) {
  return redisConnectBindNonBlockWithReuse("redis.svc", 6390, "0.0.0.0");
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://redis.svc:6390' in call to 'redisConnectBindNonBlockWithReuse' [rehost-hardcoded-endpoint]
}

redisContext *runtime_endpoint_fixed_source(const char *host, int port) {
  return redisConnectBindNonBlock(host, port, "192.168.0.10");
}
