// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.c -- -I%inputs/hiredis-cluster 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: %clang-syntax -I%inputs/hiredis-cluster %t/app.c
// hiredis-cluster: a user name set as an option moves to the profile like
// the password; an AUTH sent as a pipelined or asynchronous command stays
// manual (hiredis-cluster sends the password given as an option, and the
// runtime has no cluster AUTH), with the reason; the non-blocking connect
// becomes the runtime's helper.

#include <hircluster.h>
#include <stddef.h>
// FIXED: #include <hircluster.h>
// FIXED-NEXT: #include <rehost/cluster.h>
// FIXED-NEXT: #include <stddef.h>

static void on_reply(redisClusterAsyncContext *acc, void *reply, void *data) {
  (void)acc;
  (void)reply;
  (void)data;
}

redisClusterContext *cluster(void) {
  redisClusterContext *cc = redisClusterContextInit();
  redisClusterSetOptionAddNodes(cc, "10.0.0.1:7000");
  // FIXED: redisClusterSetOptionAddNodes(cc, rehost_cluster_nodes("default", "10.0.0.1:7000"));
  redisClusterSetOptionUsername(cc, "app");
  // FIXED: redisClusterSetOptionUsername(cc, rehost_username("default", NULL));
  redisClusterConnect2(cc);
  // FIXED: rehost_redisClusterConnect2(cc, "default");
  redisClusterAppendCommand(cc, "AUTH %s", "s3cret");
  // FIXED: redisClusterAppendCommand(cc, "AUTH %s", "s3cret");
  return cc;
}

redisClusterContext *non_block(void) {
  return redisClusterConnectNonBlock("10.0.0.2:7000", HIRCLUSTER_FLAG_NULL);
  // FIXED: return rehost_redisClusterConnectNonBlock("non-block", "10.0.0.2:7000", HIRCLUSTER_FLAG_NULL);
}

void asynchronous(redisClusterAsyncContext *acc) {
  redisClusterAsyncCommand(acc, on_reply, NULL, "AUTH %s", "s3cret");
  // FIXED: redisClusterAsyncCommand(acc, on_reply, NULL, "AUTH %s", "s3cret");
}

// OUT: rehost: fixed 3 of 5 findings in 1 file (1 file changed); 2 manual; 1 translation unit scanned

// REPORT: "action": "manual",
// REPORT-NEXT: "api": "redisClusterAppendCommand",
// REPORT: "reason": "hiredis-cluster sends the password given to redisClusterSetOptionPassword; move this AUTH there by hand"
// REPORT: "action": "manual",
// REPORT-NEXT: "api": "redisClusterAsyncCommand",
// A catalog row never rewritten says why first, whatever else is unknown.
// REPORT: "reason": "hiredis-cluster sends the password given to redisClusterSetOptionPassword; move this AUTH there by hand"
