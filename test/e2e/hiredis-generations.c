// REQUIRES: hiredict
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %rehost fix --format text -o %t/report.txt app.c -- -I%hiredict-include 2>&1 \
// RUN:   | FileCheck %s --check-prefix=FIX
// RUN: %e2e-cc-hiredict-on-0.14 %t/app.c -o %t/mixed
// RUN: cd %t && env REDIS_URL=redis://127.0.0.1:1/2 %t/mixed | FileCheck %s --check-prefix=MIXED
// RUN: %e2e-cc-hiredict %t/app.c -o %t/matched
// RUN: cd %t && env REDIS_URL=redis://127.0.0.1:1/2 %t/matched | FileCheck %s --check-prefix=MATCHED
// Two hiredis generations in one program: built against hiredict (hiredis
// 1.x) but linked to this tree's runtime, built against hiredis 0.14, whose
// redisContext is laid out differently. Every migrated call that makes or
// takes a context fails with an error naming both versions and the runtime
// to build, through contexts of the program's own hiredis: nothing crashes,
// and nothing reaches the runtime's hiredis. Linked to the runtime built
// against hiredict, the same program gets as far as the (refused) connect.

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <stdio.h>

int main(void) {
  redisContext *c = redisConnect("10.0.0.7", 6379);
  printf("connect: %d %s\n", c->err, c->errstr);
  redisReply *reply = redisCommand(c, "AUTH %s", "s3cret");
  printf("auth: %s %d %s\n", reply ? "reply" : "null", c->err, c->errstr);
  redisFree(c);
  redisAsyncContext *ac = redisAsyncConnect("10.0.0.7", 6379);
  printf("async: %d %s\n", ac->err, ac->errstr);
  redisAsyncFree(ac);
  return 0;
}

// FIX: rehost: warning: {{.*}}app.c is compiled against hiredis 1.3.1, but the rehost runtime is built against hiredis 0.14.1
// FIX: rehost: fixed 3 of 3 findings

// MIXED: connect: 2 rehost: program built on hiredis 1.3.1, runtime on 0.14.1: build the runtime against hiredis 1.x (docs/runtime.md)
// MIXED-NEXT: auth: null 2 rehost: program built on hiredis 1.3.1, runtime on 0.14.1: build the runtime against hiredis 1.x (docs/runtime.md)
// MIXED-NEXT: async: 2 rehost: program built on hiredis 1.3.1, runtime on 0.14.1: build the runtime against hiredis 1.x (docs/runtime.md)

// MATCHED: connect: 1 127.0.0.1:1 (REDIS_URL): Connection refused
// MATCHED-NEXT: auth: null 1 127.0.0.1:1 (REDIS_URL): Connection refused
// MATCHED-NEXT: async: 1 127.0.0.1:1 (REDIS_URL): connect: Connection refused
