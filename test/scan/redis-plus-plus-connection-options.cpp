// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=s3cret
// ConnectionOptions fields: each assignment is a site. The address fields
// (host, path) pin the endpoint; port and db alone do not; user and password
// are credentials.

#include <cstdlib>
#include <sw/redis++/redis++.h>

sw::redis::Redis make() {
  sw::redis::ConnectionOptions opts;
  opts.host = "cache.internal";
  // CHECK: redis-plus-plus-connection-options.cpp:[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://cache.internal:6380/2' in assignment to 'sw::redis::ConnectionOptions::host' [rehost-hardcoded-endpoint]
  opts.port = 6380;
  opts.db = 2;
  opts.user = "app";
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis user name for 'redis://cache.internal:6380/2' in assignment to 'sw::redis::ConnectionOptions::user'
  opts.password = "s3cret";
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis password for 'redis://cache.internal:6380/2' in assignment to 'sw::redis::ConnectionOptions::password'
  return sw::redis::Redis(opts);
}

void over_socket(sw::redis::ConnectionOptions *opts) {
  opts->type = sw::redis::ConnectionType::UNIX;
  opts->path = "/run/redis/redis.sock";
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'unix:///run/redis/redis.sock' in assignment to 'sw::redis::ConnectionOptions::path'
}

void configured(sw::redis::ConnectionOptions &opts) {
  opts.host = std::getenv("REDIS_HOST");
  opts.password = std::getenv("REDIS_PASSWORD");
  opts.password = "";
}

// CHECK: rehost: 4 findings
