// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.cpp
// RUN: cd %t && %expect-exit 0 %rehost fix app.cpp -- -std=c++17 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.cpp --check-prefix=FIXED
// RUN: %clang-syntax -std=c++17 -I%inputs %t/app.cpp
// When nothing closer names the endpoint, the function it is connected in
// does (connect_queue gives "queue"); a method whose name says nothing
// (open) gives its class's (SessionStore: "session-store").

#include <hiredis/hiredis.h>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.h>

// OUT: rehost: added profiles default, queue, session-store to the runtime's rehost.toml

redisContext *connect_queue() {
  return redisConnect("10.9.9.5", 6379);
  // FIXED: return rehost_redisConnect("queue", "10.9.9.5", 6379);
}

class SessionStore {
public:
  redisContext *open() {
    return redisConnect("10.9.9.6", 6379);
    // FIXED: return rehost_redisConnect("session-store", "10.9.9.6", 6379);
  }
};

redisContext *one() { return redisConnect("127.0.0.1", 6379); }
// FIXED: redisContext *one() { return rehost_redisConnect("default", "127.0.0.1", 6379); }
redisContext *two() { return redisConnect("127.0.0.1", 6379); }
// FIXED: redisContext *two() { return rehost_redisConnect("default", "127.0.0.1", 6379); }
