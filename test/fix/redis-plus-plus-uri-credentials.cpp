// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %expect-exit 1 %rehost fix --format json app.cpp -- -std=c++17 -I%inputs > %t/report.json
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=JSON --implicit-check-not='{{s3cr[e]t}}'
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED --implicit-check-not='{{s3cr[e]t}}'
// RUN: %clang-syntax -std=c++17 -I%inputs %t/app.cpp
// RUN: cp %t/app.cpp %t/app.cpp.first
// RUN: cd %t && %expect-exit 1 %rehost fix --format text app.cpp -- -std=c++17 -I%inputs
// RUN: cmp %t/app.cpp %t/app.cpp.first
// A URI's credentials leave the code: the fallback is the URI without its
// user info, and rehost::uri writes the configured user and password back
// into the URI it returns. The report names the profile whose variables
// (REDIS_PASSWORD, REDIS_USERNAME) to set.

#include <string>
#include <sw/redis++/redis++.h>

// FIXED: #include <sw/redis++/redis++.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/rehost.hpp>
// FIXED-EMPTY:
const std::string Kept = "tcp://k3pt@10.9.9.9:6379";

void with_password() {
  sw::redis::Redis redis("tcp://app:s3cret@cache.internal:6379/1");
  // FIXED: sw::redis::Redis redis(rehost::options<sw::redis::ConnectionOptions>("default", "tcp://cache.internal:6379/1"));
  sw::redis::RedisCluster cluster("tcp://s3cret@10.0.0.1:7000");
  // FIXED: sw::redis::RedisCluster cluster(rehost::options<sw::redis::ConnectionOptions>("cluster", "tcp://10.0.0.1:7000"));
  sw::redis::ConnectionOptions opts("unix://s3cret@/run/redis.sock");
  // FIXED: sw::redis::ConnectionOptions opts(rehost::options<sw::redis::ConnectionOptions>("with-password", "unix:///run/redis.sock"));
}

void written_elsewhere() {
  // The password is written in the variable, not here: a human moves it.
  sw::redis::Redis redis(Kept);
  // FIXED: sw::redis::Redis redis(Kept);
}

// JSON: "action": "fixed"
// JSON: "profile": "default"
// JSON: "action": "fixed"
// JSON: "profile": "cluster"
// JSON: "action": "fixed"
// JSON: "action": "manual"
// JSON-NEXT: "api": "sw::redis::Redis"
// JSON: "reason": "the credential is not a literal written at this use; move it to configuration and remove it from the code by hand"
// JSON: "name": "default"
// JSON: "REDIS_PASSWORD"
