// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/hiredis.h>
#include <stdlib.h>

redisContext *fallback_host(int argc, char **argv) {
  return redisConnect(argc > 1 ? argv[1] : "localhost", 6379);
  // CHECK: :[[@LINE-1]]:10: warning: partially hardcoded Redis endpoint 'redis://localhost:6379' in call to 'redisConnect': a constant fallback is mixed with values computed at run time [rehost-partially-hardcoded]
}

redisContext *fallback_port(const char *port) {
  return redisConnect("cache.internal", port ? atoi(port) : 6379);
  // CHECK: :[[@LINE-1]]:10: warning: partially hardcoded Redis endpoint 'redis://cache.internal:6379' in call to 'redisConnect'
}

redisContext *elvis(const char *host) {
  return redisConnect(host ?: "127.0.0.1", 6379);
  // CHECK: :[[@LINE-1]]:10: warning: partially hardcoded Redis endpoint 'redis://127.0.0.1:6379' in call to 'redisConnect'
}

redisContext *fixed_host_configured_port(void) {
  return redisConnect("cache.internal", atoi(getenv("REDIS_PORT")));
  // CHECK: :[[@LINE-1]]:10: warning: partially hardcoded Redis endpoint 'redis://cache.internal:<runtime>' in call to 'redisConnect'
}
