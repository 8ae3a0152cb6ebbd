// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --implicit-check-not='{{s3cr[e]t}}'
// RUN: %expect-exit 1 %rehost scan --format json %s -- -std=c++17 -I%inputs | FileCheck %s --check-prefix=JSON --implicit-check-not='{{s3cr[e]t}}'
// RUN: rm -rf %t && mkdir %t && cp %s %t/app.cpp
// RUN: cd %t && %expect-exit 1 %rehost fix app.cpp -- -std=c++17 -I%inputs
// RUN: diff %s %t/app.cpp
// A redis+sentinel:// URL written in code is a finding like any other, with
// its password hidden; fix leaves it (manual): a client given a URI keeps
// one address, and rehost::uri gives the configured one, not the master's.

#include <sw/redis++/redis++.h>

void connect() {
  sw::redis::Redis master("redis+sentinel://:s3cret@10.0.0.11:26379,10.0.0.12/mymaster/1");
  // CHECK: redis-sentinel-uri.cpp:[[@LINE-1]]:20: warning: hardcoded Redis password for 'redis+sentinel://:***@10.0.0.11:26379,10.0.0.12/mymaster/1' in construction of 'sw::redis::Redis' [rehost-hardcoded-credential]
  sw::redis::Redis plain("redis+sentinel://Sentinel-A,sentinel-b:26380/orders");
  // CHECK: :[[@LINE-1]]:20: warning: hardcoded Redis endpoint 'redis+sentinel://Sentinel-A,sentinel-b:26380/orders' in construction of 'sw::redis::Redis' [rehost-hardcoded-endpoint]
}

// CHECK: rehost: 2 findings

// JSON: "action": "manual",
// JSON: "endpoint": "redis+sentinel://:***@10.0.0.11:26379,10.0.0.12/mymaster/1",
// JSON: "reason": "a Sentinel URL: no client URI can follow the master the sentinels name;
// JSON: "endpoint": "redis+sentinel://Sentinel-A,sentinel-b:26380/orders",
// JSON: "address": "redis+sentinel://10.0.0.11:26379,10.0.0.12:26379/mymaster/1",
// JSON: "address": "redis+sentinel://sentinel-a:26379,sentinel-b:26380/orders",
