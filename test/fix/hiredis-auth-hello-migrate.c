// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.c -- 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT --implicit-check-not=s3cret
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: %clang-syntax %t/app.c
// HELLO ... AUTH and MIGRATE ... AUTH/AUTH2 are reported and left to a
// human: the runtime has no HELLO that sends the profile's credentials, and
// MIGRATE's belong to the server it migrates to, so they never take the
// profile of the connection they are sent on (which is migrated itself).

#include <hiredis/hiredis.h>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.h>

void hello_and_migrate(void) {
  redisContext *c = redisConnect("10.0.0.1", 6379);
  // FIXED: redisContext *c = rehost_redisConnect("default", "10.0.0.1", 6379);
  redisCommand(c, "HELLO 3 AUTH %s %s", "app", "s3cret");
  // FIXED: redisCommand(c, "HELLO 3 AUTH %s %s", "app", "s3cret");
  const char *hello[] = {"HELLO", "3", "AUTH", "app", "s3cret"};
  redisCommandArgv(c, 5, hello, NULL);
  // FIXED: const char *hello[] = {"HELLO", "3", "AUTH", "app", "s3cret"};
  // FIXED-NEXT: redisCommandArgv(c, 5, hello, NULL);
  redisCommand(c, "MIGRATE %s %d %s 0 5000 AUTH %s", "10.0.0.9", 6379, "key",
               "s3cret");
  // FIXED: redisCommand(c, "MIGRATE %s %d %s 0 5000 AUTH %s", "10.0.0.9", 6379, "key",
  const char *migrate[] = {"MIGRATE", "10.0.0.9", "6379", "key", "0", "5000",
                           "AUTH2", "app", "s3cret"};
  redisCommandArgv(c, 9, migrate, NULL);
  // FIXED: redisCommandArgv(c, 9, migrate, NULL);
  redisFree(c);
}

// OUT: rehost: fixed 1 of 5 findings in 1 file (1 file changed); 4 manual; 1 translation unit scanned

// REPORT: "api": "redisCommand",
// REPORT: "endpoint": "redis://10.0.0.1:6379",
// REPORT: "profile": "default",
// REPORT: "reason": "HELLO also switches the protocol, and the runtime has no HELLO that sends the profile's credentials: take AUTH and its words out of the HELLO
// REPORT: "reason": "HELLO also switches the protocol
// REPORT: "api": "redisCommand",
// REPORT-NOT: "profile": "default"
// REPORT: "reason": "MIGRATE's AUTH is the credential of the target server, not of the connection it is sent on, so rehost never moves it to that connection's profile: read the target's password from configuration by hand"
// REPORT-NOT: "profile": "default"
// REPORT: "reason": "MIGRATE's AUTH is the credential of the target server
