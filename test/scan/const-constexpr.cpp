// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <hiredis/hiredis.h>

namespace config {
constexpr const char *Host = "sessions.internal";
constexpr int Port = 6379 + 10;
struct Endpoint {
  static constexpr const char *Host = "members.internal";
  static constexpr int Port = 6379;
};
} // namespace config

redisContext *fromConstexpr() {
  return redisConnect(config::Host, config::Port);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://sessions.internal:6389' in call to 'redisConnect'
}

redisContext *fromStaticMembers() {
  return redisConnect(config::Endpoint::Host, config::Endpoint::Port);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://members.internal:6379' in call to 'redisConnect'
}
