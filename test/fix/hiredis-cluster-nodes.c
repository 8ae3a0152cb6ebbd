// RUN: rm -rf %t && mkdir %t && cp %s %t/app.c
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.c -- -I%inputs/hiredis-cluster 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED --implicit-check-not='{{s3cr[e]t}}'
// RUN: %clang-syntax -I%inputs/hiredis-cluster %t/app.c
// RUN: cp %t/app.c %t/app.c.first
// RUN: cd %t && %expect-exit 1 %rehost fix --format text app.c -- -I%inputs/hiredis-cluster
// RUN: cmp %t/app.c %t/app.c.first
// hiredis-cluster: the node list is wrapped in rehost_cluster_nodes. The
// password becomes rehost_password("default", NULL): hiredis-cluster reads a
// NULL password as "no password", so nothing changes when none is set.

#include <hircluster.h>
// FIXED: #include <hircluster.h>
// FIXED-NEXT: #include <rehost/rehost.h>

redisClusterContext *cluster(void) {
  redisClusterContext *cc = redisClusterContextInit();
  redisClusterSetOptionAddNodes(cc, "10.0.0.1:7000,10.0.0.2:7000");
  // FIXED: redisClusterSetOptionAddNodes(cc, rehost_cluster_nodes("default", "10.0.0.1:7000,10.0.0.2:7000"));
  redisClusterSetOptionPassword(cc, "s3cret");
  // FIXED: redisClusterSetOptionPassword(cc, rehost_password("default", NULL));
  redisClusterConnect2(cc);
  return cc;
}

redisClusterContext *one_node(void) {
  // One node: the runtime's node list may hold several, so this stays manual.
  redisClusterContext *cc = redisClusterContextInit();
  redisClusterSetOptionAddNode(cc, "10.0.0.3:7002");
  // FIXED: redisClusterSetOptionAddNode(cc, "10.0.0.3:7002");
  return cc;
}

redisClusterContext *direct(void) {
  return redisClusterConnect("10.0.0.1:7000,10.0.0.2:7000", HIRCLUSTER_FLAG_NULL);
  // FIXED: return redisClusterConnect(rehost_cluster_nodes("default", "10.0.0.1:7000,10.0.0.2:7000"), HIRCLUSTER_FLAG_NULL);
}

// OUT: rehost: fixed 3 of 4 findings in 1 file (1 file changed); 1 manual; 1 translation unit scanned

// The JSON report records the rewrite.
// REPORT: "action": "fixed",
// REPORT: "after": "{{.*}}redisClusterSetOptionAddNodes(cc, rehost_cluster_nodes(\"default\", \"10.0.0.1:7000,10.0.0.2:7000\"));{{.*}}",
