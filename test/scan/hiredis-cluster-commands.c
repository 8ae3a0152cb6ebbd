// RUN: %expect-exit 1 %rehost scan %s -- -I%inputs 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=s3cret
// hiredis-cluster's pipelined and asynchronous commands: an AUTH sent
// through them carries a credential; other commands are not sites.

#include <hiredis-cluster/hircluster.h>
#include <stddef.h>

static void on_reply(redisClusterAsyncContext *acc, void *reply, void *data) {
  (void)acc;
  (void)reply;
  (void)data;
}

void pipelined(redisClusterContext *cc) {
  redisClusterAppendCommand(cc, "AUTH %s", "s3cret");
  // CHECK: hiredis-cluster-commands.c:[[@LINE-1]]:3: warning: hardcoded Redis password in call to 'redisClusterAppendCommand' [rehost-hardcoded-credential]
  redisClusterAppendCommand(cc, "AUTH app s3cret");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis user name and password in call to 'redisClusterAppendCommand'
  redisClusterAppendCommand(cc, "SET %s %s", "key", "s3cret");
}

void asynchronous(redisClusterAsyncContext *acc) {
  redisClusterAsyncCommand(acc, on_reply, NULL, "AUTH %s", "s3cret");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password in call to 'redisClusterAsyncCommand' [rehost-hardcoded-credential]
  redisClusterAsyncCommand(acc, on_reply, NULL, "GET %s", "s3cret");
}

void configured(redisClusterContext *cc, const char *password) {
  redisClusterAppendCommand(cc, "AUTH %s", password);
}

// CHECK: rehost: 3 findings
