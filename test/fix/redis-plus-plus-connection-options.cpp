// RUN: rm -rf %t && mkdir %t && cp %s %t/app.cpp
// RUN: cd %t && %expect-exit 0 %rehost fix --format json -o %t/report.json app.cpp -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED --implicit-check-not='{{s3cr[e]t}}'
// RUN: %clang-syntax -std=c++17 -I%inputs %t/app.cpp
// RUN: cp %t/app.cpp %t/app.cpp.first
// RUN: cd %t && %expect-exit 0 %rehost fix --format text app.cpp -- -std=c++17 -I%inputs
// RUN: cmp %t/app.cpp %t/app.cpp.first
// ConnectionOptions fields: an address field (host, path) is wrapped in its
// accessor with the written value as fallback, and takes the object's port
// and db along under the same profile. User and password leave the code and
// are read from the default profile (REDIS_USERNAME, REDIS_PASSWORD).

#include <cstdlib>
#include <sw/redis++/redis++.h>

sw::redis::Redis make() {
  sw::redis::ConnectionOptions opts;
  opts.host = "cache.internal";
  // FIXED: opts.host = rehost::host("default", "cache.internal");
  opts.port = 6380;
  // FIXED: opts.port = rehost::port("default", 6380);
  opts.db = 2;
  // FIXED: opts.db = rehost::db("default", 2);
  opts.user = "app";
  // FIXED: opts.user = rehost::username("default");
  opts.password = "s3cret";
  // FIXED: opts.password = rehost::password("default");
  return sw::redis::Redis(opts);
}

void over_socket(sw::redis::ConnectionOptions *opts) {
  opts->type = sw::redis::ConnectionType::UNIX;
  opts->path = "/run/redis/queue.sock";
  // FIXED: opts->path = rehost::socket("queue", "/run/redis/queue.sock");
}

void port_alone(sw::redis::ConnectionOptions &opts) {
  // The host comes from the environment: nothing here pins the endpoint.
  opts.host = std::getenv("REDIS_HOST");
  // FIXED: opts.host = std::getenv("REDIS_HOST");
  opts.port = 6390;
  // FIXED: opts.port = 6390;
  opts.password = "";
  // FIXED: opts.password = "";
}

// OUT: rehost: fixed 4 of 4 findings in 1 file (1 file changed); 0 manual; 1 translation unit scanned

// The JSON report records the rewrite.
// REPORT: "action": "fixed",
// REPORT: "after": "{{.*}}opts.host = rehost::host(\"default\", \"cache.internal\");{{.*}}",
