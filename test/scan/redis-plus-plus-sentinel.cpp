// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=s3cret
// SentinelOptions: the sentinel node list and its credentials.

#include <cstdlib>
#include <memory>
#include <sw/redis++/redis++.h>

std::shared_ptr<sw::redis::Sentinel> sentinels() {
  sw::redis::SentinelOptions opts;
  opts.nodes = {{"10.0.0.1", 26379}, {"10.0.0.2", 26380}};
  // CHECK: redis-plus-plus-sentinel.cpp:[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.1:26379,10.0.0.2:26380' in assignment to 'sw::redis::SentinelOptions::nodes' [rehost-hardcoded-endpoint]
  opts.user = "app";
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis user name for 'redis://10.0.0.1:26379,10.0.0.2:26380' in assignment to 'sw::redis::SentinelOptions::user' [rehost-hardcoded-credential]
  opts.password = "s3cret";
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password for 'redis://10.0.0.1:26379,10.0.0.2:26380' in assignment to 'sw::redis::SentinelOptions::password'
  return std::make_shared<sw::redis::Sentinel>(opts);
}

void configured(sw::redis::SentinelOptions &opts, int port) {
  opts.nodes = {{std::getenv("SENTINEL_HOST"), port}};
}

// CHECK: rehost: 3 findings
