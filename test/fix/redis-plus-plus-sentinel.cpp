// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp && cp %t/app.cpp %t/app.cpp.stripped
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.cpp -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: cmp %t/app.cpp %t/app.cpp.stripped
// redis-plus-plus's SentinelOptions hold the sentinels and the credentials
// the sentinels ask for, not the master's: giving them the profile's
// password would be a guess (and send the master's password to the
// sentinels), and no accessor hands a profile's sentinel settings to
// redis-plus-plus yet. All three stay, manual, with the reason.

#include <memory>
#include <sw/redis++/redis++.h>

std::shared_ptr<sw::redis::Sentinel> sentinels() {
  sw::redis::SentinelOptions opts;
  opts.nodes = {{"10.0.0.1", 26379}, {"10.0.0.2", 26380}};
  opts.user = "app";
  opts.password = "s3cret";
  return std::make_shared<sw::redis::Sentinel>(opts);
}

// OUT: rehost: fixed 0 of 3 findings in 1 file (0 files changed); 3 manual; 1 translation unit scanned

// REPORT: "action": "manual",
// REPORT-NEXT: "api": "sw::redis::SentinelOptions::nodes",
// REPORT: "reason": "a Sentinel's options hold the sentinels and their own credentials, which no rehost accessor hands to redis-plus-plus yet; move them to configuration by hand (the runtime reads REDIS_<PROFILE>_SENTINEL_NODES, _SENTINEL_USERNAME and _SENTINEL_PASSWORD)"
// REPORT: "action": "manual",
// REPORT-NEXT: "api": "sw::redis::SentinelOptions::user",
// REPORT: "action": "manual",
// REPORT-NEXT: "api": "sw::redis::SentinelOptions::password",
