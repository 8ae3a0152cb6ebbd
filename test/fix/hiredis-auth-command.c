// RUN: rm -rf %t && mkdir %t && cp %s %t/app.c
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.c -- 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: %clang-syntax %t/app.c
// RUN: cp %t/app.c %t/app.c.first
// RUN: cd %t && %expect-exit 1 %rehost fix --format text app.c --
// RUN: cmp %t/app.c %t/app.c.first
// A literal AUTH password leaves the code: it becomes the runtime's AUTH
// password ("" when none is configured, never NULL). What would need the
// format rewritten stays with a human.

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#define QUEUE_PASSWORD "s3cret"

void auth(redisContext *c) {
  redisCommand(c, "AUTH %s", "s3cret");
  // FIXED: redisCommand(c, "AUTH %s", rehost_auth_password("default"));
  redisAppendCommand(c, "auth %s", "s3cret");
  // FIXED: redisAppendCommand(c, "auth %s", rehost_auth_password("default"));
}

void auth_async(redisAsyncContext *ac) {
  redisAsyncCommand(ac, NULL, NULL, "AUTH %s", "s3cret");
  // FIXED: redisAsyncCommand(ac, NULL, NULL, "AUTH %s", rehost_auth_password("default"));
}

void left_for_a_human(redisContext *c, const char *password) {
  // Inside the format: rewriting it means rewriting the format.
  redisCommand(c, "AUTH s3cret");
  // FIXED: redisCommand(c, "AUTH s3cret");
  // A macro keeps the value written elsewhere.
  redisCommand(c, "AUTH %s", QUEUE_PASSWORD);
  // FIXED: redisCommand(c, "AUTH %s", QUEUE_PASSWORD);
  // A written ACL user name.
  redisCommand(c, "AUTH %s %s", "app", password);
  // FIXED: redisCommand(c, "AUTH %s %s", "app", password);
}

// OUT: rehost: fixed 3 of 6 findings in 1 file (1 file changed); 3 manual; 1 translation unit scanned

// The JSON report records the rewrite.
// REPORT: "action": "fixed",
// REPORT: "after": "{{.*}}redisCommand(c, \"AUTH %s\", rehost_auth_password(\"default\"));{{.*}}",
