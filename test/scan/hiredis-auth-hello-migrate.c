// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=s3cret
// HELLO ... AUTH sends the connection's credentials, MIGRATE ... AUTH and
// AUTH2 those of the server it migrates to: both are credentials, through a
// format or an argv array. MIGRATE's never name the connection's endpoint.

#include <hiredis/hiredis.h>
#include <stdlib.h>

void hello(redisContext *c, const char *password) {
  redisCommand(c, "HELLO 3 AUTH %s %s", "app", "s3cret");
  // CHECK: hiredis-auth-hello-migrate.c:[[@LINE-1]]:3: warning: hardcoded Redis user name and password in call to 'redisCommand' [rehost-hardcoded-credential]
  // CHECK-NEXT: {{^}}  redisCommand(c, "HELLO 3 AUTH %s %s", "app", "***");
  redisAppendCommand(c, "hello 3 SETNAME worker auth app s3cret");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis user name and password in call to 'redisAppendCommand'
  const char *argv[] = {"HELLO", "3", "AUTH", "app", "s3cret"};
  redisCommandArgv(c, 5, argv, NULL);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis user name and password in call to 'redisCommandArgv'
  redisCommand(c, "HELLO 3 AUTH %s %s", "app", password);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis user name in call to 'redisCommand'
  // No AUTH: a client named auth is not a credential.
  redisCommand(c, "HELLO 3 SETNAME auth");
  redisCommand(c, "HELLO 3");
}

void migrate(const char *host, const char *password) {
  redisContext *c = redisConnect("10.0.0.1", 6379);
  // CHECK: :[[@LINE-1]]:21: warning: hardcoded Redis endpoint 'redis://10.0.0.1:6379' in call to 'redisConnect'
  redisCommand(c, "MIGRATE %s %d %s 0 5000 AUTH %s", "10.0.0.9", 6379, "key",
               "s3cret");
  // CHECK: :[[@LINE-2]]:3: warning: hardcoded Redis password in call to 'redisCommand' [rehost-hardcoded-credential]
  redisCommand(c, "MIGRATE 10.0.0.9 6379 key 0 5000 COPY REPLACE AUTH2 app s3cret");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis user name and password in call to 'redisCommand' [rehost-hardcoded-credential]
  const char *argv[] = {"MIGRATE", "10.0.0.9", "6379", "", "0", "5000",
                        "AUTH", "s3cret", "KEYS", "a", "b"};
  redisCommandArgv(c, 11, argv, NULL);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password in call to 'redisCommandArgv' [rehost-hardcoded-credential]
  // Passwords from run time, and keys named AUTH, are no findings.
  redisCommand(c, "MIGRATE %s 6379 key 0 5000 AUTH %s", host, password);
  redisCommand(c, "MIGRATE 10.0.0.9 6379 AUTH 0 5000");
  redisCommand(c, "MIGRATE 10.0.0.9 6379 \"\" 0 5000 KEYS AUTH s3cret");
  redisFree(c);
}

// CHECK: rehost: 8 findings
