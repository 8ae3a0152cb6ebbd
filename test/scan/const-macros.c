// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/hiredis.h>

#define REDIS_HOST "10.0.0.7"
#define REDIS_PORT 6381
#define REDIS_ENDPOINT REDIS_HOST, REDIS_PORT
#define CONNECT_DEFAULT() redisConnect(REDIS_HOST, REDIS_PORT)

redisContext *from_macros(void) {
  return redisConnect(REDIS_HOST, REDIS_PORT);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://10.0.0.7:6381' in call to 'redisConnect'
}

redisContext *from_nested_macro(void) {
  return redisConnect(REDIS_ENDPOINT);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://10.0.0.7:6381' in call to 'redisConnect'
}

redisContext *from_call_in_macro(void) {
  return CONNECT_DEFAULT();
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://10.0.0.7:6381' in call to 'redisConnect'
}
