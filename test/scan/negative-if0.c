// RUN: %expect-exit 0 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
// Code the preprocessor removes is never a finding.

#include <hiredis/hiredis.h>

redisContext *live(const char *host, int port) {
#if 0
  return redisConnect("127.0.0.1", 6379);
#endif
#ifdef REHOST_NEVER_DEFINED
  return redisConnect("10.0.0.1", 6379);
#endif
  return redisConnect(host, port);
}

// CHECK: rehost: 0 findings
