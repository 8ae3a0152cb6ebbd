// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 0 %rehost fix app.c -- 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: %clang-syntax -I%inputs %t/app.c
// A profile is named after the constant or variable its address is read
// from (a k, g_, m_ or s_ prefix and the words redis, addr, host dropped),
// following a variable that says nothing (`host`) to its initialiser, or
// after the variable that holds the connection.

#include <hiredis/hiredis.h>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.h>

static const char *const kRedisSessionsAddr = "10.9.9.1";
static const char *const g_redis_orders_host = "10.9.9.2";
#define AUDIT_HOST "10.9.9.3"

// OUT: rehost: added profiles default, audit, jobs, orders, sessions to the runtime's rehost.toml

redisContext *sessions(void) {
  return redisConnect(kRedisSessionsAddr, 6379);
  // FIXED: return rehost_redisConnect("sessions", kRedisSessionsAddr, 6379);
}

redisContext *orders(void) {
  return redisConnect(g_redis_orders_host, 6379);
  // FIXED: return rehost_redisConnect("orders", g_redis_orders_host, 6379);
}

redisContext *audit(void) {
  const char *host = AUDIT_HOST;
  return redisConnect(host, 6379);
  // FIXED: return rehost_redisConnect("audit", host, 6379);
}

void work(void) {
  redisContext *jobs = redisConnect("10.9.9.4", 6379);
  // FIXED: redisContext *jobs = rehost_redisConnect("jobs", "10.9.9.4", 6379);
  redisFree(jobs);
}

redisContext *one(void) { return redisConnect("127.0.0.1", 6379); }
// FIXED: redisContext *one(void) { return rehost_redisConnect("default", "127.0.0.1", 6379); }
redisContext *two(void) { return redisConnect("127.0.0.1", 6379); }
// FIXED: redisContext *two(void) { return rehost_redisConnect("default", "127.0.0.1", 6379); }
