// RUN: %expect-exit 1 %rehost scan %s -- -I%inputs/libvalkey 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=s3cret
// libvalkey's cluster API: the node list of valkeyClusterConnect*, and a
// valkeyClusterOptions' initial_nodes, username and password, for the sync
// or the async connect.

#include <stdlib.h>
#include <valkey/cluster.h>

valkeyClusterContext *direct(void) {
  struct timeval tv = {1, 0};
  valkeyClusterFree(valkeyClusterConnectWithTimeout("10.0.0.1:7000", tv));
  // CHECK: libvalkey-cluster.c:[[@LINE-1]]:21: warning: hardcoded Redis endpoint 'redis://10.0.0.1:7000' in call to 'valkeyClusterConnectWithTimeout' [rehost-hardcoded-endpoint]
  return valkeyClusterConnect("10.0.0.1:7000,10.0.0.2:7000");
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://10.0.0.1:7000,10.0.0.2:7000' in call to 'valkeyClusterConnect'
}

valkeyClusterContext *with_options(void) {
  valkeyClusterOptions options = {0};
  options.initial_nodes = "10.0.0.3:7000";
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.3:7000' in assignment to 'valkeyClusterOptions::initial_nodes'
  options.username = "app";
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis user name for 'redis://10.0.0.3:7000' in assignment to 'valkeyClusterOptions::username' [rehost-hardcoded-credential]
  options.password = "s3cret";
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password for 'redis://10.0.0.3:7000' in assignment to 'valkeyClusterOptions::password'
  return valkeyClusterConnectWithOptions(&options);
}

valkeyClusterAsyncContext *with_async_options(void) {
  valkeyClusterOptions options = {0};
  options.initial_nodes = "10.0.0.4:7000";
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.4:7000' in assignment to 'valkeyClusterOptions::initial_nodes'
  options.password = "s3cret";
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password for 'redis://10.0.0.4:7000' in assignment to 'valkeyClusterOptions::password'
  return valkeyClusterAsyncConnectWithOptions(&options);
}

valkeyClusterContext *configured(void) {
  valkeyClusterOptions options = {0};
  options.initial_nodes = getenv("VALKEY_NODES");
  options.password = getenv("VALKEY_PASSWORD");
  options.password = "";
  return valkeyClusterConnectWithOptions(&options);
}

// A project's own options struct with the same fields is not libvalkey's.
typedef struct {
  const char *initial_nodes;
  const char *password;
} clusterSettings;

void own(clusterSettings *s) {
  s->initial_nodes = "10.0.0.9:7000";
  s->password = "s3cret";
}

// CHECK: rehost: 7 findings
