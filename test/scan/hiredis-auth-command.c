// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=s3cret --implicit-check-not=hunter2
// A password sent as AUTH through hiredis's format commands is a credential.

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <stdlib.h>

#define CACHE_PASSWORD "hunter2"

void login(redisContext *c, redisAsyncContext *ac) {
  redisCommand(c, "AUTH %s", "s3cret");
  // CHECK: hiredis-auth-command.c:[[@LINE-1]]:3: warning: hardcoded Redis password in call to 'redisCommand' [rehost-hardcoded-credential]
  // CHECK-NEXT: {{^}}  redisCommand(c, "AUTH %s", "***");
  redisCommand(c, "AUTH s3cret");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password in call to 'redisCommand'
  redisCommand(c, "auth %s %s", "app", CACHE_PASSWORD);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis user name and password in call to 'redisCommand'
  redisAppendCommand(c, "AUTH %b", "s3cret", (size_t)6);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password in call to 'redisAppendCommand'
  redisAsyncCommand(ac, NULL, NULL, "AUTH %s", "s3cret");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password in call to 'redisAsyncCommand'
}

void configured(redisContext *c, const char *password) {
  // Passwords from the environment or a parameter are configuration.
  redisCommand(c, "AUTH %s", getenv("REDIS_PASSWORD"));
  redisCommand(c, "AUTH %s", password);
}

void acl_user(redisContext *c, const char *password) {
  // An ACL user name written in the source is a credential too.
  redisCommand(c, "AUTH %s %s", "app", password);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis user name in call to 'redisCommand'
}

void other_commands(redisContext *c, const char *format) {
  // Only the AUTH verb sends credentials.
  redisCommand(c, "SET auth %s", "s3cret");
  redisCommand(c, "GET %s", "AUTH");
  redisCommand(c, format, "s3cret");
  redisCommand(c, "PING");
}

// CHECK: rehost: 6 findings
