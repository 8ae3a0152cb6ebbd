// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.c -- 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/app.c --check-prefix=FIXED
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: %clang-syntax %t/app.c
// Constants stored into the fields a wrapper connects with are wrapped
// where they are stored, in the C accessors; the wrapper's connect takes
// the profile set. A copy into a fixed-size buffer and a C static
// initializer cannot take a call: they are left to a human, with why.

#include <hiredis/hiredis.h>
#include <string.h>
// FIXED: #include <hiredis/hiredis.h>
// FIXED-NEXT: #include <rehost/rehost.h>
// FIXED-NEXT: #include <string.h>

struct pool {
  const char *host;
  int port;
};

static redisContext *pool_open(const struct pool *p) {
  return redisConnect(p->host, p->port);
  // FIXED: return rehost_redisConnect("match:default", p->host, p->port);
}

redisContext *start_pool(void) {
  struct pool p;
  p.host = "10.0.0.9";
  // FIXED: p.host = rehost_host("default", "10.0.0.9");
  p.port = 6390;
  // FIXED: p.port = rehost_port("default", 6390);
  return pool_open(&p);
}

struct copied_pool {
  char host[64];
  int port;
};

static redisContext *copied_open(const struct copied_pool *p) {
  return redisConnect(p->host, p->port);
  // FIXED: return redisConnect(p->host, p->port);
}

redisContext *start_copied(void) {
  struct copied_pool p;
  strcpy(p.host, "10.0.0.10");
  // FIXED: strcpy(p.host, "10.0.0.10");
  p.port = 6391;
  return copied_open(&p);
}

struct static_pool {
  const char *host;
  int port;
};

static const struct static_pool replica = {"10.0.0.11", 6392};
// FIXED: static const struct static_pool replica = {"10.0.0.11", 6392};

redisContext *start_replica(void) {
  return redisConnect(replica.host, replica.port);
}

// OUT: rehost: fixed 1 of 3 findings in 1 file (1 file changed); 2 manual
// REPORT: "action": "fixed",
// REPORT: "line": 29,
// REPORT: "action": "manual",
// REPORT: "line": 48,
// REPORT: "reason": "the constant is copied into a buffer, which a longer configured value would overflow; copy the runtime's value with a bounded copy by hand",
// REPORT: "action": "manual",
// REPORT: "line": 59,
// REPORT: "reason": "a static initializer in C must stay a constant; read the runtime's value into the object at startup by hand",
