// RUN: rm -rf %t && mkdir %t && cp %s %t/app.cpp
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.cpp -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED
// RUN: %clang-syntax -std=c++17 -I%inputs %t/app.cpp
// RUN: cp %t/app.cpp %t/app.cpp.first
// RUN: cd %t && %expect-exit 1 %rehost fix --format text app.cpp -- -std=c++17 -I%inputs
// RUN: cmp %t/app.cpp %t/app.cpp.first
// cpp_redis's connect: host and port are each wrapped in their accessor
// under one profile; the other arguments stay.

#include <cpp_redis/cpp_redis>
#include <cstdlib>
// FIXED: #include <cstdlib>
// FIXED-NEXT: #include <rehost/rehost.hpp>

void connect(cpp_redis::client &client, cpp_redis::subscriber &sub) {
  client.connect("10.0.0.5", 6380);
  // FIXED: client.connect(rehost::host("default", "10.0.0.5"), rehost::port("default", 6380));
  sub.connect("events.internal", 6379, nullptr, 100);
  // FIXED: sub.connect(rehost::host("events", "events.internal"), rehost::port("events", 6379), nullptr, 100);
}

void partial(cpp_redis::client &client, int port) {
  // A constant host next to a run-time port: left for a human.
  client.connect("10.0.0.5", port);
  // FIXED: client.connect("10.0.0.5", port);
}

void configured(cpp_redis::client &client) {
  client.connect(std::getenv("REDIS_HOST"), 6380);
  // FIXED: client.connect(std::getenv("REDIS_HOST"), 6380);
}

// OUT: rehost: fixed 2 of 3 findings in 1 file (1 file changed); 1 manual; 1 translation unit scanned

// The JSON report records the rewrite.
// REPORT: "action": "fixed",
// REPORT: "after": "{{.*}}client.connect(rehost::host(\"default\", \"10.0.0.5\"), rehost::port(\"default\", 6380));{{.*}}",
