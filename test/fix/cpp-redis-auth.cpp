// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.cpp -- -std=c++11 -I%inputs 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED --implicit-check-not='{{s3cr[e]t}}'
// RUN: %clang-syntax -std=c++11 -I%inputs %t/app.cpp
// RUN: cp %t/app.cpp %t/app.cpp.first
// RUN: cd %t && %expect-exit 1 %rehost fix --format text app.cpp -- -std=c++11 -I%inputs
// RUN: cmp %t/app.cpp %t/app.cpp.first
// cpp_redis's auth becomes rehost::auth on the same client: the password
// leaves the code and comes from the profile of the endpoint the client was
// connected to (never a guessed one). A client connected elsewhere (a
// parameter) is left to a human. The project builds as C++11, as cpp_redis
// itself does.

#include <cpp_redis/cpp_redis>
#include <cstdlib>
#include <memory>
// FIXED: #include <memory>
// FIXED-NEXT: #include <rehost/rehost.hpp>

#define PASSWORD "k3pt"

struct Service {
  cpp_redis::client cache;
  cpp_redis::subscriber events;

  void start() {
    cache.connect("cache.internal", 6379);
    cache.auth("s3cret", [](cpp_redis::reply &) {});
    // FIXED: rehost::connect(cache, "cache", "cache.internal", 6379);
    // FIXED-NEXT: rehost::auth(cache, "cache", [](cpp_redis::reply &) {});
    events.connect("events.internal", 6379);
    events.auth("s3cret");
    // FIXED: rehost::connect(events, "events", "events.internal", 6379);
    // FIXED-NEXT: rehost::auth(events, "events");
  }
};

void login() {
  cpp_redis::client client;
  client.connect();
  client.auth("s3cret");
  // FIXED: rehost::connect(client, "default", "127.0.0.1", 6379);
  // FIXED-NEXT: rehost::auth(client, "default");
  // The password is written in the macro: a human moves it.
  client.auth(PASSWORD);
  // FIXED: client.auth(PASSWORD);
}

std::shared_ptr<cpp_redis::client> shared() {
  auto client = std::make_shared<cpp_redis::client>();
  client->connect("sessions.internal", 6379);
  client->auth("s3cret");
  // FIXED: rehost::connect(*client, "sessions", "sessions.internal", 6379);
  // FIXED-NEXT: rehost::auth(*client, "sessions");
  return client;
}

void connected_by_the_caller(cpp_redis::client &client) {
  client.auth("c4ller");
  // FIXED: client.auth("c4ller");
}

void configured(cpp_redis::client &client) {
  client.auth(std::getenv("REDIS_PASSWORD"));
  // FIXED: client.auth(std::getenv("REDIS_PASSWORD"));
}

// OUT: rehost: fixed 8 of 10 findings in 1 file (1 file changed); 2 manual; 1 translation unit scanned

// The JSON report records the rewrite.
// REPORT: "action": "fixed",
// REPORT: "after": "{{.*}}rehost::auth(cache, \"cache\", [](cpp_redis::reply &) {});{{.*}}",
// REPORT: "reason": "the credential is not a literal written at this use
// REPORT: "reason": "rehost cannot tell which profile the credential belongs to: the connection is a function parameter, connected by the caller"
