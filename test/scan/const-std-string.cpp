// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/hiredis.h>
#include <string>

static const std::string kHost = "orders.internal";
const std::string kSocket("/tmp/orders.sock");

redisContext *fromString() {
  return redisConnect(kHost.c_str(), 6379);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://orders.internal:6379' in call to 'redisConnect'
}

redisContext *fromStringData() {
  return redisConnectUnix(kSocket.data());
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'unix:///tmp/orders.sock' in call to 'redisConnectUnix'
}

redisContext *fromConcatenatedStrings() {
  const std::string Host = std::string("orders") + ".eu" + ".internal";
  return redisConnect(Host.c_str(), 6379);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://orders.eu.internal:6379' in call to 'redisConnect'
}
