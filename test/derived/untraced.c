// A wrapper no scanned code calls takes its endpoint from callers rehost
// never saw: the summary counts such client calls, so a clean result does
// not silently mean "only literals at the client call were checked".
// RUN: %expect-exit 0 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %expect-exit 0 %rehost scan %s --format json -- | FileCheck %s --check-prefix=JSON

#include <hiredis/hiredis.h>

redisContext *open_cache(const char *host, int port) {
  return redisConnect(host, port);
}

// Called here with run-time values: traced, not counted.
redisContext *open_queue(const char *host, int port) {
  return redisConnect(host, port);
}
redisContext *queue_from(const char *configured) {
  return open_queue(configured, 6379);
}

// CHECK: rehost: 0 findings
// CHECK-NEXT: rehost: 1 client call takes the endpoint from a wrapper or field that no scanned code gives a value
// JSON: "untraced_client_calls": 1
