// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --implicit-check-not=warning:
// cpp_redis's connect: written arguments and the library's defaults
// (127.0.0.1:6379) both pin the endpoint.

#include <cpp_redis/cpp_redis>
#include <cstdlib>

void connect_all(cpp_redis::client &client, cpp_redis::subscriber &sub) {
  client.connect();
  // CHECK: cpp-redis-connect-defaults.cpp:[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://127.0.0.1:6379' in call to 'cpp_redis::client::connect' [rehost-hardcoded-endpoint]
  client.connect("cache.internal", 6379);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://cache.internal:6379' in call to 'cpp_redis::client::connect'
  client.connect("10.0.0.5", 6380, nullptr, 1000);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://10.0.0.5:6380' in call to 'cpp_redis::client::connect'
  sub.connect();
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://127.0.0.1:6379' in call to 'cpp_redis::subscriber::connect'
}

void configured(cpp_redis::client &client, const std::string &host) {
  // A written port next to a configured host does not pin the endpoint.
  client.connect(host, 6379);
  client.connect(std::getenv("REDIS_HOST"), 6379);
  // The sentinel overload names a master, not a server.
  client.connect("mymaster", nullptr);
}

// CHECK: rehost: 4 findings
