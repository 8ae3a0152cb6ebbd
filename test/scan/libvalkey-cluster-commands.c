// RUN: %expect-exit 1 %rehost scan %s -- -I%inputs/libvalkey 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=s3cret
// libvalkey's cluster commands: an AUTH sent through them carries a
// credential; other commands are not sites.

#include <stddef.h>
#include <valkey/cluster.h>

static void on_reply(valkeyClusterAsyncContext *acc, void *reply, void *data) {
  (void)acc, (void)reply, (void)data;
}

void blocking(valkeyClusterContext *cc) {
  freeReplyObject(valkeyClusterCommand(cc, "AUTH %s", "s3cret"));
  // CHECK: libvalkey-cluster-commands.c:[[@LINE-1]]:19: warning: hardcoded Redis password in call to 'valkeyClusterCommand' [rehost-hardcoded-credential]
  valkeyClusterAppendCommand(cc, "AUTH app s3cret");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis user name and password in call to 'valkeyClusterAppendCommand'
  freeReplyObject(valkeyClusterCommand(cc, "SET %s %s", "key", "s3cret"));
}

void asynchronous(valkeyClusterAsyncContext *acc) {
  valkeyClusterAsyncCommand(acc, on_reply, NULL, "AUTH %s", "s3cret");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password in call to 'valkeyClusterAsyncCommand' [rehost-hardcoded-credential]
  valkeyClusterAsyncCommand(acc, on_reply, NULL, "GET %s", "s3cret");
}

void configured(valkeyClusterContext *cc, const char *password) {
  valkeyClusterAppendCommand(cc, "AUTH %s", password);
}

// CHECK: rehost: 3 findings (0 hardcoded, 0 partially hardcoded, 3 credentials)
