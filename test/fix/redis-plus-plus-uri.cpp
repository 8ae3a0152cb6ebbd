// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %expect-exit 0 %rehost fix --format json -o %t/report.json app.cpp -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED
// RUN: %clang-syntax -std=c++17 -I%inputs %t/app.cpp
// RUN: cp %t/app.cpp %t/app.cpp.first
// RUN: cd %t && %expect-exit 0 %rehost fix --format text app.cpp -- -std=c++17 -I%inputs
// RUN: cmp %t/app.cpp %t/app.cpp.first
// A redis-plus-plus URI becomes the ConnectionOptions it means, built by
// rehost::options from the URI as written (the fallback, so nothing changes
// until a profile is configured) and then the profile: any byte of a
// configured password travels, which a URI re-parsed by redis-plus-plus
// cannot carry. A URI with pool options stays a URI (rehost::uri).

#include <cstdlib>
#include <string>
#include <sw/redis++/redis++.h>
// After the file's own redis-plus-plus include, in a block of its own (the
// file's block would not stay sorted).
// FIXED: #include <sw/redis++/redis++.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/rehost.hpp>

void connect() {
  sw::redis::Redis redis("tcp://127.0.0.1:6379");
  // FIXED: sw::redis::Redis redis(rehost::options<sw::redis::ConnectionOptions>("default", "tcp://127.0.0.1:6379"));
  sw::redis::Redis again{"tcp://127.0.0.1:6379"};
  // FIXED: sw::redis::Redis again{rehost::options<sw::redis::ConnectionOptions>("default", "tcp://127.0.0.1:6379")};
  sw::redis::RedisCluster cluster("tcp://10.0.0.1:7000");
  // FIXED: sw::redis::RedisCluster cluster(rehost::options<sw::redis::ConnectionOptions>("cluster", "tcp://10.0.0.1:7000"));
  sw::redis::ConnectionOptions opts("unix:///run/redis/queue.sock");
  // FIXED: sw::redis::ConnectionOptions opts(rehost::options<sw::redis::ConnectionOptions>("queue", "unix:///run/redis/queue.sock"));
  // Pool options are read from a URI only: it stays one.
  sw::redis::Redis pooled("tcp://127.0.0.1:6379?pool_size=4");
  // FIXED: sw::redis::Redis pooled(rehost::uri("default", "tcp://127.0.0.1:6379?pool_size=4"));
  const std::string Uri = "tcp://127.0.0.1:6379";
  sw::redis::Redis named(Uri);
  // FIXED: sw::redis::Redis named(rehost::options<sw::redis::ConnectionOptions>("default", Uri));
}

#define CACHE_URI "tcp://127.0.0.1:6379"
#define MAKE(uri) sw::redis::Redis made(uri)
void macros() {
  sw::redis::Redis redis(CACHE_URI);
  // FIXED: sw::redis::Redis redis(rehost::options<sw::redis::ConnectionOptions>("default", CACHE_URI));
  MAKE("tcp://127.0.0.1:6379");
  // FIXED: MAKE(rehost::options<sw::redis::ConnectionOptions>("default", "tcp://127.0.0.1:6379"));
}

void negative(const char *configured) {
  sw::redis::Redis redis(configured);
  // FIXED: sw::redis::Redis redis(configured);
  sw::redis::Redis env(std::getenv("REDIS_URL"));
  // FIXED: sw::redis::Redis env(std::getenv("REDIS_URL"));
}

// OUT: rehost: fixed 8 of 8 findings in 1 file (1 file changed); 0 manual; 1 translation unit scanned

// The JSON report records the rewrite.
// REPORT: "action": "fixed",
// REPORT: "after": "{{.*}}sw::redis::Redis redis(rehost::options<sw::redis::ConnectionOptions>(\"default\", \"tcp://127.0.0.1:6379\"));{{.*}}",
