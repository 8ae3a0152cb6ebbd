// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --implicit-check-not=warning:
// redis-plus-plus's URI constructors: Redis, RedisCluster, ConnectionOptions.

#include <cstdlib>
#include <string>
#include <sw/redis++/redis++.h>

using namespace sw::redis;

const std::string kCacheUri = "tcp://cache.internal:6380";

void connect_all() {
  Redis direct("tcp://127.0.0.1:6379");
  // CHECK: redis-plus-plus-uri.cpp:[[@LINE-1]]:9: warning: hardcoded Redis endpoint 'tcp://127.0.0.1:6379' in construction of 'sw::redis::Redis' [rehost-hardcoded-endpoint]
  auto temporary = Redis("unix:///run/redis/queue.sock");
  // CHECK: :[[@LINE-1]]:20: warning: hardcoded Redis endpoint 'unix:///run/redis/queue.sock' in construction of 'sw::redis::Redis'
  Redis constant(kCacheUri);
  // CHECK: :[[@LINE-1]]:9: warning: hardcoded Redis endpoint 'tcp://cache.internal:6380' in construction of 'sw::redis::Redis'
  RedisCluster cluster("tcp://10.0.0.1:7000");
  // CHECK: :[[@LINE-1]]:16: warning: hardcoded Redis endpoint 'tcp://10.0.0.1:7000' in construction of 'sw::redis::RedisCluster'
  ConnectionOptions options("tcp://127.0.0.1:6379/2");
  // CHECK: :[[@LINE-1]]:21: warning: hardcoded Redis endpoint 'tcp://127.0.0.1:6379/2' in construction of 'sw::redis::ConnectionOptions'
}

void partial(int argc, char **argv) {
  Redis fallback(argc > 1 ? std::string(argv[1]) : "tcp://127.0.0.1:6379");
  // CHECK: :[[@LINE-1]]:9: warning: partially hardcoded Redis endpoint 'tcp://127.0.0.1:6379' in construction of 'sw::redis::Redis'
}

void configured(const std::string &uri, const ConnectionOptions &opts) {
  Redis from_env(std::getenv("REDIS_URL"));
  Redis from_param(uri);
  Redis from_options(opts);
  // Only the scheme is written: the server comes from run time.
  Redis only_scheme("tcp://" + uri);
}

// CHECK: rehost: 6 findings
