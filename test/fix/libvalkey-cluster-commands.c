// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.c -- -I%inputs/libvalkey 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// libvalkey's cluster commands: an AUTH sent through them stays manual, with
// the reason (the cluster client authenticates each node with its options'
// password, which the rewritten connect takes from the profile), while the
// options' connect beside it is rewritten.

#include <stddef.h>
#include <valkey/cluster.h>
// FIXED: #include <valkey/cluster.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/valkey.h>

static void on_reply(valkeyClusterAsyncContext *acc, void *reply, void *data) {
  (void)acc, (void)reply, (void)data;
}

valkeyClusterContext *cluster(void) {
  valkeyClusterOptions options = {0};
  options.initial_nodes = "10.0.0.1:7000";
  // FIXED: options.initial_nodes = rehost_cluster_nodes("default", "10.0.0.1:7000");
  valkeyClusterContext *cc = valkeyClusterConnectWithOptions(&options);
  // FIXED: valkeyClusterContext *cc = rehost_valkeyClusterConnectWithOptions(&options, "default");
  freeReplyObject(valkeyClusterCommand(cc, "AUTH %s", "s3cret"));
  // FIXED: freeReplyObject(valkeyClusterCommand(cc, "AUTH %s", "s3cret"));
  valkeyClusterAppendCommand(cc, "AUTH app s3cret");
  // FIXED: valkeyClusterAppendCommand(cc, "AUTH app s3cret");
  return cc;
}

void asynchronous(valkeyClusterAsyncContext *acc) {
  valkeyClusterAsyncCommand(acc, on_reply, NULL, "AUTH %s", "s3cret");
  // FIXED: valkeyClusterAsyncCommand(acc, on_reply, NULL, "AUTH %s", "s3cret");
}

// OUT: rehost: fixed 1 of 4 findings in 1 file (1 file changed); 3 manual; 1 translation unit scanned
// REPORT: "api": "valkeyClusterCommand",
// REPORT: "action": "manual",
// REPORT: "reason": "libvalkey's cluster client authenticates every node with the password of its valkeyClusterOptions, which the rewritten valkeyClusterConnectWithOptions takes from the profile; remove this AUTH and set options.password (or the profile's) instead"
