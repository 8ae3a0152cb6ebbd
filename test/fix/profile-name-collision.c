// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 0 %rehost fix app.c -- 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// Two endpoints the code names alike (CACHE_HOST redefined): the one more
// sites use takes the name, the other its next name from code
// (connect_replica), and with none left its address.

#include <hiredis/hiredis.h>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.h>

// OUT: rehost: added profiles default, cache, ip-10-9-7-3, replica to the runtime's rehost.toml

#define CACHE_HOST "10.9.7.2"
redisContext *a1(void) { return redisConnect(CACHE_HOST, 6379); }
// FIXED: redisContext *a1(void) { return rehost_redisConnect("cache", CACHE_HOST, 6379); }
redisContext *a2(void) { return redisConnect(CACHE_HOST, 6379); }
// FIXED: redisContext *a2(void) { return rehost_redisConnect("cache", CACHE_HOST, 6379); }
#undef CACHE_HOST

#define CACHE_HOST "10.9.7.3"
redisContext *b1(void) { return redisConnect(CACHE_HOST, 6379); }
// FIXED: redisContext *b1(void) { return rehost_redisConnect("ip-10-9-7-3", CACHE_HOST, 6379); }
#undef CACHE_HOST

#define CACHE_HOST "10.9.7.4"
redisContext *connect_replica(void) { return redisConnect(CACHE_HOST, 6379); }
// FIXED: redisContext *connect_replica(void) { return rehost_redisConnect("replica", CACHE_HOST, 6379); }
#undef CACHE_HOST

redisContext *x1(void) { return redisConnect("127.0.0.1", 6379); }
// FIXED: redisContext *x1(void) { return rehost_redisConnect("default", "127.0.0.1", 6379); }
redisContext *x2(void) { return redisConnect("127.0.0.1", 6379); }
// FIXED: redisContext *x2(void) { return rehost_redisConnect("default", "127.0.0.1", 6379); }
redisContext *x3(void) { return redisConnect("127.0.0.1", 6379); }
// FIXED: redisContext *x3(void) { return rehost_redisConnect("default", "127.0.0.1", 6379); }
