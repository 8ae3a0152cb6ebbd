// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c && cp %t/app.c %t/app.c.orig
// RUN: cd %t && %expect-exit 1 %rehost fix --dry-run app.c -- 2>&1 | FileCheck %s --implicit-check-not='{{s3cr[e]t|hunt[e]r2}}'
// RUN: cmp %t/app.c.orig %t/app.c
// A dry run's diff ends up in CI logs: the lines it removes show every
// password the edits take out of the code as ***.

#include <hiredis/hiredis.h>
// CHECK: +#include <rehost/rehost.h>

void login(void) {
  redisContext *c = redisConnect("10.0.0.1", 6379);
  // CHECK: -  redisContext *c = redisConnect("10.0.0.1", 6379);
  // CHECK: +  redisContext *c = rehost_redisConnect("default", "10.0.0.1", 6379);
  redisCommand(c, "AUTH %s", "s3cret");
  // CHECK: -  redisCommand(c, "AUTH %s", "***");
  // CHECK: +  rehost_redisAuth(c, "default");
  redisCommand(c, "AUTH app hunter2");
  // CHECK: -  redisCommand(c, "AUTH app ***");
  // CHECK: +  rehost_redisAuth(c, "default");
}
