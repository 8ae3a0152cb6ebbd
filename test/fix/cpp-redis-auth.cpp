// RUN: rm -rf %t && mkdir %t && cp %s %t/app.cpp
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.cpp -- -std=c++17 -I%inputs 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED --implicit-check-not='{{s3cr[e]t}}'
// RUN: %clang-syntax -std=c++17 -I%inputs %t/app.cpp
// RUN: cp %t/app.cpp %t/app.cpp.first
// RUN: cd %t && %expect-exit 1 %rehost fix --format text app.cpp -- -std=c++17 -I%inputs
// RUN: cmp %t/app.cpp %t/app.cpp.first
// cpp_redis's auth: the password leaves the code and is read from the
// default profile (REDIS_PASSWORD); no fallback carries it.

#include <cpp_redis/cpp_redis>
#include <cstdlib>

#define PASSWORD "k3pt"

void login(cpp_redis::client &client, cpp_redis::subscriber &sub) {
  client.auth("s3cret", [](cpp_redis::reply &) {});
  // FIXED: client.auth(rehost::password("default"), [](cpp_redis::reply &) {});
  client.auth("s3cret");
  // FIXED: client.auth(rehost::password("default"));
  sub.auth("s3cret");
  // FIXED: sub.auth(rehost::password("default"));
  // The password is written in the macro: a human moves it.
  client.auth(PASSWORD);
  // FIXED: client.auth(PASSWORD);
}

void configured(cpp_redis::client &client) {
  client.auth(std::getenv("REDIS_PASSWORD"));
  // FIXED: client.auth(std::getenv("REDIS_PASSWORD"));
}

// OUT: rehost: fixed 3 of 4 findings in 1 file (1 file changed); 1 manual; 1 translation unit scanned

// The JSON report records the rewrite.
// REPORT: "action": "fixed",
// REPORT: "after": "{{.*}}client.auth(rehost::password(\"default\"), [](cpp_redis::reply &) {});{{.*}}",
