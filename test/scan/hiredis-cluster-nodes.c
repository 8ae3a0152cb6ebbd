// RUN: %expect-exit 1 %rehost scan %s -- -I%inputs 2>&1 | FileCheck %s --implicit-check-not=warning:
// hiredis-cluster's node lists ("host:port,host:port") are endpoints.

#include <hiredis-cluster/hircluster.h>
#include <stdlib.h>

#define SEEDS "10.0.0.1:7000,10.0.0.2:7001"

redisClusterContext *blocking(void) {
  return redisClusterConnect("127.0.0.1:7000,127.0.0.1:7001", HIRCLUSTER_FLAG_NULL);
  // CHECK: hiredis-cluster-nodes.c:[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://127.0.0.1:7000,127.0.0.1:7001' in call to 'redisClusterConnect' [rehost-hardcoded-endpoint]
}

redisClusterContext *with_deadline(void) {
  struct timeval tv = {1, 0};
  return redisClusterConnectWithTimeout(SEEDS, tv, HIRCLUSTER_FLAG_NULL);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://10.0.0.1:7000,10.0.0.2:7001' in call to 'redisClusterConnectWithTimeout'
}

redisClusterContext *nonblocking(void) {
  return redisClusterConnectNonBlock("cache-a:7000", HIRCLUSTER_FLAG_NULL);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://cache-a:7000' in call to 'redisClusterConnectNonBlock'
}

redisClusterAsyncContext *async(void) {
  return redisClusterAsyncConnect(SEEDS, HIRCLUSTER_FLAG_NULL);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://10.0.0.1:7000,10.0.0.2:7001' in call to 'redisClusterAsyncConnect'
}

void options(redisClusterContext *cc) {
  redisClusterSetOptionAddNodes(cc, "10.0.0.1:7000,10.0.0.2:7001");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.1:7000,10.0.0.2:7001' in call to 'redisClusterSetOptionAddNodes'
  redisClusterSetOptionAddNode(cc, "10.0.0.3:7002");
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.3:7002' in call to 'redisClusterSetOptionAddNode'
}

void configured(redisClusterContext *cc, const char *seeds) {
  redisClusterConnect(getenv("REDIS_CLUSTER_NODES"), HIRCLUSTER_FLAG_NULL);
  redisClusterSetOptionAddNodes(cc, seeds);
}

// CHECK: rehost: 6 findings
