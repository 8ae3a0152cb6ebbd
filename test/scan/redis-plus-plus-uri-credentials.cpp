// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=s3cret
// RUN: %expect-exit 1 %rehost scan --format json %s -- -std=c++17 -I%inputs | FileCheck %s --check-prefix=JSON --implicit-check-not=s3cret
// RUN: %expect-exit 1 %rehost scan --format sarif %s -- -std=c++17 -I%inputs | FileCheck %s --check-prefix=SARIF --implicit-check-not=s3cret
// A password inside a URI is a credential finding; the password is never shown.

#include <string>
#include <sw/redis++/redis++.h>

void with_password() {
  sw::redis::Redis redis("tcp://app:s3cret@cache.internal:6379/1");
  // CHECK: redis-plus-plus-uri-credentials.cpp:[[@LINE-1]]:20: warning: hardcoded Redis user name and password for 'tcp://app:***@cache.internal:6379/1' in construction of 'sw::redis::Redis' [rehost-hardcoded-credential]
  // CHECK-NEXT: {{^}}  sw::redis::Redis redis("tcp://app:***@cache.internal:6379/1");
  // JSON: "endpoint": "tcp://app:***@cache.internal:6379/1"
  // JSON: "profile": "default"
  // JSON: "rule": "hardcoded-credential"
  // SARIF: "endpoint": "tcp://app:***@cache.internal:6379/1"
  // SARIF: "ruleId": "rehost-hardcoded-credential"
}

void lone_password(const std::string &host) {
  // redis-plus-plus reads a lone user-info word as the password.
  sw::redis::RedisCluster cluster("tcp://s3cret@10.0.0.1:7000");
  // CHECK: :[[@LINE-1]]:27: warning: hardcoded Redis password for 'tcp://***@10.0.0.1:7000' in construction of 'sw::redis::RedisCluster'
  sw::redis::Redis partial("tcp://:s3cret@" + host);
  // CHECK: :[[@LINE-1]]:20: warning: hardcoded Redis password in construction of 'sw::redis::Redis'
}

// CHECK: rehost: 3 findings
