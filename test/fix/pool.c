// fix --pool: a connect whose context one function uses for commands and
// frees, after testing it for NULL and returning, becomes a pool borrow and
// its redisFree a release. Every other connect stays the plain drop-in and
// the report says why. --pool and --strict do not go together.
// RUN: %strip-checks %s %t.c && %expect-exit 1 %rehost fix --pool --dry-run %t.c -- | FileCheck %s
// RUN: %strip-checks %s %t.c && %expect-exit 0 %rehost fix --pool --format json -o %t.json %t.c -- 2>/dev/null
// RUN: FileCheck %s --check-prefix=REPORT --input-file=%t.json
// RUN: %clang-syntax %t.c
// RUN: %strip-checks %s %t.c && %expect-exit 2 %rehost fix --pool --strict %t.c -- 2>&1 | FileCheck %s --check-prefix=STRICT
// Without --pool nothing is pooled.
// RUN: %strip-checks %s %t.c && %expect-exit 1 %rehost fix --dry-run %t.c -- | FileCheck %s --check-prefix=PLAIN --implicit-check-not='{{^\+.*rehost_(pool_acquire|redisRelease)}}'

#include <hiredis/hiredis.h>
#include <stdio.h>
#include <stdlib.h>
// CHECK: {{^}}+#include <rehost/rehost.h>
// PLAIN: {{^}}+#include <rehost/rehost.h>

long long per_request(void) {
  redisContext *c = redisConnect("10.0.0.5", 6379);
  // CHECK: +  redisContext *c = rehost_pool_acquire(rehost_pool_get("default", "redis://10.0.0.5:6379"), -1);
  // PLAIN: +  redisContext *c = rehost_redisConnect("default", "10.0.0.5", 6379);
  if (c == NULL || c->err) {
    fprintf(stderr, "%s\n", c ? c->errstr : "no connection");
    redisFree(c);
    // CHECK: +    rehost_redisRelease(c);
    return -1;
  }
  redisReply *r = redisCommand(c, "INCR hits");
  long long n = r ? r->integer : -1;
  freeReplyObject(r);
  redisFree(c);
  // CHECK: +  rehost_redisRelease(c);
  return n;
}

void guarded_by_exit(void) {
  redisContext *c = redisConnectWithTimeout("10.0.0.5", 6379, (struct timeval){1, 0});
  // CHECK: +  redisContext *c = rehost_pool_acquire(rehost_pool_get("default", "redis://10.0.0.5:6379"), -1);
  // PLAIN: +  redisContext *c = rehost_redisConnectWithTimeout("default", "10.0.0.5", 6379, (struct timeval){1, 0});
  if (!c)
    exit(1);
  redisAppendCommand(c, "PING");
  void *reply = NULL;
  redisGetReply(c, &reply);
  freeReplyObject(reply);
  redisFree(c);
  // CHECK: +  rehost_redisRelease(c);
}

static redisContext *kept;
void stored(void) {
  redisContext *c = redisConnect("10.0.0.6", 6379);
  // CHECK: +  redisContext *c = rehost_redisConnect("stored", "10.0.0.6", 6379);
  // PLAIN: +  redisContext *c = rehost_redisConnect("stored", "10.0.0.6", 6379);
  if (c == NULL)
    return;
  kept = c;
}

redisContext *returned(void) {
  redisContext *c = redisConnect("10.0.0.7", 6379);
  // CHECK: +  redisContext *c = rehost_redisConnect("returned", "10.0.0.7", 6379);
  // PLAIN: +  redisContext *c = rehost_redisConnect("returned", "10.0.0.7", 6379);
  return c;
}

void unchecked(void) {
  redisContext *c = redisConnect("10.0.0.8", 6379);
  // CHECK: +  redisContext *c = rehost_redisConnect("unchecked", "10.0.0.8", 6379);
  // PLAIN: +  redisContext *c = rehost_redisConnect("unchecked", "10.0.0.8", 6379);
  if (c->err)
    return;
  redisFree(c);
}

void checked_without_leaving(void) {
  redisContext *c = redisConnect("10.0.0.9", 6379);
  // CHECK: +  redisContext *c = rehost_redisConnect("checked-without-leaving", "10.0.0.9", 6379);
  // PLAIN: +  redisContext *c = rehost_redisConnect("checked-without-leaving", "10.0.0.9", 6379);
  if (c == NULL)
    fprintf(stderr, "no connection\n");
  redisCommand(c, "PING");
  redisFree(c);
}

// REPORT:      "action": "fixed",
// REPORT-NEXT: "after": "  redisContext *c = rehost_pool_acquire(rehost_pool_get(\"default\", \"redis://10.0.0.5:6379\"), -1);",
// REPORT:      "reason": "",
// REPORT:      "reason": "",
// REPORT:      "reason": "not pooled: --pool: 'c' is used on line {{[0-9]+}} for more than hiredis commands, err, errstr and redisFree (stored, returned or passed on), so it may outlive the request",
// REPORT: "reason": "not pooled: --pool: 'c' is used on line {{[0-9]+}} for more than hiredis commands
// REPORT: "reason": "not pooled: --pool: the code does not test 'c' for NULL and return before using it (line {{[0-9]+}}); a pool acquire gives NULL when it has no connection",
// REPORT: "reason": "not pooled: --pool: the code does not test 'c' for NULL and return before using it

// STRICT: --strict excludes --pool

