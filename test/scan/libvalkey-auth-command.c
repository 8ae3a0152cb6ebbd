// RUN: %expect-exit 1 %rehost scan %s -- -I%inputs/libvalkey 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=s3cret
// AUTH sent through valkeyCommand and its forms carries a credential, which
// takes the profile of the connection it is sent on.

#include <stdlib.h>
#include <valkey/async.h>
#include <valkey/valkey.h>

void login(void) {
  valkeyContext *c = valkeyConnect("10.0.0.5", 6379);
  // CHECK: libvalkey-auth-command.c:[[@LINE-1]]:22: warning: hardcoded Redis endpoint 'redis://10.0.0.5:6379' in call to 'valkeyConnect'
  freeReplyObject(valkeyCommand(c, "AUTH %s", "s3cret"));
  // CHECK: :[[@LINE-1]]:19: warning: hardcoded Redis password for 'redis://10.0.0.5:6379' in call to 'valkeyCommand' [rehost-hardcoded-credential]
  valkeyAppendCommand(c, "AUTH app s3cret");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis user name and password for 'redis://10.0.0.5:6379' in call to 'valkeyAppendCommand'
  const char *argv[] = {"AUTH", "s3cret"};
  freeReplyObject(valkeyCommandArgv(c, 2, argv, NULL));
  // CHECK: :[[@LINE-1]]:19: warning: hardcoded Redis password for 'redis://10.0.0.5:6379' in call to 'valkeyCommandArgv'
  const char *user_argv[] = {"AUTH", "app", "s3cret"};
  valkeyAppendCommandArgv(c, 3, user_argv, NULL);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis user name and password for 'redis://10.0.0.5:6379' in call to 'valkeyAppendCommandArgv'
  valkeyFree(c);
}

static void on_auth(valkeyAsyncContext *ac, void *reply, void *privdata) {
  (void)ac, (void)reply, (void)privdata;
}

void async_login(void) {
  valkeyAsyncContext *ac = valkeyAsyncConnect("10.0.0.6", 6379);
  // CHECK: :[[@LINE-1]]:28: warning: hardcoded Redis endpoint 'redis://10.0.0.6:6379' in call to 'valkeyAsyncConnect'
  valkeyAsyncCommand(ac, on_auth, NULL, "AUTH s3cret");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password for 'redis://10.0.0.6:6379' in call to 'valkeyAsyncCommand'
  const char *argv[] = {"AUTH", "s3cret"};
  valkeyAsyncCommandArgv(ac, on_auth, NULL, 2, argv, NULL);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password for 'redis://10.0.0.6:6379' in call to 'valkeyAsyncCommandArgv'
}

// Other commands, and a password computed at run time, are not findings.
void others(valkeyContext *c) {
  freeReplyObject(valkeyCommand(c, "SET k v"));
  freeReplyObject(valkeyCommand(c, "AUTH %s", getenv("VALKEY_PASSWORD")));
}

// CHECK: rehost: 8 findings (2 hardcoded, 0 partially hardcoded, 6 credentials)
