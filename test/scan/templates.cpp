// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:
// A site inside a template is one site, however often it is instantiated;
// a template that is never instantiated still holds its site.

#include <hiredis/hiredis.h>

template <typename T> redisContext *connectFor() {
  return redisConnect("templated.internal", 6379);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://templated.internal:6379'
}

template <int Port> redisContext *connectPort() {
  return redisConnect("ported.internal", Port);
  // CHECK: :[[@LINE-1]]:10: warning: partially hardcoded Redis endpoint 'redis://ported.internal:<runtime>'
}

template <typename T> redisContext *neverInstantiated() {
  return redisConnect("dormant.internal", 6379);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://dormant.internal:6379'
}

void use() {
  connectFor<int>();
  connectFor<char>();
  connectPort<7001>();
}
// CHECK: rehost: 3 findings
