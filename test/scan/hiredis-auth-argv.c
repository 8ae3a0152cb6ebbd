// RUN: %expect-exit 1 %rehost scan %s -- 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=s3cret --implicit-check-not=hunter2
// A password sent as AUTH through hiredis's argv commands is a credential:
// the words are read from the array the call sends (a local or static
// array, one carried by a local pointer, a compound literal), as many as
// argc says.

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <stdlib.h>
#include <string.h>

#define QUEUE_PASSWORD "hunter2"

void argv_forms(redisContext *c, redisAsyncContext *ac) {
  const char *argv[] = {"AUTH", "s3cret"};
  redisCommandArgv(c, 2, argv, NULL);
  // CHECK: hiredis-auth-argv.c:[[@LINE-1]]:3: warning: hardcoded Redis password in call to 'redisCommandArgv' [rehost-hardcoded-credential]
  // CHECK-NEXT: {{^}}  redisCommandArgv(c, 2, argv, NULL);

  static const char *with_user[] = {"auth", "app", "s3cret"};
  size_t lens[] = {4, 3, 6};
  redisAppendCommandArgv(c, 3, with_user, lens);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis user name and password in call to 'redisAppendCommandArgv'

  const char *counted[] = {"AUTH", "s3cret"};
  size_t measured[] = {sizeof("AUTH") - 1, strlen("s3cret")};
  redisAsyncCommandArgv(ac, NULL, NULL, sizeof counted / sizeof *counted,
                        counted, measured);
  // CHECK: :[[@LINE-2]]:3: warning: hardcoded Redis password in call to 'redisAsyncCommandArgv'

  const char *words[] = {"AUTH", QUEUE_PASSWORD};
  const char **carried = words;
  redisCommandArgv(c, 2, carried, NULL);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password in call to 'redisCommandArgv'

  redisCommandArgv(c, 2, (const char *[]){"AUTH", "s3cret"}, NULL);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password in call to 'redisCommandArgv'
  // CHECK-NEXT: {{^}}  redisCommandArgv(c, 2, (const char *[]){"AUTH", "***"}, NULL);
}

void acl_user(redisContext *c, const char *password) {
  // An ACL user name written in the array is a credential too.
  const char *argv[] = {"AUTH", "app", password};
  redisCommandArgv(c, 3, argv, NULL);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis user name in call to 'redisCommandArgv'
}

void not_credentials(redisContext *c, const char **param_argv,
                     const char *password) {
  // Words the call cannot see, or computed at run time, are configuration.
  redisCommandArgv(c, 2, param_argv, NULL);
  const char *from_env[] = {"AUTH", getenv("REDIS_PASSWORD")};
  redisCommandArgv(c, 2, from_env, NULL);
  const char *from_param[] = {"AUTH", password};
  redisCommandArgv(c, 2, from_param, NULL);
  // Only AUTH sends credentials, and only the words argc counts are sent.
  const char *set[] = {"SET", "auth", "s3cret"};
  redisCommandArgv(c, 3, set, NULL);
  const char *ping[] = {"PING", "AUTH", "s3cret"};
  redisCommandArgv(c, 1, ping, NULL);
}

// CHECK: rehost: 6 findings
