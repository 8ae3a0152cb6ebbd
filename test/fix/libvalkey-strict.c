// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 0 %rehost fix --strict app.c -- -I%inputs/libvalkey 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: FileCheck %s --input-file=%t/rehost.toml --check-prefix=TOML
// RUN: %clang-syntax -I%inputs/libvalkey %t/app.c
// With --strict, libvalkey's endpoints leave the code too: the drop-in, the
// options' fields and the cluster's node list keep only the profile, and
// the endpoints move to rehost.toml.

#include <valkey/cluster.h>
#include <valkey/valkey.h>
// FIXED: #include <valkey/valkey.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/valkey.h>

valkeyContext *cache(void) {
  return valkeyConnect("10.0.0.5", 6380);
  // FIXED: return rehost_valkeyConnect("default", NULL, 0);
}

valkeyContext *queue(void) {
  valkeyOptions options = {0};
  VALKEY_OPTIONS_SET_TCP(&options, "10.0.0.6", 6381);
  // FIXED: VALKEY_OPTIONS_SET_TCP(&options, rehost_host("queue", NULL), rehost_port("queue", 0));
  return valkeyConnectWithOptions(&options);
  // FIXED: return rehost_valkeyConnectWithOptions(&options, "queue");
}

valkeyClusterContext *sessions(void) {
  valkeyClusterOptions options = {0};
  options.initial_nodes = "10.0.0.1:7000,10.0.0.2:7000";
  // FIXED: options.initial_nodes = rehost_cluster_nodes("sessions", NULL);
  return valkeyClusterConnectWithOptions(&options);
  // FIXED: return rehost_valkeyClusterConnectWithOptions(&options, "sessions");
}

// OUT: rehost: fixed 3 of 3 findings in 1 file (1 file changed); 0 manual; 1 translation unit scanned
// TOML: [profiles.default]
// TOML-NEXT: host = "10.0.0.5"
// TOML-NEXT: port = 6380
// TOML: [profiles.queue]
// TOML-NEXT: host = "10.0.0.6"
// TOML-NEXT: port = 6381
// TOML: [profiles.sessions]
// TOML-NEXT: cluster_nodes = ["10.0.0.1:7000", "10.0.0.2:7000"]
