// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 0 %rehost fix app.c -- -I%inputs/libvalkey 2>&1 | FileCheck %s --check-prefix=OUT --implicit-check-not=s3cret
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: %clang-syntax -std=c99 -Wall -Wextra -Wno-missing-field-initializers -pedantic -Werror -I%inputs/libvalkey %t/app.c
// RUN: %clang-syntax -x c++ -std=c++11 -Wall -Wextra -Wno-missing-field-initializers -Werror -I%inputs/libvalkey %t/app.c
// RUN: cp %t/app.c %t/app.c.first
// RUN: cd %t && %expect-exit 0 %rehost fix app.c -- -I%inputs/libvalkey
// RUN: cmp %t/app.c %t/app.c.first
// libvalkey's cluster API: the direct connects become the helpers of
// rehost/valkey.h; a valkeyClusterOptions' node list is wrapped as the
// fallback, its credentials leave the code, and its connect becomes the
// helper that hands it the whole profile, the async connect's too.

#include <stdlib.h>
#include <valkey/cluster.h>
// FIXED: #include <valkey/cluster.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/valkey.h>

valkeyClusterContext *direct(void) {
  struct timeval tv = {1, 0};
  valkeyClusterFree(valkeyClusterConnectWithTimeout("10.0.0.1:7000", tv));
  // FIXED: valkeyClusterFree(rehost_valkeyClusterConnectWithTimeout("direct", "10.0.0.1:7000", tv));
  return valkeyClusterConnect("10.0.0.1:7000,10.0.0.2:7000");
  // FIXED: return rehost_valkeyClusterConnect("ip-10-0-0-1-7000", "10.0.0.1:7000,10.0.0.2:7000");
}

valkeyClusterContext *with_options(void) {
  valkeyClusterOptions options = {0};
  options.initial_nodes = "10.0.0.3:7000";
  // FIXED: options.initial_nodes = rehost_cluster_nodes("default", "10.0.0.3:7000");
  options.username = "app";
  // FIXED: options.username = rehost_username("default", NULL);
  options.password = "s3cret";
  // FIXED: options.password = rehost_password("default", NULL);
  return valkeyClusterConnectWithOptions(&options);
  // FIXED: return rehost_valkeyClusterConnectWithOptions(&options, "default");
}

// The async cluster connect takes the same options, and the same profile.
valkeyClusterAsyncContext *with_async_options(void) {
  valkeyClusterOptions options = {0};
  options.initial_nodes = "10.0.0.4:7000";
  // FIXED: options.initial_nodes = rehost_cluster_nodes("with-async", "10.0.0.4:7000");
  options.password = "s3cret";
  // FIXED: options.password = rehost_password("with-async", NULL);
  return valkeyClusterAsyncConnectWithOptions(&options);
  // FIXED: return rehost_valkeyClusterAsyncConnectWithOptions(&options, "with-async");
}

// Nothing hardcoded: left as written.
valkeyClusterContext *configured(void) {
  valkeyClusterOptions options = {0};
  options.initial_nodes = getenv("VALKEY_NODES");
  // FIXED: options.initial_nodes = getenv("VALKEY_NODES");
  options.password = getenv("VALKEY_PASSWORD");
  // FIXED: options.password = getenv("VALKEY_PASSWORD");
  return valkeyClusterConnectWithOptions(&options);
  // FIXED: return valkeyClusterConnectWithOptions(&options);
}

// OUT: rehost: fixed 7 of 7 findings in 1 file (1 file changed); 0 manual; 1 translation unit scanned
