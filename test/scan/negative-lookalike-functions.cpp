// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:
// Matching is on the declaration hiredis's headers make, not on the name.

#include <hiredis/hiredis.h>

// A project function that shares a prefix.
redisContext *redisConnectWithRetry(const char *host, int port) {
  return redisConnect(host, port);
}

// A project function with the very same name, in its own namespace.
namespace mock {
int redisConnect(const char *host, int port) { return port; }
} // namespace mock

// A project type with a same-named method.
struct Client {
  void redisConnect(const char *host, int port) {}
};

void uses() {
  redisConnectWithRetry("127.0.0.1", 6379);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://127.0.0.1:6379' reaches 'redisConnect' through redisConnectWithRetry
  mock::redisConnect("127.0.0.1", 6379);
  Client().redisConnect("127.0.0.1", 6379);
  // Only the real one is a finding of its own.
  redisConnect("127.0.0.1", 6379);
  // CHECK: :[[@LINE-1]]:3: warning: hardcoded Redis endpoint 'redis://127.0.0.1:6379' in call to 'redisConnect'
}

// CHECK: rehost: 2 findings
