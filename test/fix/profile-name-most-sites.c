// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 0 %rehost fix app.c -- 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// One endpoint the code names differently at different sites takes the
// name most of its sites give (QUEUE_HOST twice, JOBS_HOST once), whatever
// the order; all its sites use it.

#include <hiredis/hiredis.h>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.h>

#define JOBS_HOST "10.9.6.2"
#define QUEUE_HOST "10.9.6.2"

// OUT: rehost: added profiles default, queue to the runtime's rehost.toml

redisContext *a(void) { return redisConnect(JOBS_HOST, 6379); }
// FIXED: redisContext *a(void) { return rehost_redisConnect("queue", JOBS_HOST, 6379); }
redisContext *b(void) { return redisConnect(QUEUE_HOST, 6379); }
// FIXED: redisContext *b(void) { return rehost_redisConnect("queue", QUEUE_HOST, 6379); }
redisContext *c(void) { return redisConnect(QUEUE_HOST, 6379); }
// FIXED: redisContext *c(void) { return rehost_redisConnect("queue", QUEUE_HOST, 6379); }

redisContext *x1(void) { return redisConnect("127.0.0.1", 6379); }
// FIXED: redisContext *x1(void) { return rehost_redisConnect("default", "127.0.0.1", 6379); }
redisContext *x2(void) { return redisConnect("127.0.0.1", 6379); }
// FIXED: redisContext *x2(void) { return rehost_redisConnect("default", "127.0.0.1", 6379); }
redisContext *x3(void) { return redisConnect("127.0.0.1", 6379); }
// FIXED: redisContext *x3(void) { return rehost_redisConnect("default", "127.0.0.1", 6379); }
redisContext *x4(void) { return redisConnect("127.0.0.1", 6379); }
// FIXED: redisContext *x4(void) { return rehost_redisConnect("default", "127.0.0.1", 6379); }
