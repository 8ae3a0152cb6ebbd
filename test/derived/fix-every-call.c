// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --format text app.c -- 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: %clang-syntax %t/app.c
// A wrapper that hands its parameters to two client calls: both are renamed
// with the constant, or the configured host would reach the one left
// behind without its profile's password and db.

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

static redisContext *open_both(const char *host, int port,
                               redisAsyncContext **events) {
  *events = redisAsyncConnect(host, port);
  // FIXED: *events = rehost_redisAsyncConnect("match:default", host, port);
  return redisConnect(host, port);
  // FIXED: return rehost_redisConnect("match:default", host, port);
}

redisContext *start(redisAsyncContext **events) {
  return open_both("10.4.4.4", 6382, events);
  // FIXED: return open_both(rehost_host("default", "10.4.4.4"), rehost_port("default", 6382), events);
}

// OUT: rehost: fixed 1 of 1 finding in 1 file (1 file changed); 0 manual
