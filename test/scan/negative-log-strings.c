// RUN: %expect-exit 0 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
// Strings that merely mention a host or a client function are not sites.

#include <hiredis/hiredis.h>
#include <stdio.h>

void explain(void) {
  printf("connecting to redis at 127.0.0.1:6379\n");
  fprintf(stderr, "redisConnect(\"localhost\", 6379) failed\n");
  puts("redis://cache.internal:6379");
}
// redisConnect("127.0.0.1", 6379) in a comment is not code either.

// CHECK: rehost: 0 findings
