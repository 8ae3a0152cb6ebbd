// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/hiredis.h>

enum { BASE_PORT = 7000 };
#define SHARD 3

redisContext *shard(void) {
  return redisConnect("127.0.0.1", 6379 + 1);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://127.0.0.1:6380' in call to 'redisConnect'
}

redisContext *computed_shard(void) {
  return redisConnect("127.0.0.1", BASE_PORT + SHARD * 2);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://127.0.0.1:7006' in call to 'redisConnect'
}
