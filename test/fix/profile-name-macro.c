// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 0 %rehost fix app.c -- 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: %clang-syntax -I%inputs %t/app.c
// A profile is named after the macro its address is spelled as, without the
// words that name no endpoint (REDIS_, _HOST): CACHE_HOST gives "cache",
// also through a macro that expands to it. A call written in a macro body
// is not named after that macro: it names the call, not the endpoint.

#include <hiredis/hiredis.h>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.h>

#define CACHE_HOST "10.9.9.9"
#define REDIS_SESSIONS_HOST "10.9.9.10"
#define SESSIONS_ENDPOINT REDIS_SESSIONS_HOST, 6380
#define CONNECT_LOCAL() redisConnect("127.0.0.1", 6379)
// FIXED: #define CONNECT_LOCAL() rehost_redisConnect("default", "127.0.0.1", 6379)

// OUT: rehost: added profiles default, cache, sessions to the runtime's rehost.toml

redisContext *cache(void) {
  return redisConnect(CACHE_HOST, 6380);
  // FIXED: return rehost_redisConnect("cache", CACHE_HOST, 6380);
}

redisContext *sessions(void) {
  return redisConnect(SESSIONS_ENDPOINT);
  // FIXED: return rehost_redisConnect("sessions", SESSIONS_ENDPOINT);
}

redisContext *one(void) {
  return CONNECT_LOCAL();
}

redisContext *two(void) {
  return CONNECT_LOCAL();
}
