// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.cpp -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED
// RUN: %clang-syntax -std=c++17 -I%inputs %t/app.cpp
// RUN: cp %t/app.cpp %t/app.cpp.first
// RUN: cd %t && %expect-exit 1 %rehost fix --format text app.cpp -- -std=c++17 -I%inputs
// RUN: cmp %t/app.cpp %t/app.cpp.first
// cpp_redis's connect becomes rehost::connect: the object first, then the
// profile, then the written arguments as the fallback. It also sends the
// profile's password and db, which cpp_redis's connect alone never would.

#include <cpp_redis/cpp_redis>
#include <cstdlib>
#include <memory>
#include <vector>
// FIXED: #include <memory>
// FIXED-NEXT: #include <rehost/rehost.hpp>

void connect(cpp_redis::client &client, cpp_redis::subscriber &sub) {
  client.connect("10.0.0.5", 6380);
  // FIXED: rehost::connect(client, "default", "10.0.0.5", 6380);
  sub.connect("events.internal", 6379, nullptr, 100);
  // FIXED: rehost::connect(sub, "sub", "events.internal", 6379, nullptr, 100);
}

void through_pointers(cpp_redis::client *client,
                      std::shared_ptr<cpp_redis::client> shared,
                      std::vector<cpp_redis::client *> &all) {
  client->connect("10.0.0.5", 6380);
  // FIXED: rehost::connect(*client, "default", "10.0.0.5", 6380);
  shared->connect("10.0.0.5", 6380);
  // FIXED: rehost::connect(*shared, "default", "10.0.0.5", 6380);
  all[0]->connect("10.0.0.5", 6380);
  // FIXED: rehost::connect(*(all[0]), "default", "10.0.0.5", 6380);
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

// OUT: rehost: fixed 5 of 6 findings in 1 file (1 file changed); 1 manual; 1 translation unit scanned

// The JSON report records the rewrite.
// REPORT: "action": "fixed",
// REPORT: "after": "{{.*}}rehost::connect(client, \"default\", \"10.0.0.5\", 6380);{{.*}}",
