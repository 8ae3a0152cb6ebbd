// RUN: rm -rf %t && mkdir %t && %strip-checks %s %t/app.c
// RUN: cp %t/app.c %t/app.c.before
// RUN: cd %t && %expect-exit 1 %rehost fix --format json -o %t/report.json app.c -- 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t/report.json --check-prefix=REPORT
// RUN: cmp %t/app.c %t/app.c.before
// A wrapper's client call moves only when every constant reaching it can
// move: renaming it for one would hide the other, left behind, from every
// later scan. Here one caller's port is written inside the project's own
// code on the way (a configured port could not replace it), so neither
// constant moves and the file is unchanged.

#include <hiredis/hiredis.h>

static redisContext *open_at(const char *host, int port) {
  return redisConnect(host, port);
}

static redisContext *open_default_port(const char *host) {
  return open_at(host, 6379);
}

redisContext *open_cache(void) { return open_at("10.3.3.3", 6381); }

redisContext *open_queue(void) { return open_default_port("10.3.3.4"); }

// OUT: rehost: fixed 0 of 2 findings in 1 file (0 files changed); 2 manual
// REPORT: "line": 22,
// REPORT: "reason": "another constant that reaches the same client call is left to a human first: app.c:24 (the port is written in the project's own code on the way to the client call, where a configured one cannot reach; hand it on beside the host, or move it by hand)",
// REPORT: "line": 24,
// REPORT: "reason": "the port is written in the project's own code on the way to the client call, where a configured one cannot reach; hand it on beside the host, or move it by hand",
