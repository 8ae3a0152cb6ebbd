// fix --pool in C++: nullptr tests count as NULL tests; a context a lambda
// captures may outlive the request and is not pooled.
// RUN: %strip-checks %s %t.cpp && %expect-exit 0 %rehost fix --pool --format json -o %t.json %t.cpp -- -std=c++17 2>/dev/null
// RUN: FileCheck %s --input-file=%t.cpp
// RUN: FileCheck %s --check-prefix=REPORT --input-file=%t.json
// RUN: %clang-syntax -std=c++17 %t.cpp

#include <hiredis/hiredis.h>
#include <functional>

// CHECK: #include <functional>
// CHECK-EMPTY:
// CHECK-NEXT: #include <rehost/rehost.h>
// CHECK-EMPTY:
long long request() {
  redisContext *c = redisConnect("10.1.0.5", 6379);
  // CHECK: redisContext *c = rehost_pool_acquire(rehost_pool_get("default", "redis://10.1.0.5:6379"), -1);
  if (c == nullptr || c->err) {
    redisFree(c);
    // CHECK: rehost_redisRelease(c);
    return -1;
  }
  auto *r = static_cast<redisReply *>(redisCommand(c, "INCR hits"));
  long long n = r ? r->integer : -1;
  freeReplyObject(r);
  redisFree(c);
  // CHECK: rehost_redisRelease(c);
  return n;
}

std::function<void()> later;
void captured() {
  redisContext *c = redisConnect("10.1.0.6", 6379);
  // CHECK: redisContext *c = rehost_redisConnect("captured", "10.1.0.6", 6379);
  if (!c)
    return;
  later = [c] { redisCommand(c, "PING"); };
  redisFree(c);
}

// REPORT: "reason": "",
// REPORT: "reason": "not pooled: --pool: 'c' is used on line {{[0-9]+}} for more than hiredis commands
