// A lambda called through a variable is a wrapper like a function: its
// call operator's parameters are slots, and the call hands them the
// constants (so does a call of a function object of the project's). A
// parameter the lambda reassigns is not the caller's value: no finding.
// RUN: %expect-exit 1 %rehost scan %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %rehost fix app.cpp -- -std=c++17 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED
// RUN: %clang-syntax -std=c++17 %t/app.cpp

#include <hiredis/hiredis.h>
#include <string>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.hpp>
// FIXED-NEXT: #include <string>

redisContext *start() {
  auto connect = [](const char *host, int port) {
    return redisConnect(host, port);
    // FIXED: return rehost_redisConnect("match:default", host, port);
  };
  return connect("10.0.0.5", 6379);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://10.0.0.5:6379' reaches 'redisConnect' through lambda in start [{{.*}}:[[@LINE-4]]]
  // FIXED: return connect(rehost_host("default", "10.0.0.5"), rehost::port("default", 6379));
}

struct Connector {
  redisContext *operator()(const std::string &host, int port) const {
    return redisConnect(host.c_str(), port);
    // FIXED: return rehost_redisConnect("match:queue", host.c_str(), port);
  }
};

redisContext *queue() {
  Connector connect;
  return connect("10.0.0.6", 6380);
  // CHECK: :[[@LINE-1]]:10: warning: hardcoded Redis endpoint 'redis://10.0.0.6:6380' reaches 'redisConnect' through Connector::operator()
  // FIXED: return connect(rehost::host("queue", "10.0.0.6"), rehost::port("queue", 6380));
}

// Negative: the lambda reassigns its parameter before the client call.
redisContext *reassigned() {
  auto connect = [](const char *host, int port) {
    host = "overridden.internal";
    return redisConnect(host, port);
  };
  return connect("10.0.0.7", 6381);
}

// OUT: rehost: fixed 2 of 2 findings in 1 file (1 file changed); 0 manual
