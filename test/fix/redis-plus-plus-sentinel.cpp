// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.cpp -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED --implicit-check-not='{{s3cr[e]t}}'
// RUN: %clang-syntax -std=c++17 -I%inputs %t/app.cpp
// redis-plus-plus's SentinelOptions: the sentinel's user name and password
// leave the code for the profile's; the node list stays (manual: the
// runtime has no rehost::sentinel_nodes accessor yet).

#include <memory>
#include <sw/redis++/redis++.h>
// FIXED: #include <sw/redis++/redis++.h>
// FIXED-EMPTY:
// FIXED-NEXT: #include <rehost/rehost.hpp>

std::shared_ptr<sw::redis::Sentinel> sentinels() {
  sw::redis::SentinelOptions opts;
  opts.nodes = {{"10.0.0.1", 26379}, {"10.0.0.2", 26380}};
  // FIXED: opts.nodes = {{[{]}}{"10.0.0.1", 26379}, {"10.0.0.2", 26380}};
  opts.user = "app";
  // FIXED: opts.user = rehost::username("default");
  opts.password = "s3cret";
  // FIXED: opts.password = rehost::password("default");
  return std::make_shared<sw::redis::Sentinel>(opts);
}

// OUT: rehost: fixed 2 of 3 findings in 1 file (1 file changed); 1 manual; 1 translation unit scanned

// REPORT: "action": "manual",
// REPORT-NEXT: "api": "sw::redis::SentinelOptions::nodes",
