// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.c -- -I%inputs/hiredis-cluster 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED --implicit-check-not='{{s3cr[e]t}}'
// RUN: %clang-syntax -I%inputs/hiredis-cluster %t/app.c
// RUN: cp %t/app.c %t/app.c.first
// RUN: cd %t && %expect-exit 1 %rehost fix --format text app.c -- -I%inputs/hiredis-cluster
// RUN: cmp %t/app.c %t/app.c.first
// hiredis-cluster: the node list is wrapped in rehost_cluster_nodes and the
// password becomes rehost_password("default", NULL) (hiredis-cluster reads
// a NULL password as "no password"); the context's redisClusterConnect2
// becomes the runtime's helper (rehost/cluster.h, compiled against the
// file's own hiredis-cluster), which checks the profile first and sets its
// credentials. The direct connects become that helper's siblings.

#include <hircluster.h>
// FIXED: #include <hircluster.h>
// FIXED-NEXT: #include <rehost/cluster.h>

redisClusterContext *cluster(void) {
  redisClusterContext *cc = redisClusterContextInit();
  redisClusterSetOptionAddNodes(cc, "10.0.0.1:7000,10.0.0.2:7000");
  // FIXED: redisClusterSetOptionAddNodes(cc, rehost_cluster_nodes("default", "10.0.0.1:7000,10.0.0.2:7000"));
  redisClusterSetOptionPassword(cc, "s3cret");
  // FIXED: redisClusterSetOptionPassword(cc, rehost_password("default", NULL));
  redisClusterConnect2(cc);
  // FIXED: rehost_redisClusterConnect2(cc, "default");
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
  // FIXED: return rehost_redisClusterConnect("default", "10.0.0.1:7000,10.0.0.2:7000", HIRCLUSTER_FLAG_NULL);
}

redisClusterContext *with_timeout(void) {
  struct timeval tv = {1, 0};
  return redisClusterConnectWithTimeout("10.0.0.1:7000", tv, HIRCLUSTER_FLAG_NULL);
  // FIXED: return rehost_redisClusterConnectWithTimeout("with-timeout", "10.0.0.1:7000", tv, HIRCLUSTER_FLAG_NULL);
}

void connect_elsewhere(redisClusterContext *cc);

void configured_here(void) {
  // Connected in another file: the rewritten connect is what refuses a bad
  // configuration, so the node list is left.
  redisClusterContext *cc = redisClusterContextInit();
  redisClusterSetOptionAddNodes(cc, "10.0.0.7:7000");
  // FIXED: redisClusterSetOptionAddNodes(cc, "10.0.0.7:7000");
  connect_elsewhere(cc);
}

redisClusterAsyncContext *asynchronous(void) {
  return redisClusterAsyncConnect("10.0.0.8:7000", HIRCLUSTER_FLAG_NULL);
  // FIXED: return redisClusterAsyncConnect("10.0.0.8:7000", HIRCLUSTER_FLAG_NULL);
}

// OUT: rehost: fixed 4 of 7 findings in 1 file (1 file changed); 3 manual; 1 translation unit scanned

// The JSON report records the rewrite.
// REPORT: "action": "fixed",
// REPORT: "after": "{{.*}}redisClusterSetOptionAddNodes(cc, rehost_cluster_nodes(\"default\", \"10.0.0.1:7000,10.0.0.2:7000\"));{{.*}}",
// REPORT: "reason": "rehost cannot see the connect this object is handed to {{.*}}"
// REPORT: "reason": "redisClusterAsyncConnect takes no credentials and reports no configuration error; {{.*}}"
