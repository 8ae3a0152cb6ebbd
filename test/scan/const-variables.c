// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/hiredis.h>

static const char *const kHost = "cache-a.internal";
static const int kPort = 6390;
static const char kSocket[] = "/tmp/cache.sock";
static const char *unchanged_host = "cache-b.internal";

redisContext *from_const_globals(void) {
  return redisConnect(kHost, kPort);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://cache-a.internal:6390' in call to 'redisConnect'
}

redisContext *from_const_array(void) {
  return redisConnectUnix(kSocket);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'unix:///tmp/cache.sock' in call to 'redisConnectUnix'
}

redisContext *from_static_never_assigned(void) {
  return redisConnect(unchanged_host, 6379);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://cache-b.internal:6379' in call to 'redisConnect'
}

redisContext *from_locals(void) {
  const char *host = "cache-c.internal";
  int port = 6400;
  return redisConnect(host, port);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://cache-c.internal:6400' in call to 'redisConnect'
}
