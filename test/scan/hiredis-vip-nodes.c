// RUN: %expect-exit 1 %rehost scan %s -- -I%inputs 2>&1 | FileCheck %s --implicit-check-not=warning:
// hiredis-vip declares the same cluster API in hiredis-vip/hircluster.h.

#include <hiredis-vip/hircluster.h>

redisClusterContext *seeds(void) {
  redisClusterContext *cc = redisClusterContextInit();
  redisClusterSetOptionAddNodes(cc, "cache-a.internal:7000,cache-b.internal:7000");
  // CHECK: hiredis-vip-nodes.c:[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://cache-a.internal:7000,cache-b.internal:7000' in call to 'redisClusterSetOptionAddNodes'
  redisClusterConnect2(cc);
  return redisClusterConnect("127.0.0.1:7000", HIRCLUSTER_FLAG_NULL);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://127.0.0.1:7000' in call to 'redisClusterConnect'
}

// CHECK: rehost: 2 findings
