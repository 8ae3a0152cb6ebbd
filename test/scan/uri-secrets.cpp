// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --implicit-check-not='{{s3cr[e]t}}'
// RUN: %expect-exit 1 %rehost scan --format json %s -- -std=c++17 -I%inputs | FileCheck %s --check-prefix=JSON --implicit-check-not='{{s3cr[e]t}}'
// RUN: %expect-exit 1 %rehost scan --format sarif %s -- -std=c++17 -I%inputs | FileCheck %s --check-prefix=SARIF --implicit-check-not='{{s3cr[e]t}}'
// RUN: %expect-exit 1 %rehost scan --format markdown %s -- -std=c++17 -I%inputs | FileCheck %s --check-prefix=MD --implicit-check-not='{{s3cr[e]t}}'
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %expect-exit 0 %rehost fix --format json -o report.json app.cpp -- -std=c++17 -I%inputs
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=FIXJSON --implicit-check-not='{{s3cr[e]t}}'
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED --implicit-check-not='{{s3cr[e]t}}'
// RUN: FileCheck %s --input-file=%t/rehost.toml --check-prefix=TOML --implicit-check-not='{{s3cr[e]t}}'
// RUN: %clang-syntax -std=c++17 -I%inputs %t/app.cpp
// Every form of URI that carries a password, read as the runtime reads it:
// a lone user-info word is a password for every scheme and case, and
// ?password= / ?user= count as much as the user info. No report shows the
// password, and fix takes it out of the code.

#include <sw/redis++/redis++.h>

// FIXED: #include <sw/redis++/redis++.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/rehost.hpp>
// FIXED-EMPTY:
void lone_words() {
  sw::redis::Redis a("redis://s3cret@cache.internal");
  // CHECK: uri-secrets.cpp:[[@LINE-1]]:20: warning: hardcoded Redis password for 'redis://***@cache.internal' in construction of 'sw::redis::Redis' [rehost-hardcoded-credential]
  // CHECK-NEXT: {{^}}  sw::redis::Redis a("redis://***@cache.internal");
  // FIXED: sw::redis::Redis a(rehost::options<sw::redis::ConnectionOptions>("default", "redis://cache.internal"));
  sw::redis::Redis b("rediss://s3cret@tls.internal");
  // CHECK: :[[@LINE-1]]:20: warning: hardcoded Redis password for 'rediss://***@tls.internal'
  // FIXED: sw::redis::Redis b(rehost::options<sw::redis::ConnectionOptions>("tls", "rediss://tls.internal"));
  sw::redis::Redis c("Redis://s3cret@upper.internal");
  // CHECK: :[[@LINE-1]]:20: warning: hardcoded Redis password for 'Redis://***@upper.internal'
  sw::redis::Redis d("valkeys://s3cret@valkey.internal");
  // CHECK: :[[@LINE-1]]:20: warning: hardcoded Redis password for 'valkeys://***@valkey.internal'
  sw::redis::Redis e("redis+tls://s3cret@plus.internal");
  // CHECK: :[[@LINE-1]]:20: warning: hardcoded Redis password for 'redis+tls://***@plus.internal'
  sw::redis::ConnectionOptions f("redis+unix://s3cret@/run/redis.sock");
  // CHECK: :[[@LINE-1]]:32: warning: hardcoded Redis password for 'redis+unix://***@/run/redis.sock'
  // FIXED: sw::redis::ConnectionOptions f(rehost::options<sw::redis::ConnectionOptions>("redis", "redis+unix:///run/redis.sock"));
}

void query_keys() {
  sw::redis::Redis a("redis://query.internal?password=s3cret");
  // CHECK: :[[@LINE-1]]:20: warning: hardcoded Redis password for 'redis://query.internal?password=***'
  // FIXED: sw::redis::Redis a(rehost::options<sw::redis::ConnectionOptions>("query", "redis://query.internal"));
  sw::redis::Redis b("redis://both.internal?user=app&password=s3cret&db=2");
  // CHECK: :[[@LINE-1]]:20: warning: hardcoded Redis user name and password for 'redis://both.internal?user=app&password=***&db=2'
  // FIXED: sw::redis::Redis b(rehost::options<sw::redis::ConnectionOptions>("both", "redis://both.internal?db=2"));
  sw::redis::Redis c("redis://app:s3cret@twice.internal?PASSWORD=s3cret");
  // CHECK: :[[@LINE-1]]:20: warning: hardcoded Redis user name and password for 'redis://app:***@twice.internal?PASSWORD=***'
  // FIXED: sw::redis::Redis c(rehost::options<sw::redis::ConnectionOptions>("twice", "redis://twice.internal"));
  sw::redis::ConnectionOptions d("unix:///run/q.sock?password=s3cret&db=2");
  // CHECK: :[[@LINE-1]]:32: warning: hardcoded Redis password for 'unix:///run/q.sock?password=***&db=2'
  // FIXED: sw::redis::ConnectionOptions d(rehost::options<sw::redis::ConnectionOptions>("query-keys", "unix:///run/q.sock?db=2"));
}

// CHECK: rehost: 10 findings

// JSON: "endpoint": "redis://***@cache.internal"
// JSON: "rule": "hardcoded-credential"
// JSON: "endpoint": "redis://query.internal?password=***"
// SARIF: "endpoint": "redis://***@cache.internal"
// SARIF: "ruleId": "rehost-hardcoded-credential"
// MD: redis://***@cache.internal
// FIXJSON: "action": "fixed"
// FIXJSON: "address": "rediss://tls.internal:6379"
// TOML: [profiles.default]
